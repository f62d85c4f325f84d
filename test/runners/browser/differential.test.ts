// The reference model (profile chromium) against real Chromium, on generated cases and on every edge
// case a page can run: any difference in what a browser can observe fails, with the shrunk case printed
// as an `explain` case file. Runs only where Debian's Chromium is installed.
//   node dist/test/runners/browser/differential.test.js --runs 10000 [--seed N]   (or BROWSER_RUNS=…)
import t from 'tap';
import { existsSync } from 'node:fs';
import { ChromiumDriver, CHROMIUM_PATH } from '../../../runners/browser/chromium.js';
import { runDifferential, type Difference } from '../../../runners/browser/differential.js';
import { Harness } from '../../../runners/browser/harness.js';
import { formatCaseRun } from '../../../runners/browser/report.js';
import { runCaseInBrowser } from '../../../runners/browser/run-case.js';
import { edgeCases } from '../../../suites/edge/index.js';
import type { Case } from '../../../reference/browser/index.js';

/** The value of `--name N` (the last one wins, so `npm run test:browser -- --runs N` overrides a default). */
function flag(name: string): string | undefined {
  const args = process.argv;
  const at = args.lastIndexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : args.filter((arg) => arg.startsWith(`--${name}=`)).pop()?.slice(name.length + 3);
}

const RUNS = Number(flag('runs') ?? process.env['BROWSER_RUNS'] ?? 2000);
const SEED = Number(flag('seed') ?? process.env['BROWSER_SEED'] ?? 20261103);
const CONCURRENCY = 8;

function explainFile(difference: Difference): string {
  const lines = [`run ${difference.index} (replay: seed ${SEED}, path "${difference.index}")`];
  lines.push('explain case (cors-conformance explain - --profile chromium; cors-conformance browser -):');
  lines.push(JSON.stringify(difference.case, null, 2));
  if (difference.error !== undefined) lines.push(`error: ${difference.error}`);
  if (difference.run !== null) lines.push(formatCaseRun(difference.run, 'chromium', 'chromium'));
  return lines.join('\n');
}

/** Waits longer than this are left out of the edge run (a few cases wait for minutes of max-age). */
const MAX_EDGE_WAIT_S = 2;

function runnableInPage(c: Case): boolean {
  const entries = [c, ...(c.history ?? [])];
  // A stream body (use-CORS-preflight flag) needs HTTP/2 in Chromium; the harness speaks HTTP/1.1.
  if (entries.some((entry) => entry.request.useCorsPreflight === true)) return false;
  const times = [...(c.history ?? []).map((entry) => entry.at), c.at ?? 0];
  return times.every((at, i) => i === 0 || at - times[i - 1]! <= MAX_EDGE_WAIT_S);
}

if (!existsSync(CHROMIUM_PATH)) {
  const message = `browser tests skipped: Chromium is not installed at ${CHROMIUM_PATH} (install it with: apt-get install chromium)`;
  t.comment(message);
  // CI sets this: there the browser check must run, not be skipped.
  if (process.env['CORS_CONFORMANCE_REQUIRE_BROWSER'] === '1') t.fail(message.replace('skipped', 'required'));
  else t.skip(message, () => undefined);
} else {
  // The whole file: browser start, the edge suite, and RUNS generated cases at ~20 cases/s.
  t.setTimeout(Math.max(300, RUNS / 5) * 1000);
  const harness = await Harness.start();
  const driver = new ChromiumDriver({ concurrency: CONCURRENCY });
  await driver.start();
  t.teardown(async () => {
    await driver.stop();
    await harness.close();
  });

  t.test('every edge case a page can run shows in Chromium what the chromium profile predicts', async (t) => {
    const runnable = edgeCases.filter((edge) => runnableInPage(edge.case));
    const failures: string[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < runnable.length) {
        const edge = runnable[next++]!;
        const run = await runCaseInBrowser(edge.case, driver, harness, 'chromium');
        if (!run.same) failures.push(`${edge.id}\n${JSON.stringify({ ...edge.case, profile: 'chromium' }, null, 2)}\n${formatCaseRun(run, 'chromium', 'chromium')}`);
      }
    }));
    t.ok(runnable.length > 250, `${runnable.length} of ${edgeCases.length} edge cases run in the page`);
    t.same(failures, [], 'Chromium and the model agree on every runnable edge case');
  });

  t.test(`generated cases: Chromium ${driver.version} and the model agree (seed ${SEED}, ${RUNS} runs)`, async (t) => {
    const report = await runDifferential(driver, harness, { runs: RUNS, seed: SEED, concurrency: CONCURRENCY });
    const rate = (report.runs / (report.durationMs / 1000)).toFixed(1);
    t.comment(`${report.runs} cases in ${(report.durationMs / 1000).toFixed(1)} s (${rate} cases/s), ${report.notModelled} not modelled`);
    if (report.shrunk !== null) t.comment(`shrunk difference:\n${explainFile(report.shrunk)}`);
    t.same(report.differences.map((d) => d.index), [], report.differences.length === 0
      ? 'no difference'
      : `${report.differences.length} cases differ; first, shrunk:\n${explainFile(report.shrunk ?? report.differences[0]!)}`);
    t.equal(report.runs, RUNS);
  });
}
