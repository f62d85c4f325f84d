/**
 * What the reference server does with one request, as data: which CORS headers to write, which
 * field names to append to `Vary`, and whether the middleware answers (preflights) or the application
 * does. Pure: no I/O, no clock; every input is bounded (see limits.ts).
 * @see https://fetch.spec.whatwg.org/#http-cors-protocol
 */
import { failure, isToken, parseTokenList } from '../../spec/abnf.js';
import { byteCaseInsensitiveMatch, byteLowercase } from '../../spec/header-list.js';
import type { HeaderList } from '../../spec/header-list.js';
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, ACRH, ACRM, ORIGIN } from '../../spec/headers.js';
import { isCorsSafelistedMethod } from '../../spec/methods.js';
import { isSerializedOrigin } from '../../spec/origin.js';
import { isCorsNonWildcardRequestHeaderName, isForbiddenRequestHeader } from '../../spec/request-headers.js';
import { LIMITS } from './limits.js';
import { matchesSubdomainPattern } from './origin-patterns.js';
import { AMBIGUOUS_PATH } from './policy-fields.js';
import type { CompiledPolicy } from './policy.js';

/** The parts of a request `decide` reads. `path` may carry a query string. */
export interface ServerRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: HeaderList;
}

export type Header = readonly [name: string, value: string];

/** Why a CORS request got no CORS headers. */
export type RefusalReason =
  | 'origin-not-allowed' | 'null-origin' | 'origin-too-long'
  | 'method-not-allowed' | 'method-invalid' | 'method-too-long'
  | 'headers-not-allowed' | 'headers-invalid' | 'headers-too-long' | 'too-many-headers';

interface Outcome {
  /** Exactly the CORS headers to write (lowercase names), in this order. */
  readonly headers: readonly Header[];
  /** Field names to append to `Vary`; never replaces what the application set. */
  readonly vary: readonly string[];
}

/**
 * `preflight` / `refused-preflight`: the middleware answers with `status`; the application is not run.
 * `actual`, `refused-actual`, `not-cors` (no `Origin`), `out-of-scope` (path outside `paths`): the
 * application answers and the middleware adds `headers` and `vary` to its response.
 */
export type Decision =
  | (Outcome & { readonly kind: 'preflight'; readonly status: 204 })
  | (Outcome & { readonly kind: 'refused-preflight'; readonly status: 403; readonly reason: RefusalReason })
  | (Outcome & { readonly kind: 'actual' })
  | (Outcome & { readonly kind: 'refused-actual'; readonly reason: RefusalReason })
  | (Outcome & { readonly kind: 'not-cors' })
  | (Outcome & { readonly kind: 'out-of-scope' });

const tooLong: unique symbol = Symbol('too-long');
type Present = string | typeof tooLong;
type Bounded = Present | null;

// Choice: every response to an in-scope OPTIONS request varies on all three request headers: whether
// it is a preflight at all depends on Origin and Access-Control-Request-Method, and its answer on
// Access-Control-Request-Headers. Caches rarely store OPTIONS responses, but some can be told to.
const OPTIONS_VARY = [ORIGIN, ACRM, ACRH] as const;
const ORIGIN_VARY = [ORIGIN] as const;
const OUT_OF_SCOPE: Decision = { kind: 'out-of-scope', headers: [], vary: [] };

/** Decides how the reference server treats `request` under `policy`. */
export function decide(policy: CompiledPolicy, request: ServerRequest): Decision {
  if (!isInScope(policy, request.path)) return OUT_OF_SCOPE;
  const isOptions = request.method === 'OPTIONS';
  // A CORS request is any request with an Origin header (cors-request), even an empty one.
  const origin = getBoundedHeader(request.headers, ORIGIN, LIMITS.originLength);
  if (origin === null) return notCors(policy, request.method, isOptions);
  if (isOptions) {
    // A CORS-preflight request is an OPTIONS CORS request with Access-Control-Request-Method;
    // a plain OPTIONS goes to the application like any other method.
    const requestMethod = getBoundedHeader(request.headers, ACRM, LIMITS.methodLength);
    if (requestMethod !== null) return corsPreflight(policy, origin, requestMethod, request.headers);
  }
  return corsActual(policy, origin, request.method, isOptions);
}

