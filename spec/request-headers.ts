/**
 * Request-header classes: which headers a page may send without a preflight, which names the
 * preflight must ask for, and which headers the browser never lets script set.
 */
import { failure, isHttpTabOrSpace } from './abnf.js';
import type { Failure } from './abnf.js';
import { memoizeString } from './memo.js';
import {
  byteCaseInsensitiveMatch,
  byteLowercase,
  headerValueGetDecodeAndSplit,
} from './header-list.js';
import type { HeaderList } from './header-list.js';
import {
  ACCEPT,
  ACCEPT_LANGUAGE,
  AUTHORIZATION,
  CONTENT_LANGUAGE,
  CONTENT_TYPE,
  RANGE,
} from './headers.js';
import { isForbiddenMethod } from './methods.js';
import { parseMimeType } from './mime.js';

// Step 1 of CORS-safelisted request-header.
const MAX_SAFELISTED_VALUE_LENGTH = 128;
// Step 5 of CORS-unsafe request-header names.
const MAX_SAFELISTED_VALUE_TOTAL = 1024;

// The delimiters of RFC 9110 §5.6.2 except `,/;=`, plus DEL.
const UNSAFE_BYTES: ReadonlySet<number> = new Set(
  [0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f],
);
// An allow-list, so `_`, `/`, `:`, HTAB and bytes >= 0x80 are all unsafe in these two headers.
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFELISTED_CONTENT_TYPE_ESSENCES: ReadonlySet<string> = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
const FORBIDDEN_REQUEST_HEADER_NAMES: ReadonlySet<string> = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive',
  'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);
const METHOD_OVERRIDE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'x-http-method', 'x-http-method-override', 'x-method-override',
]);
const NO_CORS_SAFELISTED_NAMES: ReadonlySet<string> = new Set([
  ACCEPT, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE,
]);
const REQUEST_BODY_HEADER_NAMES: ReadonlySet<string> = new Set([
  'content-encoding', CONTENT_LANGUAGE, 'content-location', CONTENT_TYPE,
]);

/**
 * Whether a byte is a control other than HTAB, one of `"():<>?@[\]{}`, or DEL; bytes >= 0x80 are not unsafe.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
 */
export function isCorsUnsafeRequestHeaderByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09) || UNSAFE_BYTES.has(byte);
}

function containsCorsUnsafeRequestHeaderByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if (isCorsUnsafeRequestHeaderByte(value.charCodeAt(i))) return true;
  }
  return false;
}

// The `content-type` branch: no unsafe byte, a strictly parsed MIME type, one of three essences.
const isSafelistedContentType = memoizeString(contentTypeIsSafelisted);

function contentTypeIsSafelisted(value: string): boolean {
  if (containsCorsUnsafeRequestHeaderByte(value)) return false;
  const mimeType = parseMimeType(value);
  return mimeType !== failure && SAFELISTED_CONTENT_TYPE_ESSENCES.has(mimeType.essence);
}

/**
 * Whether (name, value) may be sent without a preflight: value <= 128 bytes and one of five names with a safe value.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > MAX_SAFELISTED_VALUE_LENGTH) return false;
  switch (byteLowercase(name)) {
    case ACCEPT:
      return !containsCorsUnsafeRequestHeaderByte(value);
    case ACCEPT_LANGUAGE:
    case CONTENT_LANGUAGE:
      return LANGUAGE_VALUE.test(value);
    case CONTENT_TYPE:
      return isSafelistedContentType(value);
    case RANGE: {
      // Browsers never sent suffix ranges such as `bytes=-500`, so a null start is not safelisted.
      const range = parseSingleRangeHeaderValue(value, false);
      return range !== failure && range.start !== null;
    }
    default:
      return false;
  }
}

/** A parsed `bytes=start-end` range; either bound may be null, not both. */
export interface SingleRange {
  readonly start: bigint | null;
  readonly end: bigint | null;
}

// Index just past a run of code units accepted by `accept` from `position`.
function skip(data: string, position: number, accept: (c: string) => boolean): number {
  while (position < data.length && accept(data[position] as string)) position++;
  return position;
}
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * Parses `bytes=N-`, `bytes=N-M` or `bytes=-M` (case-sensitive `bytes`, start <= end, nothing after).
 * @see https://fetch.spec.whatwg.org/#simple-range-header-value
 */
