/**
 * Header lists and the Fetch primitives that read them. Names and values are byte strings;
 * names compare byte-case-insensitively, values never change case.
 */
import {
  collectAnHttpQuotedString,
  failure,
  parseDeltaSeconds,
  parseTokenList,
  trimHttpTabOrSpace,
  trimHttpWhitespace,
} from './abnf.js';
import type { Failure } from './abnf.js';
import { memoizeString } from './memo.js';
import { ACMA, ACRH, LOCATION } from './headers.js';
import type { ACAH, ACAM, ACEH } from './headers.js';

/** A header list in wire order, with names as they were sent. */
export type HeaderList = readonly (readonly [name: string, value: string])[];

const ASCII_UPPER = /[A-Z]/g;
const ASCII_LOWER = /[a-z]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const flipCase = (c: string): string => String.fromCharCode(c.charCodeAt(0) ^ 0x20);

/**
 * Lowercases A-Z only; unlike `toLowerCase`, bytes 0x80-0xFF are left alone.
 * @see https://infra.spec.whatwg.org/#byte-lowercase
 */
export function byteLowercase(s: string): string {
  return lowercased(s);
}

/**
 * Uppercases a-z only; bytes 0x80-0xFF are left alone.
 * @see https://infra.spec.whatwg.org/#byte-uppercase
 */
export function byteUppercase(s: string): string {
  return uppercased(s);
}

// The same few names and methods are folded on every exchange, so the results are memoized by value (a
// lookup costs less than the builtin's copy of the string). toLowerCase and toUpperCase are exact on
// ASCII; they also change some bytes >= 0x80 (0xB5, 0xC0-0xFF, some into two characters), so a string
// they change that has such a byte is folded by replacing the ASCII letters alone.
const lowercased = memoizeString((s: string): string => {
  const lower = s.toLowerCase();
  if (lower === s) return s;
  return NON_ASCII.test(s) ? s.replace(ASCII_UPPER, flipCase) : lower;
});
const uppercased = memoizeString((s: string): string => {
  const upper = s.toUpperCase();
  if (upper === s) return s;
  return NON_ASCII.test(s) ? s.replace(ASCII_LOWER, flipCase) : upper;
});

/**
 * Whether two byte strings are equal after byte-lowercasing both.
 * @see https://infra.spec.whatwg.org/#byte-case-insensitive
 */
export function byteCaseInsensitiveMatch(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b) return true;
  // Byte by byte, folding A-Z only: no lowercased copies (header lists are searched by name all the time).
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Different bytes match only as the two cases of one ASCII letter.
    if ((x | 0x20) !== (y | 0x20) || !isAsciiLetter(x)) return false;
  }
  return true;
}

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * Whether some header in `list` has a name matching `name` byte-case-insensitively.
 * @see https://fetch.spec.whatwg.org/#header-list-contains
 */
export function headerListContains(list: HeaderList, name: string): boolean {
  return list.some(([headerName]) => byteCaseInsensitiveMatch(headerName, name));
}

/**
 * Every value of `name` in list order joined with ", ", or null when absent; two ACAO lines become `a, b`.
 * @see https://fetch.spec.whatwg.org/#concept-header-list-get
 */
export function headerListGet(list: HeaderList, name: string): string | null {
  let value: string | null = null;
  for (const [headerName, headerValue] of list) {
    if (!byteCaseInsensitiveMatch(headerName, name)) continue;
    value = value === null ? headerValue : `${value}, ${headerValue}`;
  }
  return value;
}

/**
 * Splits a value on commas outside HTTP quoted strings (quotes kept), trimming tabs and spaces; empty pieces stay.
 * @see https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
 */
