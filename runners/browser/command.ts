/**
 * `cors-conformance browser CASE.json|- [--engine chromium|firefox|webkit|all]`: one case in real
 * browsers, each printed next to what the model predicts with that engine's profile (or --profile), on
 * the observable projection. Exit 0 when every engine agrees with the model, 1 when one differs, 2 on
 * bad input, 3 when a browser is missing or the harness fails. Chromium is Debian's /usr/bin/chromium,
 * or the one CORS_CONFORMANCE_CHROMIUM names; Firefox is firefox-esr; WebKit is WebKitGTK's MiniBrowser
 * through WebKitWebDriver under xvfb-run.
 */
import { parseCase, runCase, type Case, type ProfileName } from '../../reference/browser/index.js';
import { readCaseFile } from '../cli/explain.js';
import { UsageError } from '../errors.js';
import { createDriver, engineMissing, engineTitles, missingError, parseEngines, type EngineName } from './engines.js';
import { Harness } from './harness.js';
import { caseRunJson, formatCaseRun } from './report.js';
import { runCaseInBrowser } from './run-case.js';

export interface BrowserCommandOptions {
  readonly format: string;
  /** The model's profile for every engine; by default each engine's own. */
  readonly profile?: ProfileName;
  /** `chromium` (the default), `firefox`, `webkit` or `all`. */
  readonly engine?: string;
}

export interface BrowserCommandResult {
  readonly output: string;
  readonly code: 0 | 1;
}

/** What fetch() in a page cannot reproduce over the harness's HTTP/1.1 is refused up front. */
function checkReproducible(c: Case): void {
  const entries = [...(c.history ?? []), c];
  if (entries.some((entry) => entry.request.useCorsPreflight === true)) {
    throw new UsageError('browser: useCorsPreflight (XHR upload listeners, stream bodies) cannot be reproduced with fetch() over HTTP/1.1; use explain');
  }
}

export async function browserCommand(path: string, options: BrowserCommandOptions): Promise<BrowserCommandResult> {
  if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`browser --format must be text or json, not "${options.format}"`);
  const engines: EngineName[] = parseEngines(options.engine ?? 'chromium');
  const c = parseCase(await readCaseFile(path));
  checkReproducible(c);
  // Input errors (a request the case does not answer, a forbidden method) are reported before any browser starts.
  for (const engine of engines) runCase(c, options.profile ?? engine);
  for (const engine of engines) {
    const missing = engineMissing(engine);
    if (missing !== null) throw missingError(engine, missing);
  }
  const harness = await Harness.start();
  const texts: string[] = [];
  const jsons: unknown[] = [];
  let same = true;
  try {
    for (const engine of engines) {
      const profile = options.profile ?? engine;
      const driver = createDriver(engine, { concurrency: 1, warmUp: async (run) => void await harness.warmUp(run) });
      try {
        await driver.start();
        const run = await runCaseInBrowser(c, driver, harness, profile);
        same &&= run.same;
        jsons.push(caseRunJson(c, run, { name: driver.name, version: driver.version }, profile));
        texts.push(`${engineTitles[engine]} ${driver.version} (observed) and the model (profile ${profile}): ${run.same ? 'the same' : 'DIFFERENT'}\n\n` +
          formatCaseRun(run, engine, profile, true));
      } finally {
        await driver.stop();
      }
    }
  } finally {
    await harness.close();
  }
  const output = options.format === 'json'
    ? JSON.stringify(jsons.length === 1 ? jsons[0] : jsons, null, 2) + '\n'
    : texts.join('\n');
  return { output, code: same ? 0 : 1 };
}
