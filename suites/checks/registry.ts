/**
 * Every check the suite can report, by stable id (never a position). `--list` prints them;
 * `--suite PREFIX` selects by id prefix. DESIGN.md §3 and §6.
 */
import type { BeyondSpecRef, StepRef } from '../../spec/anchors.js';

export type Level = 'must' | 'should' | 'info';
export type Category = 'conformance' | 'security' | 'cache' | 'robustness';

export interface Check {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly category: Category;
  readonly anchor: StepRef | BeyondSpecRef;
  /** Where a beyond-spec anchor is documented. */
  readonly source?: string;
  readonly fix: string;
}

const conformance = (id: string, anchor: StepRef, title: string, fix: string, level: Level = 'must'): Check =>
  ({ id, title, level, category: 'conformance', anchor, fix });

const ECHO = 'Echo the request\'s Origin byte for byte (after checking it against your allow-list), or send * for public, uncredentialed resources.';

export const checks = [
  // The CORS check on actual responses.
  conformance('acao/missing', 'concept-cors-check:2', 'A response meant to be shared has no Access-Control-Allow-Origin', 'Send Access-Control-Allow-Origin on every response to an allowed origin, error statuses included.'),
  conformance('acao/multiple-values', 'concept-cors-check:4', 'Access-Control-Allow-Origin holds several values or is sent twice', 'Send exactly one Access-Control-Allow-Origin line with one origin; check that a proxy or framework does not add a second.'),
  conformance('acao/trailing-slash', 'concept-cors-check:4', 'Access-Control-Allow-Origin has a trailing slash or a path', 'A serialized origin is scheme://host[:port] with no slash: ' + ECHO),
  conformance('acao/case', 'concept-cors-check:4', 'Access-Control-Allow-Origin differs from the origin only in case', 'The comparison is byte for byte and origins are lowercase: ' + ECHO),
  conformance('acao/default-port', 'concept-cors-check:4', 'Access-Control-Allow-Origin spells out the default port', 'Serialized origins omit :443 for https and :80 for http: ' + ECHO),
  conformance('acao/wildcard-with-credentials', 'concept-cors-check:4', 'Access-Control-Allow-Origin * on a credentialed request', 'For credentialed requests, echo the allowed origin instead of *, with Access-Control-Allow-Credentials: true and Vary: Origin.'),
  conformance('acao/mismatch', 'concept-cors-check:4', 'Access-Control-Allow-Origin names another origin', ECHO),
  conformance('acac/not-true', 'concept-cors-check:8', 'A credentialed response lacks Access-Control-Allow-Credentials: true', 'Send Access-Control-Allow-Credentials: true (exactly, lowercase, once) on responses to credentialed requests from allowed origins.'),
  // The preflight.
  conformance('preflight/acao-missing', 'concept-cors-check:2', 'The preflight response has no Access-Control-Allow-Origin', 'Answer preflights (OPTIONS with Access-Control-Request-Method) with Access-Control-Allow-Origin for allowed origins.'),
  conformance('preflight/acao-mismatch', 'concept-cors-check:4', 'The preflight response\'s Access-Control-Allow-Origin does not match', ECHO + ' The preflight is checked like the actual response.'),
  conformance('preflight/acac', 'concept-cors-check:8', 'The preflight for a credentialed request lacks Access-Control-Allow-Credentials: true', 'The preflight is judged with the actual request\'s credentials mode: send Access-Control-Allow-Credentials: true on the preflight response too.'),
  conformance('preflight/ok-status', 'cors-preflight-fetch-0:7', 'The preflight gets a status outside 200-299', 'Answer OPTIONS preflights with 204 (or 200) before any authentication or routing that could refuse them; preflights never carry cookies or Authorization.'),
  conformance('preflight/redirect', 'cors-preflight-fetch-0:7', 'The preflight is redirected', 'Preflights never follow redirects: answer OPTIONS at the requested URL (watch for http→https and trailing-slash redirects).'),
  conformance('preflight/acam-invalid', 'cors-preflight-fetch-0:7.3', 'Access-Control-Allow-Methods does not parse', 'List methods as comma-separated tokens, e.g. "GET, PUT, DELETE"; one bad token fails every preflight.'),
  conformance('preflight/acah-invalid', 'cors-preflight-fetch-0:7.3', 'Access-Control-Allow-Headers does not parse', 'List header names as comma-separated tokens, e.g. "content-type, x-api-key"; one bad token fails every preflight.'),
  conformance('preflight/method-not-allowed', 'cors-preflight-fetch-0:7.5', 'An intended method is missing from Access-Control-Allow-Methods', 'List every method the resource accepts cross-origin in Access-Control-Allow-Methods.'),
  conformance('preflight/method-case', 'cors-preflight-fetch-0:7.5', 'Access-Control-Allow-Methods lists the method in another case', 'Methods match case-sensitively, and fetch() sends non-standard methods such as patch as written: list them exactly as clients send them.'),
  conformance('preflight/method-wildcard-with-credentials', 'cors-preflight-fetch-0:7.5', 'Access-Control-Allow-Methods * on a credentialed request', 'For credentialed requests * is a literal method name: list the methods.'),
  conformance('preflight/header-not-allowed', 'cors-preflight-fetch-0:7.7', 'An intended request header is missing from Access-Control-Allow-Headers', 'List every request header clients send (as in Access-Control-Request-Headers) in Access-Control-Allow-Headers; compare names case-insensitively and split on commas with optional spaces.'),
  conformance('preflight/header-wildcard-with-credentials', 'cors-preflight-fetch-0:7.7', 'Access-Control-Allow-Headers * on a credentialed request', 'For credentialed requests * is a literal header name: list the headers.'),
  conformance('preflight/authorization-wildcard', 'cors-preflight-fetch-0:7.6', 'Authorization is covered only by * in Access-Control-Allow-Headers', 'List Authorization by name: the spec never lets * cover it (shipping browsers still do, whatwg/fetch#1919, and may stop).', 'should'),
  conformance('preflight/max-age-invalid', 'cors-preflight-fetch-0:7.8', 'Access-Control-Max-Age is not one delta-seconds value', 'Send one Access-Control-Max-Age line with digits only, e.g. 600; otherwise browsers fall back to 5 s (Firefox caches nothing).', 'should'),
  // What script can read.
  conformance('expose/missing', 'concept-filtered-response-cors', 'A header meant to be readable is not in Access-Control-Expose-Headers', 'List the response headers script must read in Access-Control-Expose-Headers on the actual response (not the preflight).'),
  conformance('expose/invalid', 'concept-main-fetch:14.1', 'Access-Control-Expose-Headers does not parse, so it exposes nothing', 'List header names as comma-separated tokens.', 'should'),
  conformance('expose/wildcard-with-credentials', 'concept-main-fetch:14.1', 'Access-Control-Expose-Headers * on a credentialed response exposes nothing', 'For credentialed requests * is a literal header name: list the headers.', 'should'),
  // Redirects.
  conformance('redirect/cors', 'concept-http-fetch:4.4', 'A redirect hop fails the CORS check', 'Every hop of a CORS redirect chain needs CORS headers; after a cross-origin hop the Origin is null and the next server must allow null or *.'),
  conformance('redirect/location', 'concept-http-redirect-fetch:5', 'A redirect a browser refuses to follow', 'Send one valid http(s) Location without user:pass@, and no more than 20 redirects.'),
  { id: 'redirect/leaves-targets', title: 'A redirect leads outside the named targets (not followed)', level: 'info', category: 'robustness', anchor: 'concept-http-redirect-fetch:18', fix: 'Name the redirect\'s host as a target too if it should be checked.' },
  // Security: untrusted origins must be refused.
  ...([
    ['security/origin-reflection', 'An arbitrary origin is allowed (the Origin header is reflected)', 'Check Origin against an explicit allow-list before echoing it; never reflect it unchecked.'],
    ['security/null-origin', 'Origin null is allowed', 'Do not allow "null": sandboxed iframes and data: documents on any site send it.'],
    ['security/origin-prefix', 'An origin that merely starts with a trusted origin is allowed', 'Compare whole origins for equality, not with startsWith or a regular expression without anchors.'],
    ['security/origin-suffix', 'An origin that merely ends with a trusted host is allowed', 'Compare whole origins; for subdomains match "." + domain at a label boundary.'],
    ['security/unescaped-dot', 'An origin matching a pattern\'s unescaped "." is allowed', 'Escape dots in origin regular expressions, or better, compare strings.'],
    ['security/origin-scheme', 'A trusted host on another scheme (http) is allowed', 'Include the scheme in the comparison: http:// origins can be forged by a network attacker.'],
    ['security/origin-port', 'A trusted host on another port is allowed', 'Include the port in the comparison.'],
    ['security/origin-subdomain', 'A subdomain of a trusted origin is allowed without being listed', 'List subdomains explicitly or use a deliberate *.domain pattern.'],
    ['security/origin-substring', 'A part of a trusted origin is allowed (substring match)', 'Look origins up in a list or set; `origin in "…"` on a string, indexOf or includes on a joined list admit any prefix of a trusted origin.'],
    ['security/special-characters', 'An origin with unusual characters around a trusted host is allowed', 'Parse and compare origins strictly; reject anything that is not a serialized origin.'],
    ['security/preflight-admits-untrusted', 'A preflight admits an untrusted origin', 'Refuse preflights from origins you do not trust: the actual request (and its side effects) follows an admitted preflight.'],
  ] as const).map(([id, title, fix]): Check => ({ id, title, fix, level: 'must', category: 'security', anchor: 'concept-cors-check:4' })),
  { id: 'security/unintended-credentials', title: 'A trusted origin can read credentialed responses, though credentials are not meant to be allowed', level: 'should', category: 'security', anchor: 'concept-cors-check:8', fix: 'Send Access-Control-Allow-Credentials: true only where pages must read responses made with the user\'s cookies; token-based APIs need no credentials.' },
  // Shared caches.
  { id: 'cache/vary-origin', title: 'Access-Control-Allow-Origin depends on Origin but Vary lacks Origin', level: 'should', category: 'cache', anchor: 'cors-protocol-and-http-caches', fix: 'Send Vary: Origin on every response whose CORS headers depend on the Origin header (including responses to requests without Origin), or send a static value.' },
  // Robustness.
  { id: 'robustness/error-status', title: 'Error responses lose the CORS headers the success path has', level: 'should', category: 'robustness', anchor: 'http-responses', fix: 'Add CORS headers before routing and error handling, so 404, 405 and 500 responses stay readable by allowed origins.' },
  { id: 'robustness/head', title: 'HEAD loses the CORS headers GET has', level: 'should', category: 'robustness', anchor: 'http-responses', fix: 'Answer HEAD with the same CORS headers as GET.' },
  { id: 'robustness/plain-options', title: 'A plain OPTIONS (no Access-Control-Request-Method) gets preflight headers', level: 'info', category: 'robustness', anchor: 'cors-preflight-request', fix: 'Only an OPTIONS request with Origin and Access-Control-Request-Method is a preflight; answer other OPTIONS requests as the application would, without Access-Control-Allow-Methods/-Headers.' },
] as const satisfies readonly Check[];

export type CheckId = (typeof checks)[number]['id'];

const byId = new Map<string, Check>(checks.map((check) => [check.id, check]));

export function checkById(id: CheckId): Check {
  return byId.get(id)!;
}

/** The checks whose id starts with one of the prefixes (all when none is given). */
export function selectChecks(prefixes: readonly string[]): readonly Check[] {
  return prefixes.length === 0 ? checks : checks.filter((check) => prefixes.some((prefix) => check.id.startsWith(prefix)));
}
