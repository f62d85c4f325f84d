// Moving a case onto the harness must not change what the model says about it: the mapped case's
// verdict, mapped back, is the original case's verdict. Pure; no browser needed.
import t from 'tap';
import fc from 'fast-check';
import { CaseError, NotModelledError, observe, runCase, type Case, type Observation } from '../../../reference/browser/index.js';
import {
  caseOrigins, mapCase, mapLocation, mapOriginText, mapUrl, unmapObservation, unmapUrl, type CaseMapping,
} from '../../../runners/browser/case-map.js';
import { differentialCase } from '../../../suites/properties/differential-arbitraries.js';

const mapping: CaseMapping = {
  prefix: '/c7',
  origins: [
    { caseOrigin: 'https://app.example', harnessOrigin: 'http://127.0.0.1:4001' },
    { caseOrigin: 'https://api.example', harnessOrigin: 'http://127.0.0.1:4002' },
    { caseOrigin: 'https://other.example', harnessOrigin: 'http://127.0.0.1:4003' },
  ],
};

t.test('URLs get the harness origin and the case prefix, and come back', async (t) => {
  t.equal(mapUrl('https://api.example/items?q=1#f', mapping), 'http://127.0.0.1:4002/c7/items?q=1#f');
  t.equal(mapUrl('https://u:p@api.example/x', mapping), 'http://u:p@127.0.0.1:4002/c7/x');
  t.equal(mapUrl('https://unknown.example/x', mapping), 'https://unknown.example/x');
  t.equal(mapUrl('data:,x', mapping), 'data:,x');
  t.equal(unmapUrl('http://127.0.0.1:4002/c7/items?q=1', mapping), 'https://api.example/items?q=1');
});

t.test('Location values: absolute mapped, path-absolute prefixed, relative kept', async (t) => {
  const base = 'https://api.example/items';
  t.equal(mapLocation('https://other.example/moved', mapping, base), 'http://127.0.0.1:4003/c7/moved');
  t.equal(mapLocation('//other.example/moved', mapping, base), 'http://127.0.0.1:4003/c7/moved');
  t.equal(mapLocation('/moved', mapping, base), '/c7/moved');
  t.equal(mapLocation('moved', mapping, base), 'moved');
  t.equal(mapLocation('data:,x', mapping, base), 'data:,x');
});

t.test('origin text keeps what matched matching and what did not failing', async (t) => {
  t.equal(mapOriginText('https://app.example', mapping), 'http://127.0.0.1:4001');
  t.equal(mapOriginText('https://app.example/', mapping), 'http://127.0.0.1:4001/');
  t.equal(mapOriginText('https://app.example:443', mapping), 'http://127.0.0.1:4001:443');
  t.equal(mapOriginText('HTTPS://APP.EXAMPLE', mapping), 'HTTP://127.0.0.1:4001');
  t.equal(mapOriginText('https://app.example, https://other.example', mapping), 'http://127.0.0.1:4001, http://127.0.0.1:4003');
  t.equal(mapOriginText('*', mapping), '*');
  t.equal(mapOriginText('null', mapping), 'null');
});

t.test('every origin a case names gets a harness origin, the page first', async (t) => {
  const c: Case = {
    request: { url: 'https://api.example/a', origin: 'https://app.example' },
    responses: [{ for: 'actual', url: 'https://api.example/a', status: 302, headers: { location: '//cdn.example/b' } }],
  };
  t.same(caseOrigins(c), ['https://app.example', 'https://api.example', 'https://cdn.example']);
});

type Outcome = Observation | 'input-error' | 'not-modelled';

function outcome(c: Case): Outcome {
  try {
    return observe(runCase(c, 'chromium'));
  } catch (error) {
    if (error instanceof NotModelledError) return 'not-modelled';
    if (error instanceof CaseError) return 'input-error';
    throw error;
  }
}

t.test('the model says the same about a generated case and its mapped form', async (t) => {
  fc.assert(fc.property(differentialCase, (c) => {
    const names = caseOrigins(c);
    const m: CaseMapping = { prefix: '/c1', origins: names.map((caseOrigin, i) => ({ caseOrigin, harnessOrigin: `http://127.0.0.1:${5000 + i}` })) };
    const original = outcome(c);
    const mapped = outcome(mapCase(c, m));
    const back = typeof mapped === 'string' ? mapped : unmapObservation(mapped, m);
    return JSON.stringify(back) === JSON.stringify(original);
  }), { numRuns: Number(process.env['FC_RUNS'] ?? 500), seed: 7 });
  t.pass('held');
});
