/**
 * The lexical layer under the CORS headers: RFC 9110 tokens and lists, RFC 9111 delta-seconds, and
 * the HTTP string primitives Fetch defines for its own parsers. Inputs are byte strings (one char
 * per byte); parsers return `failure` as a value and never throw.
 */
import { memoizeString } from './memo.js';

/** The value a parser returns when its input does not match; compared by identity. */
export const failure: unique symbol = Symbol('failure');
export type Failure = typeof failure;

// tchar: the visible ASCII characters that are not delimiters (RFC 9110 §5.6.2).
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const DIGITS = /^[0-9]+$/;

/**
 * Whether `s` matches RFC 9110 `token` (`1*tchar`); also MIME Sniffing's "solely HTTP token code points", non-empty.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-tokens
 */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}

/**
 * Whether a code unit is an HTTP tab or space (HTAB or SP), the OWS of list elements.
 * @see https://fetch.spec.whatwg.org/#http-tab-or-space
 */
export function isHttpTabOrSpace(c: string | undefined): boolean {
  return c === '\t' || c === ' ';
}

/**
 * Whether a code unit is HTTP whitespace: LF, CR, HTAB or SP.
 * @see https://fetch.spec.whatwg.org/#http-whitespace
 */
export function isHttpWhitespace(c: string | undefined): boolean {
  return c === '\n' || c === '\r' || c === '\t' || c === ' ';
}

function strip(s: string, isSpace: (c: string | undefined) => boolean, leading: boolean): string {
  let start = 0;
  let end = s.length;
  if (leading) while (start < end && isSpace(s[start])) start++;
  while (end > start && isSpace(s[end - 1])) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * `s` without leading and trailing HTTP tab or space (the OWS around list elements).
 * @see https://fetch.spec.whatwg.org/#http-tab-or-space
 */
export function trimHttpTabOrSpace(s: string): string {
  return strip(s, isHttpTabOrSpace, true);
}

/**
 * `s` without leading and trailing HTTP whitespace.
 * @see https://fetch.spec.whatwg.org/#http-whitespace
 */
export function trimHttpWhitespace(s: string): string {
  return strip(s, isHttpWhitespace, true);
}

/**
 * `s` without trailing HTTP whitespace (MIME Sniffing trims subtypes and bare parameter values so).
 * @see https://fetch.spec.whatwg.org/#http-whitespace
 */
export function trimTrailingHttpWhitespace(s: string): string {
  return strip(s, isHttpWhitespace, false);
}

/**
 * Parses an RFC 9110 `#token` list: split on ",", trim OWS, skip empty elements, every element a token.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-lists-rule-abnf-extension
 */
export function parseTokenList(value: string): string[] | Failure {
  const tokens: string[] = [];
  for (const element of value.split(',')) {
    const trimmed = trimHttpTabOrSpace(element);
    // A recipient must accept and ignore empty list elements (RFC 9110 §5.6.1.2).
    if (trimmed === '') continue;
    if (!isToken(trimmed)) return failure;
    tokens.push(trimmed);
  }
  return tokens;
}

/**
 * Parses RFC 9111 `delta-seconds` (`1*DIGIT`): no sign, no space, no fraction; arbitrarily large.
 * @see https://www.rfc-editor.org/rfc/rfc9111#name-delta-seconds
 */
export function parseDeltaSeconds(value: string): bigint | Failure {
  return deltaSeconds(value);
}

// Max-age values repeat from response to response; BigInt parsing is the costly part.
const deltaSeconds = memoizeString((value: string): bigint | Failure => (DIGITS.test(value) ? BigInt(value) : failure), 1024);

/** What collecting an HTTP quoted string yields: the string and the position just after it. */
export interface CollectedQuotedString {
  readonly value: string;
  readonly position: number;
}

/**
 * Collects an HTTP quoted string starting at the `"` at `start`; an unterminated string runs to the end.
 * @see https://fetch.spec.whatwg.org/#collect-an-http-quoted-string
 */
export function collectAnHttpQuotedString(input: string, start: number, extractValue: boolean): CollectedQuotedString {
  let position = start + 1;
  let value = '';
  for (;;) {
    // Step 5.1: everything up to the next quote or backslash is literal.
    let stop = position;
    while (stop < input.length && input[stop] !== '"' && input[stop] !== '\\') stop++;
    value += input.slice(position, stop);
    position = stop;
    if (position >= input.length) break;
    const quoteOrBackslash = input[position];
    position++;
    if (quoteOrBackslash === '"') break;
    // Step 5.5: a backslash escapes the next code point; a trailing one is kept as itself.
    if (position >= input.length) {
      value += '\\';
      break;
    }
    value += input[position];
    position++;
  }
  return { value: extractValue ? value : input.slice(start, position), position };
}
