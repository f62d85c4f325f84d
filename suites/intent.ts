/**
 * What the server's owner means to allow: read from a declared policy, or inferred from `--origin`
 * and from what the server itself advertises. DESIGN.md §5.
 */
import { failure } from '../spec/abnf.js';
import { extractHeaderListValues, headerListGet, type HeaderList } from '../spec/header-list.js';
import { ACAC, ACAH, ACAM, ACAO, ACEH } from '../spec/headers.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { allowsOrigin, isInScope } from '../reference/server/decide.js';
import type { CompiledPolicy } from '../reference/server/policy.js';

export interface Intent {
  readonly source: 'policy' | 'inferred';
  /** Concrete origins to probe as trusted. */
  readonly trustedOrigins: readonly string[];
  readonly isTrusted: (origin: string) => boolean;
  /**
   * Origins whose look-alikes are probed as untrusted: the trusted origins, and the domain under each
   * subdomain pattern (`https://app.example` for `https://*.app.example`), whose look-alikes
   * (`https://evilapp.example`) are exactly what a pattern implemented without a label boundary admits.
   */
  readonly imitated: readonly string[];
  /** Whether every origin may read uncredentialed responses (`*`). */
  readonly anyOrigin: boolean;
  /** Methods beyond GET/HEAD/POST, exactly as written. */
  readonly methods: readonly string[];
  /** Request header names (lowercase) beyond the safelist, `*` excluded. */
  readonly headers: readonly string[];
  readonly headerWildcard: boolean;
  readonly exposeHeaders: readonly string[] | '*' | null;
  readonly credentials: boolean;
  /** Sentences saying what was inferred (empty with a policy). */
  readonly notes: readonly string[];
}

/** Stands in for "some page" where the intent is public (`*`) and no origin was named. */
export const PUBLIC_ORIGIN = 'https://app.cors-conformance.test';

const unsafeMethods = (methods: Iterable<string>): string[] => [...new Set(methods)].filter((m) => m !== '*' && !isCorsSafelistedMethod(m));

/** The headers a policy means to expose; null when it means none (absent or an empty list). */
function exposed(list: '*' | readonly string[] | undefined): readonly string[] | '*' | null {
  if (list === undefined || list.length === 0) return null;
  return list === '*' ? '*' : list.map((h) => h.toLowerCase());
}

/**
 * The intent a policy declares for one target URL. A URL outside the policy's `paths` is meant to
 * share nothing: no origin is trusted there, and every probe is an attacker's.
 */
export function intentFromPolicy(policy: CompiledPolicy, target?: string): Intent {
  if (target !== undefined) {
    const url = new URL(target);
    if (!isInScope(policy, url.pathname + url.search)) return outOfScope(policy, url.pathname);
  }
  const examples = [...policy.subdomainBases].map((base) => base.replace('://', '://cors-conformance.'));
  const trusted = policy.anyOrigin ? [PUBLIC_ORIGIN] : [...policy.exactOrigins, ...examples].filter((o) => o !== 'null');
  return {
    source: 'policy', trustedOrigins: trusted, isTrusted: (origin) => allowsOrigin(policy, origin),
    imitated: policy.anyOrigin ? trusted : [...trusted, ...policy.subdomainBases],
    anyOrigin: policy.anyOrigin, methods: unsafeMethods(policy.methods),
    headers: policy.allowHeaders === '*' ? [] : [...policy.allowHeaders],
    headerWildcard: policy.allowHeaders === '*',
    exposeHeaders: exposed(policy.config.exposeHeaders),
    credentials: policy.credentials, notes: [],
  };
}

function outOfScope(policy: CompiledPolicy, path: string): Intent {
  const inScope = intentFromPolicy(policy);
  return {
    ...inScope, trustedOrigins: [], isTrusted: () => false, anyOrigin: false, methods: [], headers: [], headerWildcard: false,
    exposeHeaders: null, credentials: false,
    notes: [`${path} is outside the policy's paths (${policy.paths?.join(', ')}): no origin is meant to read it`],
  };
}

/** What a discovery preflight (and a plain CORS GET) told about the server's configuration. */
export interface Discovery {
  readonly origin: string;
  readonly preflight: { readonly status: number; readonly headers: HeaderList } | null;
  readonly get: { readonly status: number; readonly headers: HeaderList } | null;
}

function tokens(name: typeof ACAM | typeof ACAH | typeof ACEH, headers: HeaderList | undefined): string[] {
  if (headers === undefined) return [];
  const values = extractHeaderListValues(name, headers);
  return values === null || values === failure ? [] : [...values];
}

/**
 * Intent without a policy: origins named with --origin are trusted; what the server advertises to
 * them (methods, headers, credentials, exposed headers) is taken as meant, to be checked in a browser.
 */
export function inferIntent(origins: readonly string[], discovery: Discovery): Intent {
  const preflight = discovery.preflight?.headers;
  const anyOrigin = headerListGet(discovery.get?.headers ?? [], ACAO) === '*' || (preflight !== undefined && headerListGet(preflight, ACAO) === '*');
  const headerNames = tokens(ACAH, preflight);
  const exposed = tokens(ACEH, discovery.get?.headers);
  const credentials = [preflight, discovery.get?.headers].some((headers) => headers !== undefined && headerListGet(headers, ACAC) === 'true');
  const trusted = origins.length > 0 ? origins : anyOrigin ? [PUBLIC_ORIGIN] : [];
  const intent: Intent = {
    source: 'inferred', trustedOrigins: trusted,
    isTrusted: (origin) => origins.includes(origin), imitated: trusted,
    anyOrigin, methods: unsafeMethods(tokens(ACAM, preflight)),
    headers: [...new Set(headerNames.filter((h) => h !== '*').map((h) => h.toLowerCase()))],
    headerWildcard: headerNames.includes('*'),
    exposeHeaders: exposed.length === 0 ? null : exposed.includes('*') ? '*' : exposed.map((h) => h.toLowerCase()),
    credentials, notes: [],
  };
  return { ...intent, notes: describeInference(intent, origins) };
}

function describeInference(intent: Intent, origins: readonly string[]): string[] {
  const notes: string[] = [];
  notes.push(origins.length > 0 ? `trusted origins (from --origin): ${origins.join(', ')}`
    : intent.anyOrigin ? 'the server answers Access-Control-Allow-Origin: *, so it is taken as public'
    : 'no --origin given: no origin is trusted, so only refusal (security) is checked');
  notes.push(`methods the server advertises: ${intent.methods.length > 0 ? intent.methods.join(', ') : '(none beyond GET, HEAD, POST)'}`);
  notes.push(`request headers the server advertises: ${intent.headerWildcard ? '* ' : ''}${intent.headers.join(', ') || (intent.headerWildcard ? '' : '(none)')}`.trim());
  notes.push(`credentials: ${intent.credentials ? 'yes (Access-Control-Allow-Credentials: true seen)' : 'no'}`);
  if (intent.exposeHeaders !== null) notes.push(`exposed headers: ${intent.exposeHeaders === '*' ? '*' : intent.exposeHeaders.join(', ')}`);
  return notes;
}