/** Whether the middleware answers this decision itself instead of running the application. */
export function isAnsweredByMiddleware(decision: Decision): decision is Decision & { readonly status: number } {
  return decision.kind === 'preflight' || decision.kind === 'refused-preflight';
}

// The answer to a preflight, checked in the order the browser judges it (cors-preflight-fetch-0:7).
function corsPreflight(policy: CompiledPolicy, origin: Present, requestMethod: Present, list: HeaderList): Decision {
  const refuse = (reason: RefusalReason): Decision =>
    // Choice: a refused preflight gets 403 and no CORS headers at all. Any non-ok status already fails
    // the preflight (cors-preflight-fetch-0:7); 403 states the refusal plainly (http-responses).
    ({ kind: 'refused-preflight', status: 403, reason, headers: [], vary: OPTIONS_VARY });
  const allowOrigin = accessControlAllowOrigin(policy, origin);
  if (typeof allowOrigin !== 'string') return refuse(allowOrigin.reason);
  const methodRefusal = requestMethodRefusal(policy, requestMethod);
  if (methodRefusal !== null) return refuse(methodRefusal);
  const headersRefusal = requestHeadersRefusal(policy, list);
  if (headersRefusal !== null) return refuse(headersRefusal);
  const { acam, acah, acma } = policy.values;
  const headers: Header[] = [[ACAO, allowOrigin]];
  // The preflight carries no credentials, but the browser checks it with the actual request's
  // credentials mode, so support must be signalled here too (http-access-control-allow-credentials).
  if (policy.credentials) headers.push([ACAC, 'true']);
  // Choice: Access-Control-Allow-Methods and -Headers list the whole policy instead of echoing the
  // request. The answer is then the same for every allowed request, the browser caches every listed
  // method and header name at once (cors-preflight-fetch-0:7.10-11), and what the server advertises is
  // exactly its intent, which the conformance runner reads back. A refused origin learns nothing.
  if (acam !== null) headers.push([ACAM, acam]);
  if (acah !== null) headers.push([ACAH, acah]);
  if (acma !== null) headers.push([ACMA, acma]);
  // Choice: 204, an ok status with no body (ok-status, null-body-status).
  return { kind: 'preflight', status: 204, headers, vary: OPTIONS_VARY };
}

// The response to a non-preflight CORS request: the application runs either way.
function corsActual(policy: CompiledPolicy, origin: Present, method: string, isOptions: boolean): Decision {
  const vary = varyFor(policy, isOptions);
  const allowOrigin = accessControlAllowOrigin(policy, origin);
  if (typeof allowOrigin !== 'string') return { kind: 'refused-actual', reason: allowOrigin.reason, headers: [], vary };
  // Choice: an actual request with a method the policy does not allow gets no CORS headers. A browser
  // sends one only after a preflight that listed it, so only non-browser clients are affected.
  if (!isAllowedMethod(policy, method)) return { kind: 'refused-actual', reason: 'method-not-allowed', headers: [], vary };
  return { kind: 'actual', headers: actualHeaders(policy, allowOrigin), vary };
}

function notCors(policy: CompiledPolicy, method: string, isOptions: boolean): Decision {
  // Choice: with origins "*" the answer does not depend on Origin, so `*` goes on every response,
  // with or without Origin, and no `Vary: Origin` (cors-protocol-and-http-caches). Otherwise the
  // response still varies on Origin, lest a cache serve this CORS-less answer to a CORS request.
  const headers = policy.anyOrigin && isAllowedMethod(policy, method) ? actualHeaders(policy, '*') : [];
  return { kind: 'not-cors', headers, vary: varyFor(policy, isOptions) };
}

function varyFor(policy: CompiledPolicy, isOptions: boolean): readonly string[] {
  if (isOptions) return OPTIONS_VARY;
  return policy.anyOrigin ? [] : ORIGIN_VARY;
}

function actualHeaders(policy: CompiledPolicy, allowOrigin: string): Header[] {
  const headers: Header[] = [[ACAO, allowOrigin]];
  // Choice: the credentials mode is not observable on the server, so ACAC goes on every allowed
  // response when the policy allows credentials.
  if (policy.credentials) headers.push([ACAC, 'true']);
  if (policy.values.aceh !== null) headers.push([ACEH, policy.values.aceh]);
  return headers;
}

