/**
 * Browser profiles: the spec, and each engine's documented deviations from it, one row each with its
 * source. Everything not listed here behaves as the spec says.
 */
import type { BeyondSpecRef } from '../../spec/anchors.js';
import { isCorsSafelistedRequestHeader } from '../../spec/request-headers.js';
import type { ProfileName } from './types.js';

/** How an engine turns the Access-Control-Max-Age lines into a lifetime in seconds (0: not cached). */
export interface MaxAgeRule {
  /** Lifetime when the header is absent or fails to parse. */
  readonly fallback: number;
  /** The imposed limit; null when the profile imposes none (the spec leaves it to the UA). */
  readonly cap: number | null;
  /** Lifetime for a negative integer, when the engine accepts a sign (null: treated as invalid). */
  readonly negative: number | null;
  /** Whether a leading `+` is accepted. */
  readonly acceptsPlus: boolean;
  /** Lifetime for a value that is not a number at all, if it differs from `fallback`. */
  readonly invalid: number | null;
  /** Values above this overflow the engine's integer and fall back (null: no overflow). */
  readonly overflowAbove: bigint | null;
}

export interface Profile {
  readonly name: ProfileName;
  readonly maxAge: MaxAgeRule;
  /** Whether `*` in Access-Control-Allow-Headers covers Authorization at preflight-check time. */
  readonly wildcardCoversAuthorization: boolean;
  /**
   * Which `*` cache entries match: as written in the spec, only those an uncredentialed preflight stored,
   * any of them but only for an uncredentialed request, or none.
   */
  readonly cacheWildcards: 'spec' | 'uncredentialed-only' | 'uncredentialed-requests' | 'never';
  /** Whether a cached `*` header entry covers Authorization at lookup time (the spec: never). */
  readonly cacheWildcardCoversAuthorization: boolean;
  /** Whether cache entries serve only requests of their own credentials mode (the spec: credentialed serve all). */
  readonly cacheKeyedByCredentials: boolean;
  /** Methods that need no method entry in the cache (the spec: the CORS-safelisted methods). */
  readonly cacheExemptMethods: readonly string[];
  /**
   * Spec: entries per method/header, merged across preflights, an update changing only max-age (not the
   * time stored); Firefox also restarts the entry's lifetime; engines that keep one result replace it.
   */
  readonly cacheStructure: 'merge' | 'merge-refresh' | 'replace';
  /** The CORS-safelisted request-header predicate, widened where an engine safelists more. */
  readonly isSafelistedRequestHeader: (name: string, value: string) => boolean;
  /**
   * Whether repeated request headers are combined (`, `) before they are classified, so the 128-byte
   * and 1024-byte rules see one value per name (the spec: every header list entry on its own).
   */
  readonly combinesRequestHeaders: boolean;
  /** Request-header names the Headers API drops silently beyond the spec's forbidden list (lowercase). */
  readonly extraForbiddenRequestHeaders: readonly string[];
  /**
   * When a URL's preflight cache entries are cleared: after a network error on the preflighted path
   * (the spec), or when a lookup finds they do not cover the request (so a failed actual response
   * leaves them in place), or never (entries live out their max-age, or until a new preflight replaces them).
   */
  readonly cacheClearing: 'network-error' | 'failed-lookup' | 'never';
  /** Whether following a redirect to a URL with credentials (user:pass@) fails in every mode (the spec: cors mode only). */
  readonly rejectsRedirectToCredentials: boolean;
  /** Request-header names removed when a redirect leads to an origin other than the request's (the page's). */
  readonly redirectRemovesHeaders: readonly string[];
  /** Whether repeated Location lines with one identical value count as that value (the spec: two lines are a failure). */
  readonly identicalLocationLinesAreOne: boolean;
  /** Whether redirect mode "error" fails only on a 3xx with a Location (the spec: on every redirect status). */
  readonly redirectErrorNeedsLocation: boolean;
  /** Whether an Origin header sent before a redirect turned the method into GET is sent again (the spec: a non-CORS GET has none). */
  readonly originSurvivesRedirectToGet: boolean;
  /**
   * After a redirect, whether a request that needed a preflight is preflighted again even when the new
   * request needs none (the spec: main fetch decides afresh).
   */
  readonly preflightAfterRedirect: 'as-needed' | 'every-hop-once-needed';
  /**
   * Whether the headers a redirect removes (Authorization to another origin, the request-body headers on
   * a change to GET) still count when the next hop is classified, preflighted and judged, though the
   * request goes without them (the spec: removed is removed).
   */
  readonly preflightSeesRemovedHeaders: boolean;
  /**
   * Whether a preflight ignores the redirect-taint: it carries the page's origin (the spec: `null`), is
   * CORS-checked against it, and is not CORS-checked at all when it goes to the page's own origin.
   */
  readonly preflightIgnoresRedirectTaint: boolean;
  /** Methods a redirect to another origin turns into GET whatever its status (the spec: only step 12's). */
  readonly crossOriginRedirectToGetMethods: readonly string[];
  /** Whether repeated Location lines are joined with `, ` and parsed as one URL (the spec: a failure). */
  readonly joinsLocationLines: boolean;
  /** Whether a preflight result is cached before its method and headers are judged, so a rejected one still serves later requests. */
  readonly cachesRejectedPreflight: boolean;
  /** Source of every row that differs from the spec. */
  readonly deviations: readonly Deviation[];
}

