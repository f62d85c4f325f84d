// The reference server against the reference browser: for any policy and any browser request, the state
// machine fed with decide()'s answers succeeds exactly when the policy allows the request, and script
// sees exactly the policy's exposed headers that are present, plus the CORS-safelisted ones.
// Pure (no sockets). FC_RUNS=10000 for a long run.
import t from 'tap';
import fc from 'fast-check';
import {
  MissingAnswerError, profileNames, profiles, runCase, type CaseAnswer, type CaseRequest, type ProfileName, type SentRequest, type Verdict,
} from '../../../reference/browser/index.js';
import { appendVary, compilePolicy, decide, isAnsweredByMiddleware, type CompiledPolicy, type PolicyConfig } from '../../../reference/server/index.js';
import { byteLowercase } from '../../../spec/header-list.js';
import { VARY } from '../../../spec/headers.js';
import { isCorsSafelistedMethod, normalizeMethod } from '../../../spec/methods.js';
import { corsUnsafeRequestHeaderNames, isCorsNonWildcardRequestHeaderName } from '../../../spec/request-headers.js';
import { isCorsSafelistedResponseHeaderName, isForbiddenResponseHeaderName } from '../../../spec/response-headers.js';
import { browserRequestArbitrary, policyArbitrary } from '../../../suites/properties/policy-arbitraries.js';

const runs = Number(process.env['FC_RUNS'] ?? 500);

export const property = {
  id: 'reference-server/differential',
  spec: ['concept-cors-check', 'cors-preflight-fetch-0', 'concept-filtered-response-cors'],
  property: 'the browser succeeds exactly when the policy allows the request, and reads exactly the exposed and safelisted headers present',
} as const;

/** Headers the application may put on its responses (a subset per case). */
const APP_HEADERS: readonly (readonly [string, string])[] = [
  ['content-type', 'application/json'], ['cache-control', 'no-store'], ['x-request-id', '1'], ['etag', '"1"'],
  ['set-cookie', 'a=b'], ['x-total-count', '3'], ['content-language', 'en'],
];

/** What the Node adapter would write for `sent`: decide()'s answer, or the application's with CORS headers added. */
function answer(policy: CompiledPolicy, sent: SentRequest, app: readonly (readonly [string, string])[]): CaseAnswer {
  const url = new URL(sent.url);
  const decision = decide(policy, { method: sent.method, path: url.pathname + url.search, headers: Object.entries(sent.headers) });
  const vary = appendVary(null, decision.vary);
  const cors = [...decision.headers, ...(vary === null ? [] : [[VARY, vary] as const])];
  const lines = isAnsweredByMiddleware(decision) ? cors : [...app, ...cors];
  const headers: Record<string, string[]> = {};
  for (const [name, value] of lines) (headers[name] ??= []).push(value);
  return { for: sent.kind, url: sent.url, status: isAnsweredByMiddleware(decision) ? decision.status : 200, headers };
}

/** Runs the case as a live runner would: each request the machine asks for is answered, then it runs again. */
function exchange(policy: CompiledPolicy, request: CaseRequest, app: readonly (readonly [string, string])[], profile: ProfileName): { verdict: Verdict; last: CaseAnswer } {
  const responses: CaseAnswer[] = [];
  for (;;) {
    try {
      return { verdict: runCase({ request, responses }, profile), last: responses[responses.length - 1]! };
    } catch (error) {
      if (!(error instanceof MissingAnswerError)) throw error;
      responses.push(answer(policy, error.request, app));
    }
  }
}

// The oracle: the policy read independently of decide(), from DESIGN.md §5 and the Fetch definitions.

function allowsOrigin(config: PolicyConfig, origin: string): boolean {
  if (config.origins === '*') return true;
  return config.origins.some((entry) => {
    if (!entry.includes('*')) return entry === origin;
    const [scheme, base] = entry.split('://*.') as [string, string];
    const prefix = `${scheme}://`;
    if (!origin.startsWith(prefix) || !origin.endsWith(`.${base}`)) return false;
    const labels = origin.slice(prefix.length, origin.length - base.length - 1);
    return labels !== '' && labels.split('.').every((label) => /^[a-z0-9-]+$/.test(label));
  });
}

