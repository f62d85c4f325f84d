/**
 * HTTP fetch: the preflight gate, the actual request, the CORS check of every response, CORP, and
 * the redirect switch.
 * @see https://fetch.spec.whatwg.org/#concept-http-fetch
 */
import { extractLocation } from '../../spec/header-list.js';
import { isRedirectStatus } from '../../spec/status.js';
import { send, type FetchContext } from './context.js';
import { corsCheck } from './cors-check.js';
import { cacheRequest, corsPreflightFetch, preflightUnsafeNames } from './cors-preflight-fetch.js';
import { crossOriginResourcePolicyCheck } from './cross-origin-resource-policy.js';
import { httpRedirectFetch } from './http-redirect-fetch.js';
import type { NetworkResponse, Send, Sending } from './network.js';
import { requestOriginHeader } from './origin-header.js';
import type { CacheRequest } from './preflight-cache.js';
import { currentUrl, type FetchRequest } from './request.js';
import type { NetworkError } from './trace.js';

export interface FetchResponse {
  readonly type: 'response';
  readonly response: NetworkResponse;
  /** Set when redirect mode "manual" turned a redirect into an opaque-redirect filtered response. */
  readonly opaqueRedirect: boolean;
}

export type FetchResult = FetchResponse | NetworkError;

/** Step 4.1: is a preflight needed (true), or does the cache cover the method and every unsafe header? */
function preflightNeeded(request: FetchRequest, key: CacheRequest, ctx: FetchContext): boolean {
  const { cache, trace } = ctx;
  cache.expire(ctx.now);
  // A profile that preflights every hop after a preflighted one needs an entry for the URL even for GET.
  const sticky = request.preflightNeeded === true && ctx.profile.preflightAfterRedirect !== 'as-needed' && !cache.hasEntry(key);
  const methodNeedsPreflight = cache.methodMatch(key, request.method) === undefined &&
    (!ctx.profile.cacheExemptMethods.includes(request.method) || request.useCorsPreflight || sticky);
  const uncovered: string[] = [];
  for (const name of preflightUnsafeNames(request, ctx)) if (cache.headerNameMatch(key, name) === undefined) uncovered.push(name);
  if (!methodNeedsPreflight && uncovered.length === 0) {
    ctx.preflight.fromCache = true;
    trace.pass('concept-http-fetch:4.1', `the preflight cache covers ${request.method} and the request's headers at ${key.url}`);
    return false;
  }
  const why = methodNeedsPreflight && uncovered.length > 0 ? `method ${request.method} and headers ${uncovered.join(', ')}`
    : methodNeedsPreflight ? `method ${request.method}` : `headers ${uncovered.join(', ')}`;
  trace.info('concept-http-fetch:4.1', `no preflight cache entry for ${why}: a preflight is needed`);
  if (ctx.profile.cacheClearing === 'failed-lookup') {
    const removed = cache.clear(key);
    if (removed > 0) trace.info('browser:chromium-cache-clearing', `${ctx.profile.name} erases the entry that did not cover the request (${removed} cache entr${removed === 1 ? 'y' : 'ies'})`);
  }
  return true;
}

/** The actual request as sent, to be yielded: Origin (when appended) and the author headers that survive. */
function sendActual(request: FetchRequest, ctx: FetchContext): Send {
  const headers: Record<string, string> = {};
  const origin = requestOriginHeader(request, ctx.profile.originSurvivesRedirectToGet);
  if (origin !== null && (request.method === 'GET' || request.method === 'HEAD') && request.tainting !== 'cors' && request.sentOrigin === true) {
    ctx.trace.info('browser:webkit-origin-survives-redirect', `${ctx.profile.name} keeps the Origin header sent before the redirect turned the method into ${request.method}`);
  }
  if (origin !== null) headers['origin'] = origin;
  if (origin !== null) request.sentOrigin = true;
  for (const [name, value] of request.headerList) {
    const lower = name.toLowerCase();
    if (lower === 'accept' && request.defaultAccept) continue;
    headers[lower] = lower in headers ? `${headers[lower]}, ${value}` : value;
  }
  const url = currentUrl(request);
  return send(ctx, { kind: 'actual', method: request.method, url: url.href, headers }, url);
}

export function* httpFetch(request: FetchRequest, ctx: FetchContext, makeCorsPreflight: boolean): Sending<FetchResult> {
  const { trace } = ctx;
  if (makeCorsPreflight) {
    // The cache key for this hop: the lookup and the store after a preflight use the same one.
    const key = cacheRequest(request, ctx.profile);
    const failed = preflightNeeded(request, key, ctx) ? yield* corsPreflightFetch(request, key, ctx) : null;
    if (failed !== null) return failed;
  }
  const response = yield sendActual(request, ctx);
  const what = isRedirectStatus(response.status) ? `redirect response (${response.status})` : `response (${response.status})`;
  // Step 4.4: every response, redirects included, when tainting is cors.
  if (request.tainting === 'cors') {
    const failed = corsCheck(request, response, trace, what);
    if (failed !== null) return failed;
  }
  // Step 5.
  if (request.tainting === 'opaque') {
    const failed = crossOriginResourcePolicyCheck(request, response, trace);
    if (failed !== null) return failed;
  }
  // Step 6.
  if (isRedirectStatus(response.status)) {
    switch (request.redirect) {
      case 'error':
        if (ctx.profile.redirectErrorNeedsLocation && extractLocation(response.headers) === null) {
          trace.info('browser:chromium-redirect-error-without-location', `the ${response.status} has no Location: ${ctx.profile.name} hands it to script despite redirect mode "error"`);
          return { type: 'response', response, opaqueRedirect: false };
        }
        return trace.fail('concept-http-fetch:6.3', `redirect mode is "error" and the response is a ${response.status} redirect`);
      case 'manual':
        trace.info('concept-http-fetch:6.3', 'redirect mode is "manual": script gets an opaque-redirect filtered response');
        return { type: 'response', response, opaqueRedirect: true };
      case 'follow':
        return yield* httpRedirectFetch(request, response, ctx);
    }
  }
  return { type: 'response', response, opaqueRedirect: false };
}
