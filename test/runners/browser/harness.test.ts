// Harness.warmUp without a browser: a stand-in "engine" sends the requests a browser would (a preflight
// unless its cache answers), so the rounds the warm-up takes are exact.
import t from 'tap';
import { request } from 'undici';
import { ACRM } from '../../../spec/headers.js';
import type { BrowserStep, PageResult } from '../../../runners/browser/driver.js';
import { Harness } from '../../../runners/browser/harness.js';

/** An engine whose first `lost` preflight results are forgotten, like a fresh Firefox context. */
function engine(lost: number) {
  let stored = 0;
  const cached = new Set<string>();
  const sent: string[] = [];
  const fetchOne = async (step: BrowserStep): Promise<PageResult> => {
    step.before?.();
    const { url } = step.fetch;
    if (!cached.has(url)) {
      const preflight = await request(url, { method: 'OPTIONS', headers: { origin: 'x', [ACRM]: step.fetch.method } });
      await preflight.body.dump();
      sent.push(`OPTIONS ${new URL(url).pathname}`);
      if (++stored > lost) cached.add(url);
    }
    const actual = await request(url, { method: step.fetch.method, body: 'x' });
    await actual.body.dump();
    sent.push(`${step.fetch.method} ${new URL(url).pathname}`);
    return { kind: 'response', status: actual.statusCode, type: 'cors', headerNames: [] };
  };
  return { sent, run: async (steps: readonly BrowserStep[]) => { const out: PageResult[] = []; for (const step of steps) out.push(await fetchOne(step)); return out; } };
}

t.test('warmUp repeats its two PUTs until the second goes without a preflight', async (t) => {
  const harness = await Harness.start();
  t.teardown(() => harness.close());
  const fresh = engine(3);
  t.equal(await harness.warmUp(fresh.run), 3, 'three results lost: round 3 is the first whose second PUT is answered from the cache');
  t.equal(fresh.sent.filter((line) => line.startsWith('OPTIONS')).length, 5, 'preflights: two, two, then one');
  const warm = engine(0);
  t.equal(await harness.warmUp(warm.run), 1, 'a context that keeps its first result is warm after one round');
  t.same(warm.sent.map((line) => line.replace(/\/warm\d+/, '/warmN')), ['OPTIONS /warmN/warm-up', 'PUT /warmN/warm-up', 'PUT /warmN/warm-up']);
  t.equal(await harness.warmUp(engine(1000).run, 2), 0, 'never cached within the rounds allowed: 0');
});