function inScope(config: PolicyConfig, url: string): boolean {
  if (config.paths === undefined) return true;
  const { pathname } = new URL(url);
  return config.paths.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
}

function policyAllows(config: PolicyConfig, request: CaseRequest, profile: ProfileName): boolean {
  const credentialed = request.credentials === 'include';
  if (!inScope(config, request.url) || !allowsOrigin(config, request.origin)) return false;
  // A credentialed read needs the policy's credentials, and `*` (origins) never serves one.
  if (credentialed && (config.credentials !== true || config.origins === '*')) return false;
  const method = normalizeMethod(request.method ?? 'GET');
  const unsafe = corsUnsafeRequestHeaderNames(Object.entries(request.headers ?? {}) as [string, string][], profiles[profile].isSafelistedRequestHeader);
  if (isCorsSafelistedMethod(method) && unsafe.length === 0) return true;
  if (!isCorsSafelistedMethod(method) && !(config.methods ?? []).includes(method)) return false;
  const allowed = config.allowHeaders ?? [];
  return unsafe.every((name) => allowed === '*'
    ? !isCorsNonWildcardRequestHeaderName(name)
    : allowed.some((listed) => byteLowercase(listed) === name));
}

function expectedExposed(config: PolicyConfig, request: CaseRequest, response: CaseAnswer): string[] {
  const present = Object.keys(response.headers ?? {}).map(byteLowercase);
  const exposed = config.exposeHeaders ?? [];
  const all = exposed === '*' && request.credentials !== 'include';
  return [...new Set(present)].filter((name) => all
    ? !isForbiddenResponseHeaderName(name)
    : isCorsSafelistedResponseHeaderName(name, exposed === '*' ? [] : exposed)).sort();
}

const caseArbitrary = policyArbitrary().chain((config) => fc.record({
  config: fc.constant(config),
  request: browserRequestArbitrary(config),
  app: fc.subarray([...APP_HEADERS]),
  profile: fc.constantFrom<ProfileName>(...profileNames),
}));

t.test(`${property.id}: ${property.property}`, async (t) => {
  const started = performance.now();
  fc.assert(fc.property(caseArbitrary, ({ config, request, app, profile }) => {
    const compiled = compilePolicy(config);
    if (!compiled.ok) throw new Error(`the arbitrary made an invalid policy: ${JSON.stringify(compiled.issues)}`);
    const { verdict, last } = exchange(compiled.policy, request, app, profile);
    const allowed = policyAllows(config, request, profile);
    if ((verdict.outcome === 'ok') !== allowed) {
      throw new Error(`policy ${allowed ? 'allows' : 'refuses'} it, the browser says ${verdict.outcome} at ${verdict.failedAt}: ${verdict.reason}`);
    }
    const exposed = allowed ? expectedExposed(config, request, last) : [];
    if (JSON.stringify(verdict.exposedHeaders) !== JSON.stringify(exposed)) {
      throw new Error(`script reads ${verdict.exposedHeaders.join(', ')}; the policy exposes ${exposed.join(', ')}`);
    }
  }), { numRuns: runs });
  t.comment(`${runs} runs in ${Math.round(performance.now() - started)} ms`);
});

t.test('the arbitraries cover what the property is about', async (t) => {
  // Without this, a generator that never allows (or never refuses) anything would pass vacuously.
  const seen = { allowed: 0, refused: 0, preflighted: 0, credentialed: 0, exposedBeyondSafelist: 0 };
  for (const { config, request, app, profile } of fc.sample(caseArbitrary, { numRuns: 2000, seed: 1 })) {
    const compiled = compilePolicy(config);
    if (!compiled.ok) continue;
    const { verdict } = exchange(compiled.policy, request, app, profile);
    if (verdict.outcome === 'ok') seen.allowed += 1; else seen.refused += 1;
    if (verdict.outcome === 'ok' && verdict.preflight.sent) seen.preflighted += 1;
    if (verdict.outcome === 'ok' && request.credentials === 'include') seen.credentialed += 1;
    if (verdict.exposedHeaders.some((name) => !isCorsSafelistedResponseHeaderName(name, []))) seen.exposedBeyondSafelist += 1;
  }
  for (const [what, count] of Object.entries(seen)) t.ok(count >= 50, `${what}: ${count} of 2000`);
});
