/**
 * The suite as tap subtests: `await corsConformance(t, app, { policy })` adds one subtest per check,
 * passing, skipped (with the reason) or failing with the requirement as the message and the first
 * finding's expected, actual, anchor, browser outcome, curl, seed/path and fix as the YAML diagnostic.
 */
import type { InProcessOptions } from '../inprocess/run.js';
import type { Report } from '../report-types.js';
import { fails } from '../run/run.js';
import { checkCors, type CorsTarget } from './check.js';
import { findingDiagnostic } from './format.js';

/** The part of a tap `Test` used here (tap 18 to 21 fit it; so does any TAP harness with this shape). */
export interface TapLike {
  test(name: string, extra: { readonly skip?: string | boolean; readonly at?: null }, fn: (t: TapLike) => unknown): PromiseLike<unknown>;
  pass(message: string): unknown;
  fail(message: string, extra: Readonly<Record<string, unknown>>): unknown;
}

/** Runs the suite on `target` and reports it on `t`; resolves with the report once the subtests ran. */
export async function corsConformance(t: TapLike, target: CorsTarget, options: InProcessOptions = {}): Promise<Report> {
  const report = await checkCors(target, options);
  const level = options.level ?? 'must';
  const many = report.targets.length > 1;
  for (const check of report.checks) {
    const name = many ? `${check.id} [${check.target}]` : check.id;
    if (check.status === 'skipped') {
      await t.test(name, { skip: check.skipReason ?? true, at: null }, async () => {});
      continue;
    }
    // Async callbacks, as tap ends a subtest when its promise settles; `at: null`, or tap would point
    // at this file: the diagnostic says where the problem is.
    await t.test(name, { at: null }, async (sub) => {
      if (check.status === 'passed') {
        const below = check.findings.filter((finding) => !fails(finding.level, level)).length;
        sub.pass(check.title + (below > 0 ? ` (${below} ${check.level}-level finding${below === 1 ? '' : 's'}, below ${level})` : ''));
        return;
      }
      const first = check.findings[0];
      const diagnostic = first === undefined ? { target: check.target } : findingDiagnostic(first, check.findings.length);
      sub.fail(check.title, { ...diagnostic, at: null });
    });
  }
  for (const error of report.errors) {
    await t.test(`target error [${error.target}]`, { at: null }, async (sub) => sub.fail(error.message, { target: error.target, at: null }));
  }
  if (report.summary.passed + report.summary.failed === 0 && report.errors.length === 0) {
    await t.test('cors-conformance', { at: null }, async (sub) => sub.fail('no check could be judged: every selected check was skipped', { at: null }));
  }
  return report;
}
