/**
 * What the reporters share: grouping findings by cause, their order, and making hostile strings safe
 * to show. Everything here is pure.
 */
import { LOCATION, ORIGIN, VARY } from '../../spec/headers.js';
import { anchorUrl, type StepRef } from '../../spec/anchors.js';
import type { CheckResult, Finding, FindingLevel, Report, Severity } from '../report-types.js';

/** Values longer than this are cut with an ellipsis in the human formats (text, markdown). */
export const MAX_VALUE_LENGTH = 200;

export const levelOrder: readonly FindingLevel[] = ['must', 'should', 'info'];
const severityOrder: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Findings with the same check id on the same target: one cause, seen in `findings.length` exchanges. */
export interface FindingGroup {
  readonly id: string;
  readonly target: string;
  readonly level: FindingLevel;
  readonly category: Finding['category'];
  /** The highest severity among the group's findings. */
  readonly severity: Severity;
  /** In report order; the first one is the group's representative. */
  readonly findings: readonly [Finding, ...Finding[]];
  /** The check result this group belongs to, when the report has it. */
  readonly check: CheckResult | undefined;
}

function targetRank(report: Report, target: string): number {
  const index = report.targets.indexOf(target);
  return index === -1 ? report.targets.length : index;
}

/**
 * Groups `report.findings` by cause, ordered must → should → info, security first within a level, then by
 * severity, check id and the target's position in `report.targets`, so the order does not depend on the
 * order results arrived in.
 */
export function groupFindings(report: Report): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const key = JSON.stringify([finding.id, finding.target]);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [finding]);
    else list.push(finding);
  }
  const result: FindingGroup[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const severity = list.reduce<Severity>((max, f) => (severityRank(f.severity) < severityRank(max) ? f.severity : max), first.severity);
    const check = report.checks.find((c) => c.id === first.id && c.target === first.target);
    result.push({ id: first.id, target: first.target, level: first.level, category: first.category, severity,
      findings: list as [Finding, ...Finding[]], check });
  }
  return result.sort((a, b) =>
    levelRank(a.level) - levelRank(b.level) ||
    Number(b.category === 'security') - Number(a.category === 'security') ||
    severityRank(a.severity) - severityRank(b.severity) ||
    compareStrings(a.id, b.id) ||
    targetRank(report, a.target) - targetRank(report, b.target) ||
    compareStrings(a.target, b.target));
}

function levelRank(level: FindingLevel): number {
  const rank = levelOrder.indexOf(level);
  return rank === -1 ? levelOrder.length : rank;
}

function severityRank(severity: Severity): number {
  const rank = severityOrder.indexOf(severity);
  return rank === -1 ? severityOrder.length : rank;
}

/** Code-unit order, not locale order: the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The link for a check's anchor: a Fetch anchor URL, or the finding's own link for beyond-spec rules. */
export function anchorLink(anchor: string, fallback?: string): string | undefined {
  if (/^(practice|security|browser):/.test(anchor)) return fallback;
  return anchorUrl(anchor as StepRef);
}

/** Counts of checks by status per target, in the order of `report.targets` then of first appearance. */
export function checksByTarget(report: Report): Map<string, CheckResult[]> {
  const byTarget = new Map<string, CheckResult[]>();
  for (const target of report.targets) byTarget.set(target, []);
  for (const check of report.checks) {
    const list = byTarget.get(check.target);
    if (list === undefined) byTarget.set(check.target, [check]);
    else list.push(check);
  }
  return byTarget;
}

// Characters that would let a hostile server rewrite a terminal or a page: C0/C1 controls (ESC starts
// ANSI sequences), DEL, line and paragraph separators, bidirectional overrides ("trojan source"), and
// unpaired surrogates.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Shows unsafe characters as `\xNN` / `\uNNNN` escapes, so what a server sent stays visible but inert. */
export function escapeUnsafe(value: string): string {
  return value.replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
  });
}

/** Cuts a value longer than `max` code units to `max` (never inside a surrogate pair) plus `…`. */
export function truncate(value: string, max: number = MAX_VALUE_LENGTH): string {
  if (value.length <= max) return value;
  let end = Math.max(0, max);
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end) + '…';
}

/** A value as the human formats show it: cut when long, unsafe characters escaped. */
export function displayValue(value: unknown, max: number = MAX_VALUE_LENGTH): string {
  return escapeUnsafe(truncate(String(value), max));
}

// Request headers a browser adds to everything; they say nothing about CORS.
const requestNoise: ReadonlySet<string> = new Set(['host', 'user-agent', 'accept-encoding', 'connection', 'content-length', 'accept']);
const responseRelevant: ReadonlySet<string> = new Set([VARY, LOCATION, 'cache-control', 'cross-origin-resource-policy']);
// ACAO, ACAC, ACAM, ACAH, ACMA, ACEH on responses; ACRM, ACRH on preflights.
const accessControlPrefix = 'access-control-';

/** The request headers worth showing: `origin` and the `access-control-request-*` first, noise dropped. */
export function corsRequestHeaders(headers: Readonly<Record<string, string>>): { shown: [string, string][]; hidden: number } {
  const entries = Object.entries(headers ?? {});
  const shown = entries.filter(([name]) => !requestNoise.has(name.toLowerCase()));
  const rank = (name: string): number => (name === ORIGIN ? 0 : name.startsWith(accessControlPrefix) ? 1 : 2);
  shown.sort((a, b) => rank(a[0].toLowerCase()) - rank(b[0].toLowerCase()));
  return { shown, hidden: entries.length - shown.length };
}

/** The response header lines worth showing, in wire order: `access-control-*`, Vary, Location, caching. */
export function corsResponseHeaders(headers: readonly (readonly [string, string])[]): { shown: (readonly [string, string])[]; hidden: number } {
  const lines = headers ?? [];
  const shown = lines.filter(([name]) => {
    const lower = String(name).toLowerCase();
    return lower.startsWith(accessControlPrefix) || responseRelevant.has(lower);
  });
  return { shown, hidden: lines.length - shown.length };
}

/** "1 exchange", "3 exchanges". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The summary line every human format ends with (DESIGN §7: a text run ends with a summary). */
export function summaryLine(report: Report): string {
  const s = report.summary;
  const f = s.findings;
  return `${s.checks} checks: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped · ` +
    `${s.requests} requests in ${Math.round(s.durationMs)} ms · ` +
    `findings: must ${f.must}, should ${f.should}, info ${f.info} (security ${f.security})`;
}

/** The short form of the pinned fetch.bs commit. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}

/** Options every reporter accepts; each reads only what applies to its format. */
export interface ReporterOptions {
  /** ANSI colour in the text format; never applied when false or absent. */
  readonly color?: boolean;
  /** Text and markdown cut values longer than this (default 200); the machine formats keep them exact. */
  readonly maxValueLength?: number;
}
