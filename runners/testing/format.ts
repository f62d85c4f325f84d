/**
 * A failed check as test-runner text: requirement, expected, actual, anchor, the browser's outcome, the
 * curl command and seed/path to reproduce, and the fix. Pure; shared by the tap and node:test helpers.
 */
import { anchorLink, displayValue, plural } from '../reporters/common.js';
import type { CheckResult, Finding, Report } from '../report-types.js';

/** The fields a test runner shows as a failure's diagnostic (tap prints them as YAML). */
export interface FindingDiagnostic {
  readonly id: string;
  readonly level: Finding['level'];
  readonly category: Finding['category'];
  readonly target: string;
  readonly expected: string;
  readonly actual: string;
  readonly anchor: string;
  readonly url: string;
  readonly browser: string;
  readonly curl: string;
  readonly seed?: number;
  readonly path?: string;
  readonly fix: string;
  /** How many exchanges showed the same finding (the first is described). */
  readonly exchanges: number;
}

export function findingDiagnostic(finding: Finding, exchanges = 1): FindingDiagnostic {
  return {
    id: finding.id, level: finding.level, category: finding.category, target: finding.target,
    expected: finding.expected, actual: finding.actual, anchor: finding.anchor,
    url: anchorLink(finding.anchor, finding.url) ?? finding.url,
    browser: finding.browser.outcome + (finding.browser.failedAt === null ? '' : ` at ${finding.browser.failedAt}`),
    curl: finding.reproduce.curl,
    ...(finding.reproduce.seed !== undefined && { seed: finding.reproduce.seed }),
    ...(finding.reproduce.path !== undefined && { path: finding.reproduce.path }),
    fix: finding.fix, exchanges,
  };
}

const label = (name: string): string => `  ${(name + ':').padEnd(11)}`;

/** A failed check in a few lines: its first finding in full, and how many exchanges showed it. */
export function formatCheckFailure(check: CheckResult): string {
  const first = check.findings[0];
  const head = `✗ ${check.id} [${check.level}${check.category === 'security' ? ' · security' : ''}] ${displayValue(check.title)}`;
  if (first === undefined) return `${head}\n${label('target')}${displayValue(check.target)}`;
  const d = findingDiagnostic(first, check.findings.length);
  const replay = [d.seed === undefined ? '' : `--seed ${d.seed}`, d.path === undefined ? '' : `--path ${displayValue(d.path)}`]
    .filter((part) => part !== '').join(' ');
  return [
    head,
    label('target') + displayValue(d.target),
    label('expected') + displayValue(d.expected),
    label('actual') + displayValue(d.actual),
    label('anchor') + `${displayValue(d.anchor)} ${displayValue(d.url)}`,
    label('browser') + (first.browser.outcome === 'ok' ? 'the response reaches script' : `network error${first.browser.failedAt === null ? '' : ` at ${displayValue(first.browser.failedAt)}`}`),
    label('reproduce') + displayValue(d.curl, 2000),
    ...(replay === '' ? [] : [label('replay') + replay]),
    label('fix') + displayValue(d.fix),
    ...(d.exchanges > 1 ? [label('seen in') + plural(d.exchanges, 'exchange') + ' (the first is shown)'] : []),
  ].join('\n');
}

/** Every failed check and target error of `report`, with a one-line header; '' when nothing failed. */
export function formatFailures(report: Report): string {
  const failed = report.checks.filter((check) => check.status === 'failed');
  const parts = [
    ...failed.map(formatCheckFailure),
    ...report.errors.map((error) => `✗ target error [${displayValue(error.target)}]: ${displayValue(error.message)}`),
  ];
  if (parts.length === 0) return '';
  const counted = [failed.length > 0 ? plural(failed.length, 'failed check') : '', report.errors.length > 0 ? plural(report.errors.length, 'target error') : '']
    .filter((part) => part !== '').join(' and ');
  const header = `cors-conformance: ${counted} (${report.targets.map((t) => displayValue(t)).join(', ')}; profile ${report.profile}, seed ${report.seed})`;
  return [header, ...parts].join('\n\n');
}
