/** Lowercase header names, defined once and used everywhere (tests included). */

export const ORIGIN = 'origin';
export const ACAO = 'access-control-allow-origin';
export const ACAC = 'access-control-allow-credentials';
export const ACAM = 'access-control-allow-methods';
export const ACAH = 'access-control-allow-headers';
export const ACMA = 'access-control-max-age';
export const ACEH = 'access-control-expose-headers';
export const ACRM = 'access-control-request-method';
export const ACRH = 'access-control-request-headers';
export const ACCEPT = 'accept';
export const AUTHORIZATION = 'authorization';
export const LOCATION = 'location';
export const VARY = 'vary';
export const CONTENT_TYPE = 'content-type';
export const SET_COOKIE = 'set-cookie';
export const ACCEPT_LANGUAGE = 'accept-language';
export const CONTENT_LANGUAGE = 'content-language';
export const RANGE = 'range';