export interface Deviation {
  readonly id: BeyondSpecRef;
  readonly summary: string;
  readonly source: string;
}

const specMaxAge: MaxAgeRule = {
  fallback: 5, cap: null, negative: null, acceptsPlus: false, invalid: null, overflowAbove: null,
};

const spec: Profile = {
  name: 'spec',
  maxAge: specMaxAge,
  wildcardCoversAuthorization: false,
  // Choice: the literal spec lets a credentialed `*` entry match later credentialed requests (digest
  // §3.5); no engine does, and the model flags it as a probable spec gap rather than copy it.
  cacheWildcards: 'uncredentialed-only',
  cacheWildcardCoversAuthorization: false,
  cacheKeyedByCredentials: false,
  cacheExemptMethods: ['GET', 'HEAD', 'POST'],
  cacheStructure: 'merge',
  isSafelistedRequestHeader: isCorsSafelistedRequestHeader,
  combinesRequestHeaders: false,
  extraForbiddenRequestHeaders: [],
  cacheClearing: 'network-error',
  rejectsRedirectToCredentials: false,
  redirectRemovesHeaders: [],
  identicalLocationLinesAreOne: false,
  redirectErrorNeedsLocation: false,
  originSurvivesRedirectToGet: false,
  preflightAfterRedirect: 'as-needed',
  preflightSeesRemovedHeaders: false,
  preflightIgnoresRedirectTaint: false,
  crossOriginRedirectToGetMethods: [],
  joinsLocationLines: false,
  cachesRejectedPreflight: false,
  deviations: [],
};

const digits = /^[0-9]+(\.[0-9]+)?$/;
const integer = /^[0-9]+$/;
const effectiveConnectionTypes = new Set(['slow-2g', '2g', '3g', '4g']);

/** Chromium's `IsCorsSafelistedHeader`: the spec's list plus client hints and Save-Data. */
function chromiumSafelisted(name: string, value: string): boolean {
  if (isCorsSafelistedRequestHeader(name, value)) return true;
  if (value.length > 128) return false;
  switch (name.toLowerCase()) {
    case 'intervention': return true;
    case 'device-memory': case 'dpr': case 'downlink': return digits.test(value);
    case 'width': case 'viewport-width': case 'rtt': return integer.test(value);
    case 'ect': return effectiveConnectionTypes.has(value);
    case 'save-data': return value.toLowerCase() === 'on';
    default: return false;
  }
}

/** WebKit's safelist: the spec's, except that Range's unit `bytes` is matched case-insensitively. */
function webkitSafelisted(name: string, value: string): boolean {
  if (isCorsSafelistedRequestHeader(name, value)) return true;
  return name.toLowerCase() === 'range' && /^bytes=/i.test(value) && isCorsSafelistedRequestHeader(name, 'bytes' + value.slice(5));
}

/**
 * Firefox's safelist: the spec's, except that an Accept value with a byte above 0x7F is unsafe, and so is
 * a Content-Type with a comma (Gecko parses a request's Content-Type as a single type).
 */
