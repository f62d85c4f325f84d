/**
 * The preflight: how the browser builds it, and how it judges the answer.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
import { failure } from '../../spec/abnf.js';
import { byteCaseInsensitiveMatch, extractHeaderListValues, headerListGet, type HeaderList } from '../../spec/header-list.js';
import { ACAH, ACAM, ACCEPT, ACRH, ACRM, ORIGIN } from '../../spec/headers.js';
import { isCorsSafelistedMethod } from '../../spec/methods.js';
import {
  corsUnsafeRequestHeaderNames, isCorsNonWildcardRequestHeaderName, serializeAccessControlRequestHeaders,
} from '../../spec/request-headers.js';
import { isSameOrigin, originOfUrl, serializeOrigin } from '../../spec/origin.js';
import { isOkStatus } from '../../spec/status.js';
import { send, type FetchContext } from './context.js';
import { corsCheck } from './cors-check.js';
import { preflightMaxAge } from './max-age.js';
import type { NetworkResponse, Send, Sending } from './network.js';
import { byteSerializeRequestOrigin } from './origin-header.js';
import type { Profile } from './profiles.js';
import type { CacheRequest } from './preflight-cache.js';
import { currentUrl, type FetchRequest } from './request.js';
import type { NetworkError } from './trace.js';

const list = (items: readonly string[]): string => items.length === 0 ? '(none)' : items.join(', ');

/** One entry per name (first spelling), values joined with `, `: how an engine that combines repeats sees the list. */
function combinedHeaderList(list: HeaderList): HeaderList {
  const seen = new Set<string>();
  const combined: (readonly [string, string])[] = [];
  for (const [name] of list) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    combined.push([name, headerListGet(list, name)!]);
  }
  return combined;
}

/**
 * The request's CORS-unsafe request-header names, with the profile's safelist (and its way of reading
 * repeats). Asked several times per fetch: computed once per header list (a redirect that rewrites
 * headers makes a new list).
 */
export function unsafeNames(request: FetchRequest, ctx: FetchContext): readonly string[] {
  const memo = request.unsafeNamesOf;
  if (memo !== undefined && memo.list === request.headerList && memo.profile === ctx.profile.name) return memo.names;
  const list = ctx.profile.combinesRequestHeaders ? combinedHeaderList(request.headerList) : request.headerList;
  const names = corsUnsafeRequestHeaderNames(list, ctx.profile.isSafelistedRequestHeader);
  request.unsafeNamesOf = { list: request.headerList, profile: ctx.profile.name, names };
  return names;
}

/**
 * The names that decide, and go into, a preflight: the request's own, or, for a profile where the headers
 * a redirect removes still count, the ones it had before the last redirect.
 */
export function preflightUnsafeNames(request: FetchRequest, ctx: FetchContext): readonly string[] {
  const before = request.headersBeforeRedirect;
  if (before === undefined || before === request.headerList) return unsafeNames(request, ctx);
  return corsUnsafeRequestHeaderNames(ctx.profile.combinesRequestHeaders ? combinedHeaderList(before) : before, ctx.profile.isSafelistedRequestHeader);
}

/** The origin a preflight carries: the byte-serialized request origin, or the page's for a profile that ignores the redirect-taint. */
function preflightOrigin(request: FetchRequest, profile: Profile): string {
  return profile.preflightIgnoresRedirectTaint && request.origin.kind === 'tuple' ? serializeOrigin(request.origin) : byteSerializeRequestOrigin(request);
}

export function cacheRequest(request: FetchRequest, profile: Profile): CacheRequest {
  return {
    origin: preflightOrigin(request, profile), url: currentUrl(request).href,
    credentialsInclude: request.credentials === 'include',
  };
}

/** Steps 1-6: the preflight request, exactly as sent (no credentials, no author headers), to be yielded. */
function sendPreflight(request: FetchRequest, ctx: FetchContext): Send {
  const headers: Record<string, string> = {
    [ORIGIN]: preflightOrigin(request, ctx.profile),
    [ACCEPT]: '*/*',
    [ACRM]: request.method,
  };
  if (headers[ORIGIN] !== byteSerializeRequestOrigin(request)) {
    ctx.trace.info('browser:firefox-preflight-origin-untainted', `${ctx.profile.name} sends the preflight with the page's origin although a redirect tainted the request's`);
  }
  const names = preflightUnsafeNames(request, ctx);
  const own = unsafeNames(request, ctx);
  const removed = names === own ? [] : names.filter((name) => !own.includes(name));
  if (removed.length > 0) {
    ctx.trace.info('browser:webkit-redirect-removed-headers-count', `${ctx.profile.name} still lists ${removed.join(', ')}, which the redirect removed from the request`);
  }
  if (names.length > 0) headers[ACRH] = serializeAccessControlRequestHeaders(names);
  ctx.preflight.sent = true;
  ctx.trace.info('cors-preflight-fetch-0:5', `preflight OPTIONS ${currentUrl(request).href} with ` +
    `Access-Control-Request-Method ${request.method}` + (names.length > 0 ? ` and Access-Control-Request-Headers ${headers[ACRH]}` : ''));
  const url = currentUrl(request);
  return send(ctx, { kind: 'preflight', method: 'OPTIONS', url: url.href, headers }, url);
}

/** Whether Access-Control-Allow-Headers names `name` (byte-case-insensitively). */
function listed(headerNames: readonly string[], name: string): boolean {
  for (const item of headerNames) if (byteCaseInsensitiveMatch(item, name)) return true;
  return false;
}

