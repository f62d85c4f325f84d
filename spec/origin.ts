/**
 * Origins as the CORS check sees them: the tuple a URL has, its ASCII serialization (what `Origin`
 * and `Access-Control-Allow-Origin` carry), and the `origin-or-null` grammar of those values.
 * Hosts are taken from the WHATWG URL parser, so they are already in the form browsers serialize:
 * lowercase, punycode, IPv4 dotted decimal, IPv6 compressed and bracketed.
 */
import { failure } from './abnf.js';
import type { Failure } from './abnf.js';
import { memoizeString } from './memo.js';

/** A tuple origin (host as URL serializes it, port null when the scheme's default) or an opaque one. */
export type Origin =
  | { readonly kind: 'tuple'; readonly scheme: string; readonly host: string; readonly port: number | null }
  | { readonly kind: 'opaque' };

const OPAQUE: Origin = { kind: 'opaque' };
// The special schemes with a host; `file:` is special too but its origin is left opaque by URL.
const TUPLE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const NULL = 'null';

/**
 * The origin of `url`: a tuple for http, https, ws, wss and ftp; opaque for every other scheme.
 * Choice: `blob:` URLs are opaque here; their fetches never leave the browser, so they never meet CORS.
 * @see https://url.spec.whatwg.org/#concept-url-origin
 */
export function originOfUrl(url: URL): Origin {
  // Keyed by the serialized URL (URL objects are mutable): origins are asked for again and again, and the
  // href is a stored string where the other getters slice a new one.
  const href = url.href;
  let origin = origins.get(href);
  if (origin === undefined) {
    // URL omits a port equal to the scheme's default, which is exactly the tuple's null port.
    origin = !TUPLE_SCHEMES.has(url.protocol) ? OPAQUE
      : { kind: 'tuple', scheme: url.protocol.slice(0, -1), host: url.hostname, port: url.port === '' ? null : Number(url.port) };
    if (origins.size >= ORIGIN_CACHE_SIZE) origins.clear();
    origins.set(href, origin);
  }
  return origin;
}

const ORIGIN_CACHE_SIZE = 4096;
const origins = new Map<string, Origin>();

/**
 * The ASCII serialization `scheme://host[:port]`, or `null` for an opaque origin.
 * @see https://fetch.spec.whatwg.org/#serialized-origin
 */
export function serializeOrigin(origin: Origin): string {
  if (origin.kind === 'opaque') return NULL;
  return origin.port === null ? `${origin.scheme}://${origin.host}` : `${origin.scheme}://${origin.host}:${origin.port}`;
}

/**
 * Whether two origins are the same tuple; an opaque origin matches nothing, as no identity is modelled.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#same-origin
 */
export function isSameOrigin(a: Origin, b: Origin): boolean {
  return a.kind === 'tuple' && b.kind === 'tuple' && a.scheme === b.scheme && a.host === b.host && a.port === b.port;
}

// The tuple whose serialization is exactly `s`, or null. URL parsing forgives case, default ports,
// paths, userinfo, percent-encoding and Unicode hosts; comparing the re-serialization with `s` undoes all that.
const tupleOriginSerializedAs = memoizeString(parseTupleOrigin);

function parseTupleOrigin(s: string): Origin | null {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  const origin = originOfUrl(url);
  // Choice: port 0 serializes but is a bad port, so no fetched document can have it.
  if (origin.kind === 'opaque' || origin.port === 0) return null;
  return serializeOrigin(origin) === s ? origin : null;
}

/**
 * Whether `s` is exactly the serialization of some http(s), ws(s) or ftp tuple origin (no slash, no default port).
 * Choice: hosts follow the URL parser, so `a_b.example` and a trailing dot pass though the ABNF's domain is narrower.
 * @see https://fetch.spec.whatwg.org/#serialized-origin
 */
export function isSerializedOrigin(s: string): boolean {
  return tupleOriginSerializedAs(s) !== null;
}

/**
 * Whether `s` is a serialized origin or exactly `null` (`NULL` and `Null` are not).
 * @see https://fetch.spec.whatwg.org/#origin-or-null
 */
export function isOriginOrNull(s: string): boolean {
  return s === NULL || isSerializedOrigin(s);
}

/**
 * Parses `origin-or-null`: `null` gives an opaque origin, a serialized origin its tuple, anything else failure.
 * @see https://fetch.spec.whatwg.org/#origin-or-null
 */
export function parseOriginOrNull(s: string): Origin | Failure {
  if (s === NULL) return OPAQUE;
  return tupleOriginSerializedAs(s) ?? failure;
}