export function parseSingleRangeHeaderValue(value: string, allowWhitespace: boolean): SingleRange | Failure {
  const ows = (position: number): number => (allowWhitespace ? skip(value, position, isHttpTabOrSpace) : position);
  if (!value.startsWith('bytes')) return failure;
  let position = ows(5);
  if (value[position] !== '=') return failure;
  position = ows(position + 1);
  const startEnd = skip(value, position, isDigit);
  const start = startEnd > position ? BigInt(value.slice(position, startEnd)) : null;
  position = ows(startEnd);
  if (value[position] !== '-') return failure;
  position = ows(position + 1);
  const endEnd = skip(value, position, isDigit);
  const end = endEnd > position ? BigInt(value.slice(position, endEnd)) : null;
  if (endEnd < value.length) return failure;
  if (start === null && end === null) return failure;
  if (start !== null && end !== null && start > end) return failure;
  return { start, end };
}

/**
 * Byte-lowercases the names, drops duplicates and sorts them by byte value.
 * @see https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set
 */
export function convertHeaderNamesToSortedLowercaseSet(names: Iterable<string>): string[] {
  const list: readonly string[] = Array.isArray(names) ? names : [...names];
  // Byte strings hold one code unit per byte, so code-unit order is byte order; set members never tie.
  if (list.length > 32) return [...new Set(list.map(byteLowercase))].sort((a, b) => (a < b ? -1 : 1));
  // A request or response has a handful of names: an insertion sort needs no Set, spread or comparator.
  const set: string[] = [];
  for (const name of list) {
    const lower = byteLowercase(name);
    let i = set.length;
    while (i > 0 && set[i - 1]! > lower) i--;
    if (i > 0 && set[i - 1] === lower) continue;
    for (let j = set.length; j > i; j--) set[j] = set[j - 1]!;
    set[i] = lower;
  }
  return set;
}

/**
 * The names a preflight must ask for: unsafe headers, plus every safelisted one once their values exceed 1024 bytes.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function corsUnsafeRequestHeaderNames(
  list: HeaderList,
  isSafelisted: (name: string, value: string) => boolean = isCorsSafelistedRequestHeader,
): string[] {
  const unsafeNames: string[] = [];
  const potentiallyUnsafeNames: string[] = [];
  let safelistValueSize = 0;
  for (const [name, value] of list) {
    if (!isSafelisted(name, value)) {
      unsafeNames.push(name);
    } else {
      potentiallyUnsafeNames.push(name);
      safelistValueSize += value.length;
    }
  }
  // Only repeated entries can exceed the budget: five names at 128 bytes each stay under it.
  if (safelistValueSize > MAX_SAFELISTED_VALUE_TOTAL) unsafeNames.push(...potentiallyUnsafeNames);
  return convertHeaderNamesToSortedLowercaseSet(unsafeNames);
}

/**
 * The Access-Control-Request-Headers value: names joined by a bare `,`, deliberately not ", " (step 5).
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
export function serializeAccessControlRequestHeaders(names: readonly string[]): string {
  return names.join(',');
}

/**
 * Whether script may not set (name, value): fixed names, `proxy-`/`sec-` prefixes, method overrides naming a forbidden method.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = byteLowercase(name);
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  // Step 3: `PUT, trace` is forbidden too; each comma-split piece is checked.
  if (METHOD_OVERRIDE_HEADER_NAMES.has(lower)) return headerValueGetDecodeAndSplit(value).some(isForbiddenMethod);
  return false;
}

/**
 * Whether `name` is Authorization, which a `*` in Access-Control-Allow-Headers never covers.
 * @see https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name
 */
export function isCorsNonWildcardRequestHeaderName(name: string): boolean {
  return byteCaseInsensitiveMatch(name, AUTHORIZATION);
}

/**
 * Whether `name` is Accept, Accept-Language, Content-Language or Content-Type (Range is deliberately absent).
 * @see https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name
 */
export function isNoCorsSafelistedRequestHeaderName(name: string): boolean {
  return NO_CORS_SAFELISTED_NAMES.has(byteLowercase(name));
}

/**
 * Whether a `no-cors` request may carry (name, value): a no-CORS-safelisted name with a CORS-safelisted value.
 * @see https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header
 */
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return isNoCorsSafelistedRequestHeaderName(name) && isCorsSafelistedRequestHeader(name, value);
}

/**
 * Whether `name` describes the body (Content-Encoding/-Language/-Location/-Type); dropped when a redirect turns the request into GET.
 * @see https://fetch.spec.whatwg.org/#request-body-header-name
 */
export function isRequestBodyHeaderName(name: string): boolean {
  return REQUEST_BODY_HEADER_NAMES.has(byteLowercase(name));
}

/**
 * Whether `name` is Range, which only privileged APIs (media, downloads) may set on no-cors requests.
 * @see https://fetch.spec.whatwg.org/#privileged-no-cors-request-header-name
 */
export function isPrivilegedNoCorsRequestHeaderName(name: string): boolean {
  return byteCaseInsensitiveMatch(name, RANGE);
}
