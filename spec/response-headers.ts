/**
 * Response-header classes: which headers script can read from a CORS response.
 */
import { byteCaseInsensitiveMatch, byteLowercase } from './header-list.js';
import { SET_COOKIE } from './headers.js';

const CORS_SAFELISTED_RESPONSE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma',
]);
const FORBIDDEN_RESPONSE_HEADER_NAMES: ReadonlySet<string> = new Set([SET_COOKIE, 'set-cookie2']);

/**
 * Whether script may read `name`: one of seven fixed names, or listed in `exposed` and not forbidden.
 * `*` in `exposed` is literal here; the wildcard is resolved by main fetch before this is asked.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
 */
export function isCorsSafelistedResponseHeaderName(name: string, exposed: readonly string[]): boolean {
  const lower = byteLowercase(name);
  if (CORS_SAFELISTED_RESPONSE_HEADER_NAMES.has(lower)) return true;
  return exposed.some((item) => byteCaseInsensitiveMatch(item, lower) && !isForbiddenResponseHeaderName(item));
}

/**
 * Whether `name` is Set-Cookie or Set-Cookie2, which script never reads, even when exposed.
 * @see https://fetch.spec.whatwg.org/#forbidden-response-header-name
 */
export function isForbiddenResponseHeaderName(name: string): boolean {
  return FORBIDDEN_RESPONSE_HEADER_NAMES.has(byteLowercase(name));
}

/**
 * `isCorsSafelistedResponseHeaderName` with `exposed` fixed: the list is read once, so a response's
 * names are each checked by one lookup (byte-lowercase names in, as `isCorsSafelistedResponseHeaderName`).
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name
 */
export function corsSafelistedResponseHeaderNames(exposed: readonly string[]): (lowercaseName: string) => boolean {
  // Most responses expose nothing: then there is nothing to collect.
  if (exposed.length === 0) return isSafelistedOnly;
  const listed = new Set<string>();
  for (const item of exposed) {
    const lower = byteLowercase(item);
    if (!FORBIDDEN_RESPONSE_HEADER_NAMES.has(lower)) listed.add(lower);
  }
  return (lowercaseName) => CORS_SAFELISTED_RESPONSE_HEADER_NAMES.has(lowercaseName) || listed.has(lowercaseName);
}

const isSafelistedOnly = (lowercaseName: string): boolean => CORS_SAFELISTED_RESPONSE_HEADER_NAMES.has(lowercaseName);
