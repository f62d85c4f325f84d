// runValues must give exactly the values fc.check tries for a seed, run i being path "i": pass 1 of the
// conformance property relies on it, and `--seed N --path P` replays through fc.check.
import fc from 'fast-check';
import t from 'tap';
import type { CaseRequest } from '../../../reference/browser/index.js';
import { compilePolicy } from '../../../reference/server/index.js';
import { intendedRequestArbitrary } from '../../../suites/conformance/requests.js';
import { intentFromPolicy } from '../../../suites/intent.js';
import { runValues } from '../../../suites/properties/run-values.js';

const TARGET = 'https://api.example/items';
const compiled = compilePolicy({
  origins: ['https://app.example', 'https://*.app.example'], methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
  allowHeaders: ['content-type', 'x-api-key', 'authorization'], exposeHeaders: ['x-request-id'], credentials: true, maxAge: 600,
});
if (!compiled.ok) throw new Error('invalid test policy');
const requests = intendedRequestArbitrary(intentFromPolicy(compiled.policy, TARGET), [TARGET, 'https://api.example/other'])!;

function first<T>(values: Iterator<T>, count: number): T[] {
  return Array.from({ length: count }, () => values.next().value as T);
}

/** What fc.check hands the property, run by run. */
async function checked<T>(arbitrary: fc.Arbitrary<T>, seed: number, numRuns: number): Promise<T[]> {
  const seen: T[] = [];
  await fc.check(fc.asyncProperty(arbitrary, async (value) => {
    seen.push(value);
  }), { seed, numRuns });
  return seen;
}

// Seeds inside int32, at its ends, and outside it (fast-check folds those; the CLI only passes 0..2^31-1).
for (const seed of [0, 1, 42, 2_147_483_647, -7, 2 ** 32 + 5, 1.5]) {
  t.test(`the generated requests of seed ${seed} are fc.check's, in order`, async (t) => {
    t.strictSame(first(runValues(requests, seed), 300), await checked(requests, seed, 300));
  });
}

t.test('other arbitraries too: the bias grows with the run index as in fc.check', async (t) => {
  const arbitrary = fc.record({ n: fc.integer(), list: fc.array(fc.string()), pick: fc.option(fc.constantFrom('a', 'b')) });
  t.strictSame(first(runValues(arbitrary, 7), 1000), await checked(arbitrary, 7, 1000));
});

t.test('value i is what `--path i` replays', async (t) => {
  const values = first(runValues(requests, 9), 60);
  for (const run of [0, 1, 17, 59]) {
    let replayed: CaseRequest | undefined;
    await fc.check(fc.asyncProperty(requests, async (request) => {
      replayed ??= request;
    }), { seed: 9, path: String(run), numRuns: 1 });
    t.strictSame(replayed, values[run], `path ${run}`);
  }
});
