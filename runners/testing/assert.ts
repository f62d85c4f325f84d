/**
 * The suite as one assertion, for node:test or any runner that fails on a thrown error:
 * `await assertCorsConformance(app, { policy })` throws one `AssertionError` listing every failed check.
 */
import { AssertionError } from 'node:assert';
import type { InProcessOptions } from '../inprocess/run.js';
import type { Report } from '../report-types.js';
import { exitCode } from '../run/run.js';
import { checkCors, type CorsTarget } from './check.js';
import { formatFailures } from './format.js';

/** Resolves with the report when it has no failing finding; otherwise throws one `AssertionError`. */
export async function assertCorsConformance(target: CorsTarget, options: InProcessOptions = {}): Promise<Report> {
  const report = await checkCors(target, options);
  if (exitCode(report, options.level ?? 'must') === 0) return report;
  const failed = report.checks.filter((check) => check.status === 'failed');
  const message = formatFailures(report) || `cors-conformance: no check could be judged on ${report.targets.join(', ')} (every selected check was skipped)`;
  throw new AssertionError({
    message,
    actual: failed.map((check) => check.id),
    expected: [],
    operator: 'assertCorsConformance',
  });
}
