/**
 * `cors-conformance browser CASE.json|-`: one case in real Chromium, printed next to what the model
 * (profile chromium) predicts, on the observable projection. Exit 0 when they agree, 1 when they
 * differ, 2 on bad input, 3 when Chromium is missing or the harness fails. The browser is Debian's
 * /usr/bin/chromium, or the one CORS_CONFORMANCE_CHROMIUM names.
 */
import { existsSync } from 'node:fs';
import { parseCase, runCase, type Case, type ProfileName } from '../../reference/browser/index.js';
import { readCaseFile } from '../cli/explain.js';
import { UsageError } from '../errors.js';
import { BrowserMissingError, CHROMIUM_PATH, ChromiumDriver } from './chromium.js';
import { Harness } from './harness.js';
import { caseRunJson, formatCaseRun } from './report.js';
import { runCaseInBrowser } from './run-case.js';

export interface BrowserCommandOptions {
  readonly format: string;
  readonly profile?: ProfileName;
  readonly executablePath?: string;
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
  const profile = options.profile ?? 'chromium';
  const c = parseCase(await readCaseFile(path));
  checkReproducible(c);
  // Input errors (a request the case does not answer, a forbidden method) are reported before any browser starts.
  runCase(c, profile);
  const executablePath = options.executablePath ?? process.env['CORS_CONFORMANCE_CHROMIUM'] ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new BrowserMissingError(executablePath);
  const harness = await Harness.start();
  const driver = new ChromiumDriver({ executablePath, concurrency: 1 });
  try {
    await driver.start();
    const run = await runCaseInBrowser(c, driver, harness, profile);
    const browser = { name: driver.name, version: driver.version };
    const output = options.format === 'json'
      ? JSON.stringify(caseRunJson(c, run, browser, profile), null, 2) + '\n'
      : `Chromium ${driver.version} (observed) and the model (profile ${profile}): ${run.same ? 'the same' : 'DIFFERENT'}\n\n` +
        formatCaseRun(run, 'chromium', profile, true);
    return { output, code: run.same ? 0 : 1 };
  } finally {
    await driver.stop();
    await harness.close();
  }
}