/** The Access-Control-Allow-Origin value for `origin`, or why there is none (concept-cors-check). */
function accessControlAllowOrigin(policy: CompiledPolicy, origin: Present): string | { readonly reason: RefusalReason } {
  // Choice: origins "*" answers `*` whatever the Origin value, `null` included: the answer is the same
  // for everyone, and "*" is never combined with credentials (the compiler refuses it).
  if (policy.anyOrigin) return '*';
  if (origin === tooLong) return { reason: 'origin-too-long' };
  // Echo the request's Origin byte for byte: the browser compares ACAO with it exactly.
  if (policy.exactOrigins.has(origin)) return origin;
  if (origin === 'null') return policy.allowNullOrigin ? origin : { reason: 'null-origin' };
  if (policy.subdomainBases.size > 0 && isSerializedOrigin(origin) && matchesSubdomainPattern(policy.subdomainBases, origin)) return origin;
  return { reason: 'origin-not-allowed' };
}

/** Whether the policy allows `origin` (a serialized origin or `null`), as decide() judges it. */
export function allowsOrigin(policy: CompiledPolicy, origin: string): boolean {
  return typeof accessControlAllowOrigin(policy, origin.length > LIMITS.originLength ? tooLong : origin) === 'string';
}

// cors-preflight-fetch-0:7.5, from the server's side: the requested method must be allowed.
function requestMethodRefusal(policy: CompiledPolicy, requestMethod: Present): RefusalReason | null {
  if (requestMethod === tooLong) return 'method-too-long';
  if (!isToken(requestMethod)) return 'method-invalid';
  return isAllowedMethod(policy, requestMethod) ? null : 'method-not-allowed';
}

// Safelisted methods always pass the browser's method check; others must be listed, byte for byte.
function isAllowedMethod(policy: CompiledPolicy, method: string): boolean {
  return isCorsSafelistedMethod(method) || policy.methods.has(method);
}

// cors-preflight-fetch-0:7.6-7.7, from the server's side: every requested header must be allowed.
function requestHeadersRefusal(policy: CompiledPolicy, list: HeaderList): RefusalReason | null {
  const value = getBoundedHeader(list, ACRH, LIMITS.requestHeadersLength);
  if (value === null) return null;
  if (value === tooLong) return 'headers-too-long';
  // Browsers send lowercase names joined by "," (cors-preflight-fetch-0:5); accept any list form
  // (spaces, case, several lines, empty elements) as RFC 9110 lists allow.
  const names = parseTokenList(value);
  if (names === failure) return 'headers-invalid';
  if (names.length > LIMITS.requestHeaderNames) return 'too-many-headers';
  return names.every((name) => isAllowedRequestHeaderName(policy, byteLowercase(name))) ? null : 'headers-not-allowed';
}

function isAllowedRequestHeaderName(policy: CompiledPolicy, name: string): boolean {
  if (policy.allowHeaders !== '*') return policy.allowHeaders.has(name);
  // Choice: allowHeaders "*" means what `Access-Control-Allow-Headers: *` means to a browser: every
  // name but Authorization (cors-non-wildcard-request-header-name). Forbidden names never appear in a
  // browser's list, so a list carrying one is refused.
  return !isCorsNonWildcardRequestHeaderName(name) && !isForbiddenRequestHeader(name, '');
}

/**
 * Every value of `name` joined with ", " (concept-header-list-get), null when absent, or `tooLong`
 * as soon as the joined value would exceed `limit`, so a huge header is never copied.
 */
function getBoundedHeader(list: HeaderList, name: string, limit: number): Bounded {
  let value: string | null = null;
  for (const [headerName, headerValue] of list) {
    if (!byteCaseInsensitiveMatch(headerName, name)) continue;
    const length = value === null ? headerValue.length : value.length + 2 + headerValue.length;
    if (length > limit) return tooLong;
    value = value === null ? headerValue : `${value}, ${headerValue}`;
  }
  return value;
}

// Choice: `paths` prefixes match whole segments ("/items" covers "/items" and "/items/1", not
// "/itemsx"); a path with a dot segment or an encoded separator, which browsers never send, is out of
// scope, so it can never borrow a neighbouring prefix's CORS headers.
export function isInScope(policy: CompiledPolicy, path: string): boolean {
  if (policy.paths === null) return true;
  const end = path.search(/[?#]/);
  const pathname = end === -1 ? path : path.slice(0, end);
  if (AMBIGUOUS_PATH.test(pathname)) return false;
  return policy.paths.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}
