/**
 * The Fetch Standard anchors this project cites, keyed by their id at the pinned fetch.bs revision.
 * A test checks every key against `data/fetch-anchors.txt`, extracted from that revision.
 */

/** The fetch.bs commit every anchor and rule is read from. */
export const FETCH_REVISION = '586cd2a44c2a865b37c166dc0740f3fb8bb220d6';
export const FETCH_SPEC_URL = 'https://fetch.spec.whatwg.org/';

interface AnchorInfo {
  readonly title: string;
  /** Older or section ids that name the same thing. */
  readonly aliases?: readonly string[];
}

export const anchors = {
  'concept-fetch': { title: 'fetch' },
  'concept-main-fetch': { title: 'main fetch' },
  'concept-http-fetch': { title: 'HTTP fetch' },
  'concept-http-redirect-fetch': { title: 'HTTP-redirect fetch' },
  'concept-http-network-or-cache-fetch': { title: 'HTTP-network-or-cache fetch' },
  'cors-preflight-fetch-0': { title: 'CORS-preflight fetch', aliases: ['cors-preflight-fetch'] },
  'concept-cors-check': { title: 'CORS check', aliases: ['cors-check'] },
  'concept-filtered-response-cors': { title: 'CORS filtered response' },
  'concept-response-cors-exposed-header-name-list': { title: 'CORS-exposed header-name list' },
  'cors-preflight-cache': { title: 'CORS-preflight cache' },
  'concept-cache': { title: 'CORS-preflight cache (the cache)' },
  'concept-cache-create-entry': { title: 'create a new cache entry' },
  'concept-cache-clear': { title: 'clear cache entries' },
  'concept-cache-match': { title: 'cache entry match' },
  'concept-cache-match-method': { title: 'method cache entry match' },
  'concept-cache-match-header': { title: 'header-name cache entry match' },
  'concept-cache-max-age': { title: 'cache entry max-age' },
  'concept-method': { title: 'method' },
  'cors-safelisted-method': { title: 'CORS-safelisted method', aliases: ['simple-method'] },
  'forbidden-method': { title: 'forbidden method' },
  'concept-method-normalize': { title: 'normalize (a method)' },
  'cors-safelisted-request-header': { title: 'CORS-safelisted request-header', aliases: ['simple-header'] },
  'cors-unsafe-request-header-byte': { title: 'CORS-unsafe request-header byte' },
  'cors-unsafe-request-header-names': { title: 'CORS-unsafe request-header names' },
  'convert-header-names-to-a-sorted-lowercase-set': { title: 'convert header names to a sorted-lowercase set' },
  'cors-non-wildcard-request-header-name': { title: 'CORS non-wildcard request-header name' },
  'cors-safelisted-response-header-name': { title: 'CORS-safelisted response-header name' },
  'forbidden-request-header': { title: 'forbidden request-header', aliases: ['forbidden-header-name'] },
  'forbidden-response-header-name': { title: 'forbidden response-header name' },
  'request-body-header-name': { title: 'request-body-header name' },
  'no-cors-safelisted-request-header-name': { title: 'no-CORS-safelisted request-header name' },
  'simple-range-header-value': { title: 'parse a single range header value' },
  'concept-header-value': { title: 'header value' },
  'concept-header-list-get': { title: 'get (a header list)' },
  'concept-header-list-combine': { title: 'combine (a header list)' },
  'concept-header-list-get-decode-split': { title: 'get, decode, and split (a header list)' },
  'header-value-get-decode-and-split': { title: 'get, decode, and split (a header value)' },
  'header-list-contains': { title: 'contains (a header list)' },
  'extract-header-values': { title: 'extract header values' },
  'extract-header-list-values': { title: 'extract header list values' },
  'ok-status': { title: 'ok status' },
  'redirect-status': { title: 'redirect status' },
  'concept-response-location-url': { title: 'location URL' },
  'concept-request-tainted-origin': { title: 'redirect-taint of a request' },
  'serializing-a-request-origin': { title: 'serializing a request origin' },
  'byte-serializing-a-request-origin': { title: 'byte-serializing a request origin' },
  'append-a-request-origin-header': { title: 'append a request Origin header' },
  'origin-or-null': { title: 'origin-or-null' },
  'serialized-origin': { title: 'serialized-origin' },
  'http-cors-protocol': { title: 'CORS protocol' },
  'http-responses': { title: 'HTTP responses (CORS protocol)' },
  'http-new-header-syntax': { title: 'HTTP new-header syntax' },
  'http-access-control-allow-origin': { title: 'Access-Control-Allow-Origin' },
  'http-access-control-allow-credentials': { title: 'Access-Control-Allow-Credentials' },
  'http-access-control-allow-methods': { title: 'Access-Control-Allow-Methods' },
  'http-access-control-allow-headers': { title: 'Access-Control-Allow-Headers' },
  'http-access-control-max-age': { title: 'Access-Control-Max-Age' },
  'http-access-control-expose-headers': { title: 'Access-Control-Expose-Headers' },
  'http-access-control-request-method': { title: 'Access-Control-Request-Method' },
  'http-access-control-request-headers': { title: 'Access-Control-Request-Headers' },
  'http-origin': { title: 'Origin header' },
  'cors-protocol-and-credentials': { title: 'CORS protocol and credentials' },
  'cors-protocol-and-http-caches': { title: 'CORS protocol and HTTP caches' },
  'cors-protocol-exceptions': { title: 'CORS protocol exceptions' },
  'cors-request': { title: 'CORS request' },
  'cors-preflight-request': { title: 'CORS-preflight request' },
  'concept-request-mode': { title: 'request mode' },
  'concept-request-credentials-mode': { title: 'request credentials mode' },
  'concept-request-response-tainting': { title: 'response tainting' },
  'use-cors-preflight-flag': { title: 'use-CORS-preflight flag' },
  'unsafe-request-flag': { title: 'unsafe-request flag' },
  'concept-filtered-response-basic': { title: 'basic filtered response' },
  'concept-filtered-response-opaque': { title: 'opaque filtered response' },
  'concept-filtered-response-opaque-redirect': { title: 'opaque-redirect filtered response' },
  'concept-request-current-url': { title: 'current URL' },
  'concept-scheme-fetch': { title: 'scheme fetch' },
  'cross-origin-resource-policy-check': { title: 'cross-origin resource policy check' },
  'cross-origin-resource-policy-internal-check': { title: 'cross-origin resource policy internal check' },
  'cross-origin-resource-policy-header': { title: 'Cross-Origin-Resource-Policy header' },
  'null-body-status': { title: 'null body status' },
  'no-cors-safelisted-request-header': { title: 'no-CORS-safelisted request-header' },
  'privileged-no-cors-request-header-name': { title: 'privileged no-CORS request-header name' },
  'concept-header-value-normalize': { title: 'normalize (a header value)' },
  'collect-an-http-quoted-string': { title: 'collect an HTTP quoted string' },
  'http-tab-or-space': { title: 'HTTP tab or space' },
  'http-whitespace': { title: 'HTTP whitespace' },
} as const satisfies Record<string, AnchorInfo>;

export type AnchorId = keyof typeof anchors;

/** A reference to one numbered step of a Fetch algorithm, e.g. `cors-preflight-fetch-0:7.3`. */
export type StepRef = AnchorId | `${AnchorId}:${string}`;

/** Rules beyond the spec: good practice, security, and documented browser deviations. */
export type BeyondSpecRef = `practice:${string}` | `security:${string}` | `browser:${string}`;

/** The URL of an anchor (the part of a step reference before the colon). */
export function anchorUrl(ref: StepRef | AnchorId): string {
  const colon = ref.indexOf(':');
  return FETCH_SPEC_URL + '#' + (colon === -1 ? ref : ref.slice(0, colon));
}
