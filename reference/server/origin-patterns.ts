/**
 * The `origins` entries of a policy: exact serialized origins, the literal `null`, and subdomain
 * patterns such as `https://*.app.example`. Validation explains what is wrong with an entry; matching
 * works on request `Origin` values that already passed the serialized-origin syntax check.
 * @see https://fetch.spec.whatwg.org/#serialized-origin
 */
import { isSerializedOrigin } from '../../spec/origin.js';
import { LIMITS } from './limits.js';

/** What an `origins` entry compiles to, or the problem with it. */
export type OriginEntry =
  | { readonly kind: 'exact'; readonly origin: string }
  | { readonly kind: 'null' }
  | { readonly kind: 'subdomains'; readonly base: string }
  | { readonly kind: 'invalid'; readonly code: OriginEntryProblem; readonly problem: string };

export type OriginEntryProblem = 'too-long' | 'wildcard-in-list' | 'not-a-serialized-origin' | 'unsupported-scheme' | 'invalid-origin-pattern';

const SUBDOMAIN_WILDCARD = /^([a-z][a-z0-9+.-]*):\/\/\*\.(.*)$/i;
const NON_ASCII = /[^\x00-\x7f]/;
const DEFAULT_PORT = /^(?:http:\/\/[^/?#]*:0*80|https:\/\/[^/?#]*:0*443)(?:[/?#]|$)/i;

/** Classifies one `origins` entry; `"*"` inside the list is a problem (it is only valid as the whole value). */
export function compileOriginEntry(entry: string): OriginEntry {
  if (entry.length > LIMITS.originLength) {
    return invalid('too-long', `is longer than ${LIMITS.originLength} bytes, the longest Origin the server accepts`);
  }
  // Choice: "null" is kept as a literal and matched only by `Origin: null` (opaque or redirect-tainted
  // origins); listing it shares with every sandboxed document, so it must be written out explicitly.
  if (entry === 'null') return { kind: 'null' };
  if (entry === '*') return invalid('wildcard-in-list', 'is only valid as the whole value of origins, not as a list element');
  if (entry.includes('*')) return compileSubdomainPattern(entry);
  const problem = serializedOriginProblem(entry);
  if (problem === null) return { kind: 'exact', origin: entry };
  const fix = problem.serialization === null ? '' : `; its serialization is "${problem.serialization}"`;
  return invalid(problem.code, `${problem.reason}${fix}`);
}

// `scheme://*.base[:port]`: one leading wildcard standing for one or more labels under base.
function compileSubdomainPattern(entry: string): OriginEntry {
  const match = SUBDOMAIN_WILDCARD.exec(entry);
  const scheme = match?.[1];
  const rest = match?.[2];
  if (scheme === undefined || rest === undefined || rest.includes('*')) {
    return invalid('invalid-origin-pattern', 'is not a valid pattern: it needs exactly one "*", as "*." right after "://" (e.g. "https://*.app.example")');
  }
  // The pattern is valid when replacing "*" by one label yields a serialized origin.
  const sample = serializedOriginProblem(`${scheme}://a.${rest}`);
  if (sample !== null) {
    const code = sample.code === 'unsupported-scheme' ? sample.code : 'invalid-origin-pattern';
    const fix = sample.serialization === null ? '' : `; write "${sample.serialization.replace('://a.', '://*.')}"`;
    return invalid(code, `${sample.reason}${fix}`);
  }
  const host = rest.replace(/:[0-9]+$/, '');
  // Choice: a single-label base ("https://*.com", "https://*.localhost") would trust a whole
  // top-level domain; an IP address has no subdomains.
  if (!host.includes('.') || /^[0-9]/.test(host.slice(host.lastIndexOf('.') + 1))) {
    return invalid('invalid-origin-pattern', 'is not a valid pattern: the part after "*." must be a domain name with at least two labels');
  }
  return { kind: 'subdomains', base: `${scheme}://${rest}` };
}

interface OriginProblem {
  readonly code: OriginEntryProblem;
  readonly reason: string;
  /** What the entry serializes to, when it parses as an http(s) URL. */
  readonly serialization: string | null;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
const NOT_AN_ORIGIN = 'is not a serialized origin (scheme "://" host [":" port])';

/** Null when `entry` is an http(s) serialized origin; otherwise why not and, if known, its serialization. */
function serializedOriginProblem(entry: string): OriginProblem | null {
  const scheme = SCHEME.exec(entry)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return { code: 'unsupported-scheme', reason: `has scheme "${scheme}"; browsers make CORS requests only to http and https`, serialization: null };
  }
  if (scheme !== undefined && isSerializedOrigin(entry)) return null;
  const url = URL.canParse(entry) ? new URL(entry) : null;
  if (scheme === undefined || url === null) return { code: 'not-a-serialized-origin', reason: NOT_AN_ORIGIN, serialization: null };
  const serialization = `${url.protocol}//${url.host}`;
  return { code: 'not-a-serialized-origin', reason: notSerializedBecause(entry, url, serialization), serialization };
}

function notSerializedBecause(entry: string, url: URL, serialization: string): string {
  if (url.username !== '' || url.password !== '') return 'has credentials';
  if (entry === `${serialization}/`) return 'has a trailing slash';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /^[^:]+:\/\/[^/?#]*[/?#]/.test(entry)) {
    return 'has a path, query or fragment';
  }
  if (DEFAULT_PORT.test(entry)) return 'writes out the default port';
  if (NON_ASCII.test(entry)) return 'is not ASCII (a serialized origin uses the punycode form)';
  if (entry !== entry.toLowerCase()) return 'is not lowercase';
  return 'is not in serialized form';
}

function invalid(code: OriginEntryProblem, problem: string): OriginEntry & { kind: 'invalid' } {
  return { kind: 'invalid', code, problem };
}

/**
 * Whether a serialized origin lies strictly under one of the `bases` (`scheme://domain[:port]`), with
 * the same scheme and port: `https://x.y.app.example` is under `https://app.example`, `https://app.example`
 * itself and `https://evilapp.example` are not. Costs one set lookup per label of the host.
 */
export function matchesSubdomainPattern(bases: ReadonlySet<string>, origin: string): boolean {
  const hostStart = origin.indexOf('://') + 3;
  if (hostStart < 3 || origin[hostStart] === '[') return false;
  const scheme = origin.slice(0, hostStart);
  for (let dot = origin.indexOf('.', hostStart); dot !== -1; dot = origin.indexOf('.', dot + 1)) {
    // Every label of the subdomain part must be non-empty.
    if (dot === hostStart || origin[dot - 1] === '.') return false;
    if (bases.has(scheme + origin.slice(dot + 1))) return true;
  }
  return false;
}
