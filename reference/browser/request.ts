/**
 * The request as fetch() builds it from script's arguments: the Request constructor's checks, the
 * Headers guard, and fetch's default Accept.
 * @see https://fetch.spec.whatwg.org/#concept-fetch
 */
import { isForbiddenMethod, normalizeMethod } from '../../spec/methods.js';
import { isToken } from '../../spec/abnf.js';
import {
  isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader,
} from '../../spec/request-headers.js';
import { headerListGet, normalizeHeaderValue } from '../../spec/header-list.js';
import { isCorsSafelistedMethod } from '../../spec/methods.js';
import { parseOriginOrNull, type Origin } from '../../spec/origin.js';
import { failure } from '../../spec/abnf.js';
import { ACCEPT } from '../../spec/headers.js';
import { memoizeString } from '../../spec/memo.js';
import { CaseError } from './errors.js';
import { profiles, type Profile } from './profiles.js';
import type { Trace } from './trace.js';
import type { CaseHeaders, CaseRequest, CredentialsMode, RedirectMode } from './types.js';

export type Tainting = 'basic' | 'cors' | 'opaque';

/** The fields of a Fetch request that CORS reads. @see https://fetch.spec.whatwg.org/#requests */
export interface FetchRequest {
  method: string;
  readonly urlList: URL[];
  readonly origin: Origin;
  readonly mode: 'cors' | 'no-cors' | 'same-origin';
  readonly credentials: CredentialsMode;
  readonly redirect: RedirectMode;
  headerList: [string, string][];
  /** Whether fetch() appended the default Accept header (which is not an author header). */
  readonly defaultAccept: boolean;
  readonly useCorsPreflight: boolean;
  body: 'none' | 'bytes' | 'stream';
  tainting: Tainting;
  redirectCount: number;
  /** Whether an earlier request of this fetch (before a redirect) carried Origin. */
  sentOrigin?: boolean;
  /** Memo of the CORS-unsafe names: valid while `headerList` is this list (a redirect may replace it). */
  unsafeNamesOf?: { readonly list: readonly (readonly [string, string])[]; readonly profile: string; readonly names: readonly string[] };
  /** Whether a hop of this fetch needed a preflight (a profile may preflight every later hop). */
  preflightNeeded?: boolean;
  /** The header list before the last redirect rewrote it, for a profile where removed headers still count. */
  headersBeforeRedirect?: [string, string][];
  /** Memo of the byte-serialized request origin: valid while the URL list has `hops` URLs (a redirect appends one). */
  serializedOriginOf?: { readonly hops: number; readonly value: string };
}

export function currentUrl(request: FetchRequest): URL {
  const url = request.urlList[request.urlList.length - 1];
  if (url === undefined) throw new Error('a request always has a URL');
  return url;
}

/** Header values as bytes: browsers reject code points above U+00FF in a ByteString (TypeError). */
function byteStringOrThrow(value: string, name: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0xff) {
      throw new CaseError(`${where(name)}: "${value}" is not a byte string (the Headers API throws TypeError)`);
    }
  }
  return value;
}

function caseHeaderLines(headers: CaseHeaders | undefined): [string, string][] {
  const lines: [string, string][] = [];
  for (const name in headers) {
    const value = headers[name]!;
    if (typeof value === 'string') lines.push([name, value]);
    else for (const one of value) lines.push([name, one]);
  }
  return lines;
}

/** Where an input error points; built only when one is thrown. */
const where = (name: string): string => `request.headers["${name}"]`;

/**
 * Headers "append" with guard `request` or `request-no-cors`: invalid names or values throw,
 * forbidden request-headers are silently ignored, and no-cors drops anything not no-CORS-safelisted.
 */
