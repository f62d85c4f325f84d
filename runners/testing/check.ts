/** What the test helpers judge: an application in this process, or a server already listening at a URL. */
import { runInProcess, runOptions, type InProcessOptions } from '../inprocess/run.js';
import type { InProcessApp } from '../inprocess/serve.js';
import type { Report } from '../report-types.js';
import { parseTarget, runSuite } from '../run/run.js';

/** An application (see `runInProcess`), or the absolute URL of a running server (`target` is ignored). */
export type CorsTarget = InProcessApp | string | URL;

export async function checkCors(target: CorsTarget, options: InProcessOptions): Promise<Report> {
  if (typeof target === 'string' || target instanceof URL) return runSuite(runOptions([parseTarget(String(target))], options));
  return runInProcess(target, options);
}