export function headerValueGetDecodeAndSplit(value: string): string[] {
  // Step 1 (isomorphic decode) is the identity on byte strings.
  const values: string[] = [];
  let position = 0;
  let temporaryValue = '';
  for (;;) {
    let stop = position;
    while (stop < value.length && value[stop] !== '"' && value[stop] !== ',') stop++;
    temporaryValue += value.slice(position, stop);
    position = stop;
    if (value[position] === '"') {
      const quoted = collectAnHttpQuotedString(value, position, false);
      temporaryValue += quoted.value;
      position = quoted.position;
      // Step 5.2.2: text after the closing quote belongs to the same piece.
      if (position < value.length) continue;
    }
    values.push(trimHttpTabOrSpace(temporaryValue));
    temporaryValue = '';
    if (position >= value.length) return values;
    position++;
  }
}

/**
 * Gets `name` from `list` and splits it as above; null when the name is absent.
 * @see https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
 */
export function headerListGetDecodeAndSplit(list: HeaderList, name: string): string[] | null {
  const value = headerListGet(list, name);
  return value === null ? null : headerValueGetDecodeAndSplit(value);
}

/**
 * Strips leading and trailing HTTP whitespace (HTAB, SP, CR, LF), as the Headers API does to set values.
 * @see https://fetch.spec.whatwg.org/#concept-header-value-normalize
 */
export function normalizeHeaderValue(value: string): string {
  return trimHttpWhitespace(value);
}

// Each line of a list header is parsed once per distinct value (servers repeat the same few values).
// The memo keeps the tokens in a holder that is never handed out, and each caller gets a copy: a shared
// array would be frozen, and V8 reads and iterates frozen arrays several times slower than plain ones.
const parsedListLine = memoizeString((value: string): { readonly tokens: readonly string[] } | Failure => {
  const tokens = parseTokenList(value);
  return tokens === failure ? failure : { tokens };
});

function parseListLine(value: string): string[] | Failure {
  const parsed = parsedListLine(value);
  return parsed === failure ? failure : parsed.tokens.slice();
}

/** The list-valued CORS headers whose values `extractHeaderListValues` parses. */
export type ListHeaderName = typeof ACAM | typeof ACAH | typeof ACEH | typeof ACRH;

/**
 * Parses every line of a list-valued CORS header and concatenates them; null if absent, failure if any line fails.
 * @see https://fetch.spec.whatwg.org/#extract-header-list-values
 */
export function extractHeaderListValues(name: ListHeaderName, list: HeaderList): readonly string[] | null | Failure {
  let values: string[] | null = null;
  for (const [headerName, headerValue] of list) {
    if (!byteCaseInsensitiveMatch(headerName, name)) continue;
    // ACAM, ACAH and ACEH are `#method`/`#field-name` lists; ACRH is `1#field-name`, so an empty line fails.
    const extracted = parseListLine(headerValue);
    if (extracted === failure || (name === ACRH && extracted.length === 0)) return failure;
    values = values === null ? extracted : values.concat(extracted);
  }
  return values;
}

// Step 2 of extract header list values: a single-value ABNF with more than one line is failure.
function extractSingleHeaderValue(list: HeaderList, name: string): string | null | Failure {
  let value: string | null = null;
  for (const [headerName, headerValue] of list) {
    if (!byteCaseInsensitiveMatch(headerName, name)) continue;
    if (value !== null) return failure;
    value = headerValue;
  }
  return value;
}

/**
 * Access-Control-Max-Age in seconds: null if absent; failure for two lines or anything but `1*DIGIT`.
 * @see https://fetch.spec.whatwg.org/#http-access-control-max-age
 */
export function extractMaxAge(list: HeaderList): bigint | null | Failure {
  const value = extractSingleHeaderValue(list, ACMA);
  return value === null || value === failure ? value : parseDeltaSeconds(value);
}

/**
 * The Location value, unparsed: null if absent; failure for two lines. Resolving it is the caller's step.
 * @see https://fetch.spec.whatwg.org/#concept-response-location-url
 */
export function extractLocation(list: HeaderList): string | null | Failure {
  return extractSingleHeaderValue(list, LOCATION);
}
