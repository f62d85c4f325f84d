/**
 * Main fetch, step 12: which of same-origin, no-cors, cors and cors-with-preflight applies.
 * @see https://fetch.spec.whatwg.org/#concept-main-fetch
 */
import { isCorsSafelistedMethod } from '../../spec/methods.js';
import { isSameOrigin, originOfUrl } from '../../spec/origin.js';
import type { FetchContext } from './context.js';
import { cacheRequest, preflightUnsafeNames } from './cors-preflight-fetch.js';
import { NotModelledError } from './errors.js';
import { httpFetch, type FetchResult } from './http-fetch.js';
import type { Sending } from './network.js';
import { currentUrl, type FetchRequest } from './request.js';

const STEP = 'concept-main-fetch:12';

/** Whether the request must be preflighted (the cache may still answer for it). */
function needsCorsPreflight(request: FetchRequest, ctx: FetchContext): string | null {
  if (request.useCorsPreflight) return 'the use-CORS-preflight flag is set';
  // fetch() always sets the unsafe-request flag.
  if (!isCorsSafelistedMethod(request.method)) return `${request.method} is not a CORS-safelisted method`;
  const names = preflightUnsafeNames(request, ctx);
  if (names.length > 0) return `CORS-unsafe request-header names: ${names.join(', ')}`;
  if (request.preflightNeeded === true && ctx.profile.preflightAfterRedirect !== 'as-needed') {
    ctx.trace.info(`browser:${ctx.profile.name}-preflight-after-redirect`, `${ctx.profile.name} preflights every hop after one that needed a preflight`);
    return 'an earlier hop of this fetch needed a preflight';
  }
  return null;
}

/** Step 12, "cors" and "cors-with-preflight": sets the cors tainting; returns whether HTTP fetch makes a CORS preflight. */
function corsFetchMode(request: FetchRequest, ctx: FetchContext): boolean {
  request.tainting = 'cors';
  const reason = needsCorsPreflight(request, ctx);
  if (reason === null) {
    ctx.trace.info(STEP, `cross-origin request without a preflight: GET/HEAD/POST with safelisted headers (${currentUrl(request).href})`);
    return false;
  }
  ctx.trace.info(STEP, `cross-origin request with a preflight: ${reason}`);
  request.preflightNeeded = true;
  return true;
}

/** Step 12, "cors-with-preflight": a network error clears the request's preflight cache entries (engines differ). */
function clearCacheAfterNetworkError(request: FetchRequest, ctx: FetchContext): void {
  const { trace } = ctx;
  if (ctx.profile.cacheClearing === 'never') {
    trace.info('browser:webkit-cache-clearing', `the preflighted fetch failed; ${ctx.profile.name} never clears its preflight cache`);
  } else if (ctx.profile.cacheClearing === 'failed-lookup') {
    trace.info('browser:chromium-cache-clearing', `the preflighted fetch failed; ${ctx.profile.name} keeps its preflight cache entries`);
  } else {
    const removed = ctx.cache.clear(cacheRequest(request, ctx.profile));
    trace.info('concept-cache-clear', `the preflighted fetch failed: ${removed} preflight cache entr${removed === 1 ? 'y' : 'ies'} cleared`);
  }
}

export function* mainFetch(request: FetchRequest, ctx: FetchContext, recursive: boolean): Sending<FetchResult> {
  const { trace } = ctx;
  const url = currentUrl(request);
  const scheme = url.protocol;
  const http = scheme === 'http:' || scheme === 'https:';
  if (!recursive) trace.info('concept-main-fetch', `${request.method} ${url.href} from ${request.origin.kind === 'opaque' ? 'an opaque origin' : 'the page'}, mode ${request.mode}, credentials ${request.credentials}`);
  if ((isSameOrigin(originOfUrl(url), request.origin) && request.tainting === 'basic')) {
    trace.info(STEP, 'same-origin request: no CORS');
    if (!http) throw new NotModelledError(STEP, `a same-origin fetch of a ${scheme} URL`);
    return yield* httpFetch(request, ctx, false);
  }
  if (scheme === 'data:') throw new NotModelledError(STEP, 'fetching a data: URL');
  if (request.mode === 'same-origin') {
    return trace.fail(STEP, `mode "same-origin" and ${url.href} is cross-origin`);
  }
  if (request.mode === 'no-cors') {
    if (request.redirect !== 'follow') return trace.fail(STEP, `mode "no-cors" needs redirect mode "follow", not "${request.redirect}"`);
    request.tainting = 'opaque';
    trace.info(STEP, 'no-cors request: the response will be opaque');
    if (!http) throw new NotModelledError(STEP, `a no-cors fetch of a ${scheme} URL`);
    return yield* httpFetch(request, ctx, false);
  }
  if (!http) return trace.fail(STEP, `${scheme} is not an HTTP(S) scheme`);
  // The cors branch runs here, not in a generator of its own that every resume would pass through.
  const makeCorsPreflight = corsFetchMode(request, ctx);
  const result = yield* httpFetch(request, ctx, makeCorsPreflight);
  if (makeCorsPreflight && result.type === 'network-error') clearCacheAfterNetworkError(request, ctx);
  return result;
}
