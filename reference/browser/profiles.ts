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
  /** Which `*` cache entries match: as written in the spec, only uncredentialed ones, or none. */
  readonly cacheWildcards: 'spec' | 'uncredentialed-only' | 'never';
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
  deviations: [
    wildcardAuthorization,
    { id: 'browser:chromium-max-age-cap', summary: 'Access-Control-Max-Age is capped at 7200 s; negative values cache nothing; a leading + is accepted; int64 overflow gives 5 s',
      source: 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/preflight_result.cc' },
    { id: 'browser:chromium-cache-replace', summary: 'one preflight result per (origin, URL), replaced by each new preflight',
      source: 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/cors/preflight_cache.cc' },
    { id: 'browser:chromium-extra-safelisted-headers', summary: 'Save-Data, DPR, Width, Viewport-Width, RTT, ECT, Downlink, Device-Memory and Intervention need no preflight',
      source: 'https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/cors/cors.cc' },
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
  isSafelistedRequestHeader: isCorsSafelistedRequestHeader,
  deviations: [
    wildcardAuthorization,
    { id: 'browser:firefox-max-age', summary: 'Access-Control-Max-Age is capped at 86400 s; a value with any non-digit caches nothing',
      source: 'https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp' },
    { id: 'browser:firefox-cache-keys', summary: 'a cached result serves only requests of its own credentials mode, and HEAD needs a cached method entry',
      source: 'https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp' },
    { id: 'browser:firefox-no-cached-wildcards', summary: 'a cached `*` never matches a method or header, so such requests are preflighted every time',
      source: 'https://searchfox.org/mozilla-central/source/netwerk/protocol/http/nsCORSListenerProxy.cpp' },
  ],
};

const webkit: Profile = {
  name: 'webkit',
  maxAge: { fallback: 5, cap: 600, negative: 0, acceptsPlus: true, invalid: null, overflowAbove: null },
  wildcardCoversAuthorization: true,
  cacheWildcards: 'uncredentialed-only',
  // validateCrossOriginHeaders lets a cached `*` cover every header when uncredentialed.
  cacheWildcardCoversAuthorization: true,
  cacheKeyedByCredentials: false,
  cacheExemptMethods: ['GET', 'HEAD', 'POST'],
  cacheStructure: 'replace',
  isSafelistedRequestHeader: isCorsSafelistedRequestHeader,
  deviations: [
    wildcardAuthorization,
    { id: 'browser:webkit-max-age', summary: 'Access-Control-Max-Age is capped at 600 s; a leading `+` is accepted; negative values are already expired',
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp' },
    { id: 'browser:webkit-cached-wildcard-authorization', summary: 'a cached `*` covers Authorization for uncredentialed requests',
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp' },
    { id: 'browser:webkit-cache-replace', summary: 'one preflight result per (origin, URL), replaced by each new preflight',
      source: 'https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp' },
  ],
};

export const profiles: Readonly<Record<ProfileName, Profile>> = { spec, chromium, firefox, webkit };
export const profileNames = Object.keys(profiles) as readonly ProfileName[];
