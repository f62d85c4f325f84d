/**
 * Following a redirect in CORS terms: every hop was already CORS-checked; here the Location is
 * vetted, the method and headers rewritten, and main fetch runs again for the new URL.
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import { failure } from '../../spec/abnf.js';
import { extractLocation, headerListGet } from '../../spec/header-list.js';
import { LOCATION } from '../../spec/headers.js';
import { memoizeString } from '../../spec/memo.js';
import { isSameOrigin, originOfUrl } from '../../spec/origin.js';
import { isCorsNonWildcardRequestHeaderName, isRequestBodyHeaderName } from '../../spec/request-headers.js';
import type { FetchContext } from './context.js';
import { unsafeNames } from './cors-preflight-fetch.js';
import type { FetchResult } from './http-fetch.js';
import { mainFetch } from './main-fetch.js';
import type { NetworkResponse, Sending } from './network.js';
import { currentUrl, type FetchRequest } from './request.js';
import type { NetworkError } from './trace.js';

const includesCredentials = (url: URL): boolean => url.username !== '' || url.password !== '';

/** Repeated Location lines that all say the same, for a profile that reads them as one. */
function identicalLocation(response: NetworkResponse): string | null {
  const values = response.headers.filter(([name]) => name.toLowerCase() === LOCATION).map(([, value]) => value);
  return values.every((value) => value === values[0]) ? values[0] ?? null : null;
}

/** A Location resolved against the response's URL: as parsed (for the checks), and without its fragment (for the URL list). */
interface ResolvedLocation {
  readonly url: URL;
  readonly listed: URL;
}

// Each distinct (response URL, Location) pair is parsed once, keyed as `${href} ${location}` (a serialized URL
// has no space). The URLs are shared between runs, so nothing may mutate them.
const resolveLocation = memoizeString((key: string): ResolvedLocation | null => {
  const space = key.indexOf(' ');
  const [base, location] = [key.slice(0, space), key.slice(space + 1)];
  try {
    const listed = new URL(location, base);
    listed.hash = '';
    return { url: new URL(location, base), listed };
  } catch {
    return null;
  }
});

/** Step 3: the response's location URL, or null (no Location), or a network error. */
function locationUrl(response: NetworkResponse, ctx: FetchContext): ResolvedLocation | null | NetworkError {
  let location = extractLocation(response.headers);
  if (location === null) return null;
  if (location === failure && ctx.profile.identicalLocationLinesAreOne && identicalLocation(response) !== null) {
    location = identicalLocation(response)!;
    ctx.trace.info('browser:chromium-identical-location-lines', `${ctx.profile.name} reads the repeated identical Location lines as one`);
  }
  if (location === failure && ctx.profile.joinsLocationLines) {
    location = headerListGet(response.headers, LOCATION)!;
    ctx.trace.info('browser:webkit-joined-location-lines', `${ctx.profile.name} joins the Location lines into one URL: ${JSON.stringify(location)}`);
  }
  if (location === failure) return ctx.trace.fail('concept-http-redirect-fetch:5', 'the redirect has more than one Location header');
  return resolveLocation(`${response.url.href} ${location}`) ??
    ctx.trace.fail('concept-http-redirect-fetch:5', `Location ${JSON.stringify(location)} is not a valid URL`);
}

/** Steps 5-11: the checks that end the redirect in a network error. */
function vetLocation(request: FetchRequest, response: NetworkResponse, location: URL, ctx: FetchContext): NetworkError | null {
  const { trace } = ctx;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    return trace.fail('concept-http-redirect-fetch:6', `Location ${location.href} is not an HTTP(S) URL`);
  }
  if (request.redirectCount === 20) return trace.fail('concept-http-redirect-fetch:7', 'this would be the 21st redirect; at most 20 are followed');
  request.redirectCount += 1;
  if (request.mode === 'cors' && includesCredentials(location) && !isSameOrigin(request.origin, originOfUrl(location))) {
    return trace.fail('concept-http-redirect-fetch:9', `Location ${location.href} includes credentials and is cross-origin`);
  }
  if (request.tainting === 'cors' && includesCredentials(location)) {
    return trace.fail('concept-http-redirect-fetch:10', `Location ${location.href} includes credentials on a CORS request`);
  }
  if (ctx.profile.rejectsRedirectToCredentials && includesCredentials(location)) {
    return trace.fail('browser:chromium-credentials-in-redirect', `Location ${location.href} includes credentials; ${ctx.profile.name} blocks such subresource URLs in every mode`);
  }
  if (response.status !== 303 && request.body === 'stream') {
    return trace.fail('concept-http-redirect-fetch:11', `a ${response.status} redirect cannot replay a stream body`);
  }
  return null;
}

