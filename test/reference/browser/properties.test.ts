// Properties of the state machine over generated cases (fast-check): they hold for every input.
import t from 'tap';
import fc from 'fast-check';
import { runCase, profileNames, type Case, type Verdict } from '../../../reference/browser/index.js';
import { caseArbitrary, PAGE_ORIGIN, request as requestArbitrary } from '../../../suites/properties/case-arbitraries.js';
import { convertHeaderNamesToSortedLowercaseSet } from '../../../spec/request-headers.js';
import { ACRH, ACRM } from '../../../spec/headers.js';

const runs = Number(process.env['FC_RUNS'] ?? 300);
const profile = fc.constantFrom(...profileNames);

t.test('the machine is deterministic: the same case gives the same verdict', async (t) => {
  fc.assert(fc.property(caseArbitrary, profile, (c, p) =>
    JSON.stringify(runCase(c, p)) === JSON.stringify(runCase(structuredClone(c), p))), { numRuns: runs });
  t.pass('held');
});

t.test('every network error names the step that produced it, as the last failing trace line', async (t) => {
  fc.assert(fc.property(caseArbitrary, profile, (c, p) => {
    const verdict = runCase(c, p);
    if (verdict.outcome === 'ok') return verdict.failedAt === null && verdict.status !== null;
    const fails = verdict.trace.filter((step) => step.result === 'fail');
    return verdict.failedAt !== null && fails.length === 1 && fails[0]!.step === verdict.failedAt &&
      verdict.status === null && verdict.exposedHeaders.length === 0;
  }), { numRuns: runs });
  t.pass('held');
});

t.test('a same-origin request never preflights and never sends a CORS check', async (t) => {
  fc.assert(fc.property(requestArbitrary, (r) => {
    const sameOrigin: Case = {
      request: { ...r, url: PAGE_ORIGIN + new URL(r.url).pathname },
      response: { status: 200, headers: {} },
    };
    const verdict = runCase(sameOrigin);
    return verdict.outcome === 'ok' && !verdict.preflight.sent && verdict.requests.length === 1 &&
      verdict.requests[0]!.kind === 'actual' && verdict.trace.every((step) => !step.step.startsWith('concept-cors-check'));
  }), { numRuns: runs });
  t.pass('held');
});

function preflights(verdict: Verdict) {
  return verdict.requests.filter((request) => request.kind === 'preflight');
}

t.test('preflights carry no author headers, and ACRH in canonical form', async (t) => {
  fc.assert(fc.property(caseArbitrary, profile, (c, p) => {
    for (const preflight of preflights(runCase(c, p))) {
      const names = Object.keys(preflight.headers).sort();
      const allowed = ['accept', ACRH, ACRM, 'origin'];
      if (!names.every((name) => allowed.includes(name)) || preflight.method !== 'OPTIONS') return false;
      const acrh = preflight.headers[ACRH];
      if (acrh !== undefined && acrh !== convertHeaderNamesToSortedLowercaseSet(acrh.split(',')).join(',')) return false;
      if (acrh === '') return false;
    }
    return true;
  }), { numRuns: runs });
  t.pass('held');
});

t.test('ACRM is the method exactly as script gave it (after normalization)', async (t) => {
  fc.assert(fc.property(caseArbitrary, (c) => {
    const first = preflights(runCase(c))[0];
    if (first === undefined) return true;
    const method = c.request.method ?? 'GET';
    const normalized = ['delete', 'get', 'head', 'options', 'post', 'put'].includes(method.toLowerCase()) ? method.toUpperCase() : method;
    return first.headers[ACRM] === normalized;
  }), { numRuns: runs });
  t.pass('held');
});

t.test('a credentialed request never succeeds on a response with ACAO *', async (t) => {
  fc.assert(fc.property(caseArbitrary, profile, (c, p) => {
    if (c.request.credentials !== 'include') return true;
    const verdict = runCase(c, p);
    const acao = c.response?.headers?.['access-control-allow-origin'];
    return !(verdict.outcome === 'ok' && c.responses === undefined && acao === '*');
  }), { numRuns: runs });
  t.pass('held');
});

t.test('exposed header names are lowercase, sorted, unique, and never set-cookie', async (t) => {
  fc.assert(fc.property(caseArbitrary, profile, (c, p) => {
    const { exposedHeaders } = runCase(c, p);
    const canonical = [...new Set(exposedHeaders.map((name) => name.toLowerCase()))].sort();
    return JSON.stringify(canonical) === JSON.stringify(exposedHeaders) && !exposedHeaders.includes('set-cookie');
  }), { numRuns: runs });
  t.pass('held');
});