function firefoxSafelisted(name: string, value: string): boolean {
  if (!isCorsSafelistedRequestHeader(name, value)) return false;
  const lower = name.toLowerCase();
  return !(lower === 'accept' && /[^\x00-\x7f]/.test(value)) && !(lower === 'content-type' && value.includes(','));
}

const wildcardAuthorization: Deviation = {
  id: 'browser:wildcard-covers-authorization',
  summary: '`*` in Access-Control-Allow-Headers covers Authorization at preflight-check time',
  source: 'https://github.com/whatwg/fetch/issues/1919',
};

const chromium: Profile = {
  name: 'chromium',
  // base::StringToInt64 skips a leading `+`.
  maxAge: { fallback: 5, cap: 7200, negative: 0, acceptsPlus: true, invalid: null, overflowAbove: 9223372036854775807n },
  wildcardCoversAuthorization: true,
  cacheWildcards: 'uncredentialed-only',
  // The cache lookup runs in strict mode, so a cached `*` never covers Authorization.
  cacheWildcardCoversAuthorization: false,
  cacheKeyedByCredentials: false,
  cacheExemptMethods: ['GET', 'HEAD', 'POST'],
  cacheStructure: 'replace',
  isSafelistedRequestHeader: chromiumSafelisted,
  // Measured in Chromium 156 by the browser runner (runners/browser); see each row's regression edge case.
  combinesRequestHeaders: true,
  extraForbiddenRequestHeaders: ['user-agent'],
  cacheClearing: 'failed-lookup',
  rejectsRedirectToCredentials: true,
  // Client hints not delegated to the new origin, script-set ones included (Save-Data and Intervention stay).
  redirectRemovesHeaders: ['device-memory', 'downlink', 'dpr', 'ect', 'rtt', 'viewport-width', 'width'],
  identicalLocationLinesAreOne: true,
  redirectErrorNeedsLocation: true,
  originSurvivesRedirectToGet: false,
  preflightAfterRedirect: 'as-needed',
  preflightSeesRemovedHeaders: false,
  preflightIgnoresRedirectTaint: false,
  crossOriginRedirectToGetMethods: [],
  joinsLocationLines: false,
  cachesRejectedPreflight: false,
  deviations: [
    wildcardAuthorization,
    { id: 'browser:chromium-max-age-cap', summary: 'Access-Control-Max-Age is capped at 7200 s; negative values cache nothing; a leading + is accepted; int64 overflow gives 5 s',
      source: 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/preflight_result.cc' },
    { id: 'browser:chromium-cache-replace', summary: 'one preflight result per (origin, URL), replaced by each new preflight',
      source: 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/preflight_cache.cc' },
    { id: 'browser:chromium-extra-safelisted-headers', summary: 'Save-Data, DPR, Width, Viewport-Width, RTT, ECT, Downlink, Device-Memory and Intervention need no preflight',
      source: 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/cors/cors.cc' },
    { id: 'browser:chromium-combined-request-headers', summary: 'repeated request headers are classified as one combined value: two 100-byte Content-Language appends are unsafe (over 128 bytes), the 1024-byte total counts combined values, and X-HTTP-Method-Override appended as DELETE then TRACE is dropped whole',
      source: 'measured in Chromium 156 (runners/browser); the request reaches the network service as net::HttpRequestHeaders, one value per name: https://source.chromium.org/chromium/chromium/src/+/main:net/http/http_request_headers.h' },
    { id: 'browser:chromium-user-agent-forbidden', summary: 'a User-Agent set by script is dropped silently (the spec no longer forbids it), so it never triggers a preflight',
      source: 'measured in Chromium 156 (runners/browser); https://crbug.com/571722' },
    { id: 'browser:chromium-cache-clearing', summary: 'a failed fetch does not clear the preflight cache; a lookup that does not cover the request erases the entry instead, so a failed actual response keeps it and the next request within max-age is not preflighted',
      source: 'measured in Chromium 156 (runners/browser); the entry is only erased when a lookup fails: https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/preflight_cache.cc' },
    { id: 'browser:chromium-credentials-in-redirect', summary: 'a redirect to a URL with credentials (user:pass@) is a network error in every mode, not only for CORS requests',
      source: 'measured in Chromium 156 (runners/browser); Chrome 59 deprecation: "Subresource requests whose URLs contain embedded credentials (e.g. https://user:pass@host/) are blocked"' },
    { id: 'browser:chromium-redirect-drops-client-hints', summary: 'a redirect to an origin other than the page\'s removes Device-Memory, Downlink, DPR, ECT, RTT, Viewport-Width and Width, script-set ones included, so they are neither sent nor in ACRH there',
      source: 'measured in Chromium 156 (runners/browser); client hints are sent to third parties only when delegated: https://wicg.github.io/client-hints-infrastructure/' },
    { id: 'browser:chromium-redirect-error-without-location', summary: 'with redirect mode "error", a 3xx without Location is handed to script as is, not a network error ("manual" still gives an opaque-redirect)',
      source: 'measured in Chromium 156 (runners/browser); net treats a 3xx without Location as no redirect' },
    { id: 'browser:chromium-identical-location-lines', summary: 'two Location lines with the same value are followed as one (different values are a network error, as in the spec)',
      source: 'measured in Chromium 156 (runners/browser); net rejects only differing duplicates (ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION): https://source.chromium.org/chromium/chromium/src/+/main:net/http/http_response_headers.cc' },
  ],
};

const firefox: Profile = {
  name: 'firefox',
  maxAge: { fallback: 5, cap: 86400, negative: 0, acceptsPlus: false, invalid: 0, overflowAbove: null },
  wildcardCoversAuthorization: true,
  cacheWildcards: 'never',
  cacheWildcardCoversAuthorization: false,
  // The cache key starts with cred/nocred, and the lookup exempts only GET and POST.
  cacheKeyedByCredentials: true,
  cacheExemptMethods: ['GET', 'POST'],
  cacheStructure: 'merge-refresh',
  isSafelistedRequestHeader: firefoxSafelisted,
  // Measured in Firefox 153 ESR by the browser runner (runners/browser); see each row's regression edge case.
  combinesRequestHeaders: true,
  extraForbiddenRequestHeaders: [],
  cacheClearing: 'network-error',
  rejectsRedirectToCredentials: false,
  redirectRemovesHeaders: [],
  identicalLocationLinesAreOne: true,
  redirectErrorNeedsLocation: false,
  originSurvivesRedirectToGet: false,
  // Measured (see the rows): the need for a preflight survives a redirect, and the preflight is made
  // for the loading principal (the page), while the actual request carries the tainted origin.
  preflightAfterRedirect: 'every-hop-once-needed',
  preflightSeesRemovedHeaders: false,
  preflightIgnoresRedirectTaint: true,
  crossOriginRedirectToGetMethods: [],
  joinsLocationLines: false,
  cachesRejectedPreflight: false,
  deviations: [
    wildcardAuthorization,
    { id: 'browser:firefox-max-age', summary: 'Access-Control-Max-Age is capped at 86400 s; a value with any non-digit caches nothing',
      source: 'https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp' },
    { id: 'browser:firefox-cache-keys', summary: 'a cached result serves only requests of its own credentials mode, and HEAD needs a cached method entry',
      source: 'https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp' },
    { id: 'browser:firefox-no-cached-wildcards', summary: 'a cached `*` never matches a method or header, so such requests are preflighted every time',
      source: 'https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp' },
    { id: 'browser:firefox-combined-request-headers', summary: 'repeated request headers are classified as one combined value, as in Chromium (two 100-byte Content-Language appends are unsafe; the 1024-byte total counts combined values)',
      source: 'measured in Firefox 153 ESR (runners/browser): edge cases budget/*, chromium-safelist/repeated-content-language; generated seed 20261103 run 40. Gecko keeps request headers in nsHttpHeaderArray, which merges a repeated name' },
    { id: 'browser:firefox-accept-non-ascii', summary: 'an Accept value with a byte above 0x7F (`text/plain; x=é`) is preflighted (the spec: only the listed unsafe bytes count)',
      source: 'measured in Firefox 153 ESR (runners/browser): edge case accept/latin1-byte' },
    { id: 'browser:firefox-identical-location-lines', summary: 'two Location lines with the same value are followed as one, as in Chromium (different values are a network error, as in the spec)',
      source: 'measured in Firefox 153 ESR (runners/browser): edge case redirect/two-identical-location-lines' },
    { id: 'browser:firefox-content-type-comma', summary: 'a Content-Type with a comma (`text/plain;charset=a,b`, or one appended twice and so combined) is preflighted, though the spec\'s MIME type parser still reads text/plain',
      source: 'measured in Firefox 153 ESR (runners/browser): edge cases ct/comma-in-parameter, ct/appended-twice-with-parameter; generated seed 20261103 runs 778, 1005' },
    { id: 'browser:firefox-preflight-after-redirect', summary: 'a request that needed a preflight, or started with CORS-unsafe headers (even on a same-origin first hop), is preflighted again after every redirect, even when the new request needs none (a 302/303 turning it into GET, Authorization removed); that preflight lists the method and headers the request has now',
      source: 'measured in Firefox 153 ESR (runners/browser): edge cases redirect/post-302-becomes-get, redirect/put-303-becomes-get, redirect/authorization-dropped, redirect/authorization-dropped-acrh, redirect/same-origin-authorization-to-another-origin' },
    { id: 'browser:firefox-preflight-origin-untainted', summary: 'after a redirect taints the origin, the preflight still carries the page\'s origin and is checked against it (not `null`), and a preflight to the page\'s own origin is not CORS-checked at all; the actual request after it carries `null`',
      source: 'measured in Firefox 153 ESR (runners/browser): edge cases redirect/preflight-origin-null, redirect/preflight-origin-null-denied, redirect/post-308-keeps-body, redirect/client-hints-to-page, redirect/preflight-to-page-origin; generated seed 20261103 run 356' },
  ],
};

const webkit: Profile = {
  name: 'webkit',
  maxAge: { fallback: 5, cap: 600, negative: 0, acceptsPlus: true, invalid: null, overflowAbove: null },
  wildcardCoversAuthorization: true,
  // Measured: the lookup asks whether the request at hand is credentialed, not the one whose preflight
  // stored the `*` (see browser:webkit-cached-wildcard-for-uncredentialed-requests).
  cacheWildcards: 'uncredentialed-requests',
  // validateCrossOriginHeaders lets a cached `*` cover every header when uncredentialed.
  cacheWildcardCoversAuthorization: true,
  cacheKeyedByCredentials: false,
  cacheExemptMethods: ['GET', 'HEAD', 'POST'],
  cacheStructure: 'replace',
  isSafelistedRequestHeader: webkitSafelisted,
  // Measured in WebKitGTK 2.50 by the browser runner (runners/browser); see each row's regression edge case.
  combinesRequestHeaders: true,
  extraForbiddenRequestHeaders: [],
  cacheClearing: 'never',
  rejectsRedirectToCredentials: false,
  redirectRemovesHeaders: [],
  identicalLocationLinesAreOne: false,
  redirectErrorNeedsLocation: true,
  originSurvivesRedirectToGet: true,
  preflightAfterRedirect: 'every-hop-once-needed',
  preflightSeesRemovedHeaders: true,
  preflightIgnoresRedirectTaint: false,
  // libsoup's redirect rule in WebKitGTK (NetworkDataTaskSoup): a DELETE to another origin becomes GET.
  crossOriginRedirectToGetMethods: ['DELETE'],
  joinsLocationLines: true,
  cachesRejectedPreflight: true,
  deviations: [
    wildcardAuthorization,
    { id: 'browser:webkit-max-age', summary: 'Access-Control-Max-Age is capped at 600 s; a leading `+` is accepted; negative values are already expired',
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp' },
    { id: 'browser:webkit-cached-wildcard-authorization', summary: 'a cached `*` covers Authorization for uncredentialed requests',
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp' },
    { id: 'browser:webkit-cache-replace', summary: 'one preflight result per (origin, URL), replaced by each new preflight',
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp' },
    { id: 'browser:webkit-combined-request-headers', summary: 'repeated request headers are classified as one combined value, as in Chromium (two 100-byte Content-Language appends are unsafe; the 1024-byte total counts combined values)',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge cases budget/*, chromium-safelist/repeated-content-language; generated seed 20261103 run 40. WebCore keeps request headers in an HTTPHeaderMap, one value per name' },
    { id: 'browser:webkit-range-unit-case', summary: 'Range with a capitalized unit (`Bytes=0-1`) is safelisted: the unit is matched case-insensitively (the spec: exactly `bytes`)',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge case range/capitalized-unit; generated seed 7 run 53' },
    { id: 'browser:webkit-redirect-error-without-location', summary: 'with redirect mode "error", a 3xx without Location is handed to script as is, as in Chromium',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge case redirect/mode-error-no-location' },
    { id: 'browser:webkit-origin-survives-redirect', summary: 'after a same-origin 301/302/303 turns a POST, PUT, PATCH or DELETE into GET, the GET still carries the Origin header the first request carried (not after a redirect to another origin)',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge cases origin/same-origin-post-303-get, origin/no-cors-post-301-other-origin-get; generated seed 20261103 runs 174, 2398, 4001, seed 7 runs 76, 168, 317' },
    { id: 'browser:webkit-preflight-after-redirect', summary: 'a request that needed a preflight (or started with CORS-unsafe headers) is preflighted again after every redirect, even when the new request needs none (a 303 turning a PUT into GET)',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge case redirect/put-303-becomes-get; generated seed 7 runs 772, 1212, 1729' },
    { id: 'browser:webkit-redirect-removed-headers-count', summary: 'the headers a redirect removes (Authorization on the way to another origin, Content-Type on a change to GET) still count for the next hop: it is preflighted for them, listing them in ACRH and needing them allowed, though the request goes without them',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge cases redirect/post-302-becomes-get, redirect/authorization-dropped, redirect/authorization-dropped-acrh, redirect/same-origin-authorization-to-another-origin; generated seed 20261103 runs 962, 1460, 1950; seed 7 runs 94, 603, 2293, 2876' },
    { id: 'browser:webkit-delete-redirect-to-get', summary: 'a redirect to another origin turns a DELETE into GET, whatever the status (307 and 308 included)',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge case redirect/delete-307-to-another-origin; generated seed 20261103 runs 422, 1939; seed 7 run 949. libsoup\'s redirect rule in NetworkDataTaskSoup: https://github.com/WebKit/WebKit/blob/main/Source/WebKit/NetworkProcess/soup/NetworkDataTaskSoup.cpp' },
    { id: 'browser:webkit-joined-location-lines', summary: 'two Location lines are joined with `, ` and the result is followed as one URL (usually a path that ends in `,%20` and the second URL), instead of failing',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge cases redirect/two-location-lines, redirect/two-identical-location-lines; generated seed 20261103 runs 1048, 1422, 1853; seed 7 runs 494, 671, 770, 1093, 1173, 1383, 1821. WebCore keeps response headers in an HTTPHeaderMap, one value per name' },
    { id: 'browser:webkit-cached-wildcard-for-uncredentialed-requests', summary: 'a cached `*` (method or header) serves every uncredentialed request, also when a credentialed request\'s preflight stored it (where it meant the literal name)',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge case cache/wildcard-from-credentialed-preflight; generated seed 7 runs 1028, 2293, 2876' },
    { id: 'browser:webkit-caches-rejected-preflight', summary: 'a preflight result is cached once the preflight passes the CORS check, before its methods and headers are judged: a preflight that fails the request (a method or header not allowed, `*` for a credentialed request) still answers later requests it covers',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge case cache/rejected-preflight-not-cached; generated seed 20261103 runs 998, 1426; seed 7 run 1028' },
    { id: 'browser:webkit-cache-clearing', summary: 'a failed fetch never clears the preflight cache: neither a failed actual response nor a failed preflight for another method removes the entries, so the next covered request within max-age is not preflighted',
      source: 'measured in WebKitGTK 2.50 (runners/browser): edge cases cache/cleared-after-actual-fails, cache/cleared-after-failed-preflight; generated seed 20261103 run 261' },
  ],
};

export const profiles: Readonly<Record<ProfileName, Profile>> = { spec, chromium, firefox, webkit };
export const profileNames = Object.keys(profiles) as readonly ProfileName[];