function appendAuthorHeaders(input: CaseRequest, mode: FetchRequest['mode'], trace: Trace, profile: Profile): [string, string][] {
  const list: [string, string][] = [];
  const poisoned = profile.combinesRequestHeaders ? forbiddenWhenCombined(input) : null;
  for (const [name, raw] of caseHeaderLines(input.headers)) {
    const value = normalizeHeaderValue(byteStringOrThrow(raw, name));
    if (!isToken(name)) throw new CaseError(`${where(name)}: not a valid header name (the Headers API throws TypeError)`);
    if (/[\0\r\n]/.test(value)) throw new CaseError(`${where(name)}: a header value cannot contain NUL, CR or LF`);
    if (isForbiddenRequestHeader(name, value)) {
      trace.info('forbidden-request-header', `${name}: the Headers API silently drops this forbidden request-header`);
      continue;
    }
    if (poisoned !== null && poisoned.has(name.toLowerCase())) {
      trace.info('browser:chromium-combined-request-headers', `${name}: its combined value is forbidden, so this engine drops every ${name} line`);
      continue;
    }
    if (profile.extraForbiddenRequestHeaders.length > 0 && profile.extraForbiddenRequestHeaders.includes(name.toLowerCase())) {
      trace.info('browser:chromium-user-agent-forbidden', `${name}: this engine silently drops it, although the spec lets script set it`);
      continue;
    }
    if (mode === 'no-cors') {
      const existing = headerListGet(list, name);
      const combined = existing === null ? value : `${existing}, ${value}`;
      if (!isNoCorsSafelistedRequestHeader(name, combined)) {
        trace.info('no-cors-safelisted-request-header-name', `${name}: dropped; a no-cors request keeps only no-CORS-safelisted request-headers`);
        continue;
      }
    }
    list.push([name, value]);
  }
  return list;
}

/** For an engine that combines repeats: names whose combined value is forbidden (DELETE, then TRACE). */
function forbiddenWhenCombined(input: CaseRequest): Set<string> {
  const lines = caseHeaderLines(input.headers).map(([name, value]): [string, string] => [name, normalizeHeaderValue(value)]);
  return new Set(lines.filter(([name]) => isForbiddenRequestHeader(name, headerListGet(lines, name)!)).map(([name]) => name.toLowerCase()));
}

/** Parsed once per distinct URL string; the URL objects in a request's URL list are never mutated. */
const requestUrl = (input: CaseRequest): URL => parseRequestUrl(input.url);
const parseRequestUrl = memoizeString((href: string): URL => {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new CaseError(`request.url: "${href}" is not an absolute URL`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new CaseError('request.url: a URL with credentials (user:pass@) makes the Request constructor throw TypeError');
  }
  url.hash = '';
  return url;
});

function requestMethod(input: CaseRequest, mode: FetchRequest['mode']): string {
  const raw = input.method ?? 'GET';
  if (!isToken(raw)) throw new CaseError(`request.method: "${raw}" is not a method token`);
  if (isForbiddenMethod(raw)) throw new CaseError(`request.method: "${raw}" is a forbidden method (the Request constructor throws TypeError)`);
  const method = normalizeMethod(raw);
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) {
    throw new CaseError(`request.method: a no-cors request must use GET, HEAD or POST, not "${method}"`);
  }
  return method;
}

/** Builds the request fetch() would start main fetch with, by the Headers rules of `profile`. */
export function createRequest(input: CaseRequest, trace: Trace, profile: Profile = profiles.spec): FetchRequest {
  const mode = input.mode ?? 'cors';
  if (mode === 'navigate') throw new CaseError('request.mode: "navigate" cannot be used with fetch() (the Request constructor throws TypeError)');
  const origin = parseOriginOrNull(input.origin);
  if (origin === failure) {
    throw new CaseError(`request.origin: "${input.origin}" is not a serialized origin (e.g. "https://app.example") or "null"`);
  }
  const url = requestUrl(input);
  const method = requestMethod(input, mode);
  const stream = input.body === true && input.useCorsPreflight === true;
  if (input.body === true && (method === 'GET' || method === 'HEAD')) {
    throw new CaseError(`request.body: a ${method} request cannot have a body (the Request constructor throws TypeError)`);
  }
  if (stream && mode === 'no-cors') throw new CaseError('request.body: a stream body needs mode "cors" or "same-origin"');
  const headerList = appendAuthorHeaders(input, mode, trace, profile);
  // fetch step: with no Accept, the user agent appends `*/*`. Choice: no Accept-Language is appended
  // (the spec leaves it to the UA); a case that wants one sets it.
  const defaultAccept = !headerList.some(([name]) => name.toLowerCase() === ACCEPT);
  if (defaultAccept) headerList.push([ACCEPT, '*/*']);
  return {
    method, urlList: [url], origin, mode, credentials: input.credentials ?? 'same-origin',
    redirect: input.redirect ?? 'follow', headerList, defaultAccept,
    useCorsPreflight: input.useCorsPreflight === true, body: stream ? 'stream' : input.body === true ? 'bytes' : 'none',
    tainting: 'basic', redirectCount: 0,
    // Every field present from the start: requests keep one shape as the algorithms fill in the memos.
    sentOrigin: undefined, unsafeNamesOf: undefined, preflightNeeded: undefined, headersBeforeRedirect: undefined,
    serializedOriginOf: undefined,
  };
}
