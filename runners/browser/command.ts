/**
 * `cors-conformance browser CASE.json|- [--engine chromium|firefox|webkit|all]`: one case in real
 * browsers, each printed next to what the model predicts with that engine's profile (or --profile), on
 * the observable projection. Exit 0 when every engine agrees with the model, 1 when one differs, 2 on
 * bad input, 3 when a browser is missing or the harness fails (an engine that fails once others have
 * run is reported beside their results, which are kept). Chromium is Debian's /usr/bin/chromium,
 * or the one CORS_CONFORMANCE_CHROMIUM names; Firefox is firefox-esr; WebKit is WebKitGTK's MiniBrowser
 * through WebKitWebDriver under xvfb-run.
 */
import { parseCase, runCase, type Case, type ProfileName } from '../../reference/browser/index.js';
import { readCaseFile } from '../cli/explain.js';
import { TargetError, UsageError } from '../errors.js';
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
  readonly code: 0 | 1 | 3;
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
  const failed: unknown[] = [];
  try {
    for (const engine of engines) {
      const profile = options.profile ?? engine;
      const driver = createDriver(engine, { concurrency: 1, warmUp: async (run) => void await harness.warmUp(run) });
      try {
        await driver.start().catch((error: unknown) => {
          if (error instanceof TargetError) throw error;
          // A launch error carries the browser's whole command line and log: its first line says what failed.
          const message = error instanceof Error ? error.message : String(error);
          throw new TargetError(`${engineTitles[engine]} did not start: ${message.split('\n')[0]}`);
        });
        const run = await runCaseInBrowser(c, driver, harness, profile);
        same &&= run.same;
        jsons.push(caseRunJson(c, run, { name: driver.name, version: driver.version }, profile));
        texts.push(`${engineTitles[engine]} ${driver.version} (observed) and the model (profile ${profile}): ${run.same ? 'the same' : 'DIFFERENT'}\n\n` +
          formatCaseRun(run, engine, profile, true));
      } catch (error) {
        // One engine failing (it would not start, it stopped answering) does not cost the others' results.
        failed.push(error);
        const message = error instanceof Error ? error.message : String(error);
        jsons.push({ browser: { name: engine }, error: message });
        texts.push(`${message.startsWith(engineTitles[engine]) ? '' : `${engineTitles[engine]}: `}${message} (not run)\n`);
      } finally {
        await driver.stop().catch(() => undefined);
      }
    }
  } finally {
    await harness.close();
  }
  if (failed.length === engines.length) throw failed[0];
  const output = options.format === 'json'
    ? JSON.stringify(jsons.length === 1 ? jsons[0] : jsons, null, 2) + '\n'
    : texts.join('\n');
  return { output, code: failed.length > 0 ? 3 : same ? 0 : 1 };
}