/** Steps 7.5-7.7: is the request's method and every unsafe header allowed? */
function judgeMethodAndHeaders(request: FetchRequest, methods: readonly string[], headerNames: readonly string[], ctx: FetchContext): NetworkError | null {
  const { trace, profile } = ctx;
  const include = request.credentials === 'include';
  // Step 7.5: exact byte equality, so `put` does not allow PUT; `*` only without credentials.
  if (!methods.includes(request.method) && !isCorsSafelistedMethod(request.method) && (include || !methods.includes('*'))) {
    const star = methods.includes('*') ? ' (* is literal for a credentialed request)' : '';
    return trace.fail('cors-preflight-fetch-0:7.5', `method ${request.method} is not in Access-Control-Allow-Methods [${list(methods)}]${star}; the match is case-sensitive`);
  }
  trace.pass('cors-preflight-fetch-0:7.5', `method ${request.method} is allowed`);
  const wildcard = !include && headerNames.includes('*');
  // Step 7.6: Authorization is never covered by `*` (engines deviate: see the profile).
  for (const [name] of request.headersBeforeRedirect ?? request.headerList) {
    if (!isCorsNonWildcardRequestHeaderName(name) || listed(headerNames, name)) continue;
    if (wildcard && profile.wildcardCoversAuthorization) {
      trace.info('browser:wildcard-covers-authorization', `${profile.name} lets * cover ${name}; the spec does not`);
      continue;
    }
    return trace.fail('cors-preflight-fetch-0:7.6', `${name} must be listed by name in Access-Control-Allow-Headers [${list(headerNames)}]; * never covers it`);
  }
  // Step 7.7.
  for (const name of preflightUnsafeNames(request, ctx)) {
    if (!listed(headerNames, name) && !wildcard) {
      const star = headerNames.includes('*') ? ' (* is literal for a credentialed request)' : '';
      return trace.fail('cors-preflight-fetch-0:7.7', `request header ${name} is not in Access-Control-Allow-Headers [${list(headerNames)}]${star}`);
    }
  }
  trace.pass('cors-preflight-fetch-0:7.7', 'every CORS-unsafe request-header name is allowed');
  return null;
}

/** Steps 7.8-7.15: store the result in the preflight cache. */
function storeResult(key: CacheRequest, methods: readonly string[], headerNames: readonly string[], response: NetworkResponse, ctx: FetchContext): void {
  const { cache, trace, now } = ctx;
  const maxAge = preflightMaxAge(ctx.profile, response.headers);
  trace.info('cors-preflight-fetch-0:7.8', maxAge.detail);
  if (ctx.profile.cacheStructure === 'replace') cache.clear(key);
  for (const method of methods) {
    const entry = cache.methodMatch(key, method);
    if (entry !== undefined) cache.update(entry, maxAge.seconds, now);
    else cache.create(key, maxAge.seconds, now, method, null);
  }
  for (const name of headerNames) {
    const entry = cache.headerNameMatch(key, name);
    if (entry !== undefined) cache.update(entry, maxAge.seconds, now);
    else cache.create(key, maxAge.seconds, now, null, name);
  }
}

/** Step 7's CORS check, against the origin the preflight carried; a profile that ignores the taint skips it at the page's own origin. */
function preflightCorsCheck(request: FetchRequest, response: NetworkResponse, ctx: FetchContext): NetworkError | null {
  const origin = preflightOrigin(request, ctx.profile);
  if (origin === byteSerializeRequestOrigin(request)) return corsCheck(request, response, ctx.trace, 'preflight');
  if (isSameOrigin(request.origin, originOfUrl(currentUrl(request)))) {
    ctx.trace.info('browser:firefox-preflight-origin-untainted', `the preflight goes to the page's own origin: ${ctx.profile.name} does not CORS-check it`);
    return null;
  }
  return corsCheck(request, response, ctx.trace, 'preflight', origin);
}

/** Returns null when the preflight succeeds (its result stored under `key`), or the network error it ends in. */
export function* corsPreflightFetch(request: FetchRequest, key: CacheRequest, ctx: FetchContext): Sending<NetworkError | null> {
  const { trace } = ctx;
  const response = yield sendPreflight(request, ctx);
  // Step 7: the CORS check uses the actual request (its credentials mode), then the ok status.
  const checkFailure = preflightCorsCheck(request, response, ctx);
  if (checkFailure !== null) return checkFailure;
  if (!isOkStatus(response.status)) {
    const redirect = response.status >= 300 && response.status < 400 ? '; preflights never follow redirects' : '';
    return trace.fail('cors-preflight-fetch-0:7', `preflight status ${response.status} is not an ok status (200-299)${redirect}`);
  }
  trace.pass('cors-preflight-fetch-0:7', `preflight status ${response.status} is an ok status`);
  // Steps 7.1-7.3: one invalid token anywhere fails the whole preflight.
  let methods = extractHeaderListValues(ACAM, response.headers);
  const headerNames = extractHeaderListValues(ACAH, response.headers);
  if (methods === failure || headerNames === failure) {
    const which = methods === failure ? 'Access-Control-Allow-Methods' : 'Access-Control-Allow-Headers';
    return trace.fail('cors-preflight-fetch-0:7.3', `${which} is not a comma-separated list of tokens`);
  }
  // Step 7.4.
  if (methods === null && request.useCorsPreflight) methods = [request.method];
  if (ctx.profile.cachesRejectedPreflight) {
    trace.info('browser:webkit-caches-rejected-preflight', `${ctx.profile.name} caches the result before judging the method and headers`);
    storeResult(key, methods ?? [], headerNames ?? [], response, ctx);
  }
  const failed = judgeMethodAndHeaders(request, methods ?? [], headerNames ?? [], ctx);
  if (failed !== null) return failed;
  if (!ctx.profile.cachesRejectedPreflight) storeResult(key, methods ?? [], headerNames ?? [], response, ctx);
  return null;
}
