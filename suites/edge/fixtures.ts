/**
 * Shared vocabulary of the edge cases: the page and target origins, and small builders for the
 * headers and expected requests the cases repeat. Data stays readable; nothing here decides an outcome.
 */
import { ACAC, ACAH, ACAM, ACAO, ACMA, ACRH, ACRM, ORIGIN } from '../../spec/headers.js';
import type { CaseHeaders } from '../../reference/browser/types.js';
import type { ExpectedVerdict } from './types.js';

/** The document that runs the script. */
export const PAGE = 'https://app.example';
/** The cross-origin API the page calls. */
export const API = 'https://api.example';
/** A third origin that redirects lead to. */
export const OTHER = 'https://other.example';

export type ExpectedRequest = NonNullable<ExpectedVerdict['requests']>[number];
type ExpectedHeaders = Readonly<Record<string, string | null>>;

/** A URL on the API origin. */
export const api = (path: string): string => API + path;
/** A URL on the third origin. */
export const other = (path: string): string => OTHER + path;
/** A URL on the page's own origin. */
export const own = (path: string): string => PAGE + path;

/** `Access-Control-Allow-Origin: <origin>` plus any further response headers. */
export const allowOrigin = (extra: CaseHeaders = {}, origin: string = PAGE): CaseHeaders => ({
  [ACAO]: origin,
  ...extra,
});

/** The exact origin plus `Access-Control-Allow-Credentials: true`, as a credentialed request needs. */
export const allowCredentials = (extra: CaseHeaders = {}, origin: string = PAGE): CaseHeaders => ({
  [ACAO]: origin,
  [ACAC]: 'true',
  ...extra,
});

/** A passing preflight answer: the origin, and (when given) methods, headers and max-age. */
export const preflightOk = (
  opts: { methods?: string; headers?: string; maxAge?: string; origin?: string; credentials?: boolean } = {},
): CaseHeaders => ({
  [ACAO]: opts.origin ?? PAGE,
  ...(opts.credentials ? { [ACAC]: 'true' } : {}),
  ...(opts.methods !== undefined ? { [ACAM]: opts.methods } : {}),
  ...(opts.headers !== undefined ? { [ACAH]: opts.headers } : {}),
  ...(opts.maxAge !== undefined ? { [ACMA]: opts.maxAge } : {}),
});

/** An expected preflight: OPTIONS to `url`, with its Origin, ACRM and ACRH (null: no ACRH at all). */
export const sentPreflight = (url: string, method: string, acrh: string | null, origin: string = PAGE): ExpectedRequest => ({
  kind: 'preflight',
  method: 'OPTIONS',
  url,
  headers: { [ORIGIN]: origin, [ACRM]: method, [ACRH]: acrh },
});

/** An expected actual request; `origin` null asserts that no Origin header was sent. */
export const sentActual = (
  method: string,
  url: string,
  origin: string | null = PAGE,
  headers: ExpectedHeaders = {},
): ExpectedRequest => ({
  kind: 'actual',
  method,
  url,
  headers: { [ORIGIN]: origin, ...headers },
});

/** `n` repetitions of `ch`, for values of an exact byte length (all ASCII). */
export const bytes = (n: number, ch = 'a'): string => ch.repeat(n);

/**
 * The same expectation for the three engine profiles: where Chromium, Firefox and WebKit all classify a
 * repeated request header by its combined value (measured by the browser runner).
 */
export const combinedEverywhere = <E>(expectation: E): { readonly chromium: E; readonly firefox: E; readonly webkit: E } =>
  ({ chromium: expectation, firefox: expectation, webkit: expectation });
