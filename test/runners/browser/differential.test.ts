// The reference model against real browsers, each engine against its own profile, on generated cases
// and on every edge case a page can run: any difference in what a browser can observe fails, with the
// shrunk case printed as an `explain` case file. All three engines run by default (--engine or
// BROWSER_ENGINES picks some); one that is not installed is skipped (failed in CI, where
// CORS_CONFORMANCE_REQUIRE_BROWSER names the engines that must run: 1 means chromium). Generated cases
// per engine: 2,000 in Chromium, 500 in Firefox and WebKit (slower drivers); --runs or BROWSER_RUNS sets
// all, BROWSER_RUNS_CHROMIUM / _FIREFOX / _WEBKIT one.
//   node dist/test/runners/browser/differential.test.js --engine chromium|firefox|webkit|all --runs 10000 [--seed N]
//   (or BROWSER_ENGINES=firefox,webkit BROWSER_RUNS=… BROWSER_SEED=…)
import t from 'tap';
import { runDifferential, type Difference } from '../../../runners/browser/differential.js';
import {
  createDriver, engineConcurrency, engineInstall, engineMissing, engineNames, engineTitles, parseEngines, type EngineName,
} from '../../../runners/browser/engines.js';
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

const defaultRuns: Readonly<Record<EngineName, number>> = { chromium: 2000, firefox: 500, webkit: 500 };
const runsFor = (engine: EngineName): number =>
  Number(flag('runs') ?? process.env[`BROWSER_RUNS_${engine.toUpperCase()}`] ?? process.env['BROWSER_RUNS'] ?? defaultRuns[engine]);
const SEED = Number(flag('seed') ?? process.env['BROWSER_SEED'] ?? 20261103);
const ENGINES = [...new Set((flag('engine') ?? process.env['BROWSER_ENGINES'] ?? 'all').split(',').flatMap((name) => parseEngines(name.trim())))];
const required = (process.env['CORS_CONFORMANCE_REQUIRE_BROWSER'] ?? '').split(',').map((name) => (name.trim() === '1' ? 'chromium' : name.trim()));

function explainFile(difference: Difference, engine: EngineName): string {
  const lines = [`run ${difference.index} (replay: seed ${SEED}, path "${difference.index}")`];
  lines.push(`explain case (cors-conformance explain - --profile ${engine}; cors-conformance browser - --engine ${engine}):`);
  lines.push(JSON.stringify(difference.case, null, 2));
  if (difference.error !== undefined) lines.push(`error: ${difference.error}`);
  if (difference.run !== null) lines.push(formatCaseRun(difference.run, engine, engine));
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

for (const engine of engineNames.filter((name) => !ENGINES.includes(name))) {
  t.comment(`${engineTitles[engine]} not selected: run it with --engine ${engine} (or BROWSER_ENGINES=${engine})`);
}

// The whole file: per engine, browser start, the edge suite, and its generated cases at 10-30 cases/s.
t.setTimeout(ENGINES.reduce((total, engine) => total + Math.max(300, runsFor(engine) / 5), 0) * 1000);

for (const engine of ENGINES) {
  const title = engineTitles[engine];
  const missing = engineMissing(engine);
  if (missing !== null) {
    const message = `${engine} browser tests skipped: ${title} is not installed at ${missing} (install it with: ${engineInstall[engine]})`;
    t.comment(message);
    // CI sets this: there the browser check must run, not be skipped.
    if (required.includes(engine)) t.fail(message.replace('skipped', 'required'));
    else t.skip(message, () => undefined);
    continue;
  }
  const RUNS = runsFor(engine);
  t.test(`${title} against the ${engine} profile`, async (t) => {
    const concurrency = engineConcurrency[engine];
    const harness = await Harness.start();
    const driver = createDriver(engine, { concurrency, warmUp: async (run) => void await harness.warmUp(run) });
    await driver.start();
    t.teardown(async () => {
      await driver.stop();
      await harness.close();
    });

    t.test(`every edge case a page can run shows in ${title} what the ${engine} profile predicts`, async (t) => {
      const runnable = edgeCases.filter((edge) => runnableInPage(edge.case));
      const failures: string[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < runnable.length) {
          const edge = runnable[next++]!;
          const run = await runCaseInBrowser(edge.case, driver, harness, engine);
          if (!run.same) failures.push(`${edge.id}\n${JSON.stringify({ ...edge.case, profile: engine }, null, 2)}\n${formatCaseRun(run, engine, engine)}`);
        }
      }));
      t.ok(runnable.length > 250, `${runnable.length} of ${edgeCases.length} edge cases run in the page`);
      t.same(failures, [], `${title} and the model agree on every runnable edge case`);
    });

    t.test(`generated cases: ${title} ${driver.version} and the model agree (seed ${SEED}, ${RUNS} runs)`, async (t) => {
      const report = await runDifferential(driver, harness, { runs: RUNS, seed: SEED, concurrency, profile: engine });
      const rate = (report.runs / (report.durationMs / 1000)).toFixed(1);
      t.comment(`${report.runs} cases in ${(report.durationMs / 1000).toFixed(1)} s (${rate} cases/s), ${report.notModelled} not modelled`);
      if (report.shrunk !== null) t.comment(`shrunk difference:\n${explainFile(report.shrunk, engine)}`);
      t.same(report.differences.map((d) => d.index), [], report.differences.length === 0
        ? 'no difference'
        : `${report.differences.length} cases differ; first, shrunk:\n${explainFile(report.shrunk ?? report.differences[0]!, engine)}`);
      t.equal(report.runs, RUNS);
    });
  });
}
