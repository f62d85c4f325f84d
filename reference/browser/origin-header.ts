/**
 * Which origin a request carries: redirect-taint, serialization, and the Origin header.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
import { isSameOrigin, originOfUrl, serializeOrigin } from '../../spec/origin.js';
import { currentUrl, type FetchRequest } from './request.js';

/**
 * Whether the redirect-taint is not "same-origin". Choice: "same-site" and "cross-site" are not told
 * apart (that needs the public suffix list); both serialize the origin as `null`, which is all CORS reads.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 */
export function isRedirectTainted(request: FetchRequest): boolean {
  for (let i = 1; i < request.urlList.length; i++) {
    const last = originOfUrl(request.urlList[i - 1]!);
    // Step 4.3: a hop taints when it leaves a URL that is not the requester's own origin for another origin.
    if (!isSameOrigin(originOfUrl(request.urlList[i]!), last) && !isSameOrigin(request.origin, last)) return true;
  }
  return false;
}

/** @see https://fetch.spec.whatwg.org/#byte-serializing-a-request-origin */
export function byteSerializeRequestOrigin(request: FetchRequest): string {
  // Asked several times per hop (Origin headers, the CORS checks, the cache key): computed once per URL list.
  const memo = request.serializedOriginOf;
  if (memo !== undefined && memo.hops === request.urlList.length) return memo.value;
  const value = isRedirectTainted(request) ? 'null' : serializeOrigin(request.origin);
  request.serializedOriginOf = { hops: request.urlList.length, value };
  return value;
}

/**
 * The Origin value HTTP-network-or-cache fetch appends, or null when it appends none. The referrer
 * policy is the default, strict-origin-when-cross-origin.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
export function requestOriginHeader(request: FetchRequest, originSurvivesRedirect = false): string | null {
  const serialized = byteSerializeRequestOrigin(request);
  // Step 2: CORS tainting always sends Origin.
  if (request.tainting === 'cors') return serialized;
  // Step 3: otherwise only methods other than GET and HEAD send it (a profile may keep an Origin already
  // sent before a redirect turned the method into GET).
  if ((request.method === 'GET' || request.method === 'HEAD') && !(originSurvivesRedirect && request.sentOrigin === true)) return null;
  // Step 3.1: outside cors mode the referrer policy may make it null (a downgrade from https).
  if (request.mode !== 'cors' && request.origin.kind === 'tuple' && request.origin.scheme === 'https' &&
      currentUrl(request).protocol !== 'https:') {
    return 'null';
  }
  return serialized;
}
