/**
 * MIME Sniffing's strict "parse a MIME type", which the Content-Type safelist uses on purpose instead
 * of the lenient "extract a MIME type" (fetch.bs warns that servers are not expected to implement it).
 */
import {
  collectAnHttpQuotedString,
  failure,
  isHttpWhitespace,
  isToken,
  trimHttpWhitespace,
  trimTrailingHttpWhitespace,
} from './abnf.js';
import type { Failure } from './abnf.js';
import { byteLowercase } from './header-list.js';

/** A parsed MIME type: lowercase type, subtype and parameter names; values as written (unquoted). */
export interface MimeType {
  readonly type: string;
  readonly subtype: string;
  /** `type/subtype`, the part the Content-Type safelist compares. */
  readonly essence: string;
  readonly parameters: ReadonlyMap<string, string>;
}

// HTTP quoted-string token code points: HTAB, U+0020-U+007E and U+0080-U+00FF.
const QUOTED_STRING_TOKEN = /^[\t\x20-\x7e\x80-\xff]*$/;

// Index of the first of `stops` at or after `from`, or the end of `input`.
function indexOfAny(input: string, from: number, stops: string): number {
  let i = from;
  while (i < input.length && !stops.includes(input[i] as string)) i++;
  return i;
}

/**
 * Parses a MIME type strictly; failure for a missing `/`, an empty or non-token type or subtype.
 * @see https://mimesniff.spec.whatwg.org/#parse-a-mime-type
 */
export function parseMimeType(input: string): MimeType | Failure {
  const trimmed = trimHttpWhitespace(input);
  const slash = indexOfAny(trimmed, 0, '/');
  const type = trimmed.slice(0, slash);
  if (!isToken(type) || slash >= trimmed.length) return failure;
  let position = indexOfAny(trimmed, slash + 1, ';');
  const subtype = trimTrailingHttpWhitespace(trimmed.slice(slash + 1, position));
  if (!isToken(subtype)) return failure;
  // Step 10: ASCII lowercase; on tokens it is the same as byte-lowercase.
  const lowerType = byteLowercase(type);
  const lowerSubtype = byteLowercase(subtype);
  const parameters = new Map<string, string>();
  // Step 11: each iteration starts on a `;`.
  while (position < trimmed.length) {
    position++;
    while (isHttpWhitespace(trimmed[position])) position++;
    const nameEnd = indexOfAny(trimmed, position, ';=');
    const name = byteLowercase(trimmed.slice(position, nameEnd));
    position = nameEnd;
    // Step 11.5: a name without `=` is skipped.
    if (trimmed[position] === ';') continue;
    position++;
    if (position >= trimmed.length) break;
    let value: string;
    if (trimmed[position] === '"') {
      const quoted = collectAnHttpQuotedString(trimmed, position, true);
      value = quoted.value;
      // Step 11.8.2: anything between the closing quote and the next `;` is dropped.
      position = indexOfAny(trimmed, quoted.position, ';');
    } else {
      const valueEnd = indexOfAny(trimmed, position, ';');
      value = trimTrailingHttpWhitespace(trimmed.slice(position, valueEnd));
      position = valueEnd;
      if (value === '') continue;
    }
    // Step 11.10: invalid parameters are ignored, not fatal, and the first of a repeated name wins.
    if (isToken(name) && QUOTED_STRING_TOKEN.test(value) && !parameters.has(name)) parameters.set(name, value);
  }
  return { type: lowerType, subtype: lowerSubtype, essence: `${lowerType}/${lowerSubtype}`, parameters };
}

/**
 * Serializes a MIME type; a value that is empty or not a token is quoted, with `"` and `\` escaped.
 * @see https://mimesniff.spec.whatwg.org/#serialize-a-mime-type
 */
export function serializeMimeType(mimeType: MimeType): string {
  let serialization = mimeType.essence;
  for (const [name, value] of mimeType.parameters) {
    const serializedValue = isToken(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
    serialization += `;${name}=${serializedValue}`;
  }
  return serialization;
}