/** Steps 12-13: the method and headers that the next request keeps. */
function rewriteRequest(request: FetchRequest, status: number, location: URL, ctx: FetchContext): void {
  if (ctx.profile.preflightSeesRemovedHeaders) request.headersBeforeRedirect = request.headerList;
  // Such a profile also counts a fetch that started with CORS-unsafe headers (and a same-origin first hop).
  if (ctx.profile.preflightAfterRedirect === 'every-hop-once-needed' && request.redirectCount === 1 && unsafeNames(request, ctx).length > 0) {
    request.preflightNeeded = true;
  }
  const crossOrigin = !isSameOrigin(originOfUrl(currentUrl(request)), originOfUrl(location));
  // An Origin a profile keeps after a change to GET survives a same-origin redirect only.
  if (crossOrigin) request.sentOrigin = false;
  if (crossOrigin && ctx.profile.crossOriginRedirectToGetMethods.includes(request.method)) {
    ctx.trace.info('browser:webkit-delete-redirect-to-get', `${ctx.profile.name} turns a ${request.method} redirected to another origin into GET, whatever the status`);
  }
  if (((status === 301 || status === 302) && request.method === 'POST') ||
      (status === 303 && request.method !== 'GET' && request.method !== 'HEAD') ||
      (crossOrigin && ctx.profile.crossOriginRedirectToGetMethods.includes(request.method))) {
    ctx.trace.info('concept-http-redirect-fetch:12', `${status} turns ${request.method} into GET without a body or request-body headers`);
    request.method = 'GET';
    request.body = 'none';
    request.headerList = request.headerList.filter(([name]) => !isRequestBodyHeaderName(name));
  }
  if (crossOrigin && request.headerList.some(([name]) => isCorsNonWildcardRequestHeaderName(name))) {
    ctx.trace.info('concept-http-redirect-fetch:13', 'the redirect leaves the origin: Authorization is removed');
    request.headerList = request.headerList.filter(([name]) => !isCorsNonWildcardRequestHeaderName(name));
  }
  const removes = ctx.profile.redirectRemovesHeaders;
  if (!isSameOrigin(request.origin, originOfUrl(location)) && request.headerList.some(([name]) => removes.includes(name.toLowerCase()))) {
    ctx.trace.info('browser:chromium-redirect-drops-client-hints', `${ctx.profile.name} removes the client hints (${removes.join(', ')}) on a redirect away from the page's origin`);
    request.headerList = request.headerList.filter(([name]) => !removes.includes(name.toLowerCase()));
  }
}

export function* httpRedirectFetch(request: FetchRequest, response: NetworkResponse, ctx: FetchContext): Sending<FetchResult> {
  const location = locationUrl(response, ctx);
  // Step 4: no Location, so the redirect response itself is the answer.
  if (location === null) {
    ctx.trace.info('concept-http-redirect-fetch:4', `the ${response.status} has no Location: script gets it as is`);
    return { type: 'response', response, opaqueRedirect: false };
  }
  if ('type' in location) return location;
  const failed = vetLocation(request, response, location.url, ctx);
  if (failed !== null) return failed;
  rewriteRequest(request, response.status, location.url, ctx);
  // Step 18: the new URL, without its fragment, joins the URL list, which can taint the origin.
  request.urlList.push(location.listed);
  ctx.trace.info('concept-http-redirect-fetch:18', `following the ${response.status} to ${location.listed.href}`);
  // Step 22.
  return yield* mainFetch(request, ctx, true);
}
