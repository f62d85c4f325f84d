/**
 * Combining shard reports (`cors-conformance merge a.jsonl b.json …`) into one report, renderable in
 * any format. JSONL shards carry every check result; JSON shards (DESIGN §6) carry findings and
 * summaries, from which the failing check results are rebuilt.
 */
import { checkById, type CheckId } from '../suites/checks/registry.js';
import { UsageError } from './errors.js';
import type { CheckResult, Finding, Report, ReportSummary } from './report-types.js';

type Json = Record<string, unknown>;

/** The target a finding belongs to: the report target its exchange's URL starts with (longest wins). */
function targetOf(finding: Omit<Finding, 'target'>, targets: readonly string[]): string {
  const url = finding.exchange.request?.url ?? finding.exchange.preflight?.request.url ?? '';
  const matches = targets.filter((target) => url.startsWith(target) || url.startsWith(new URL(target).origin));
  return matches.sort((a, b) => b.length - a.length)[0] ?? targets[0] ?? url;
}

function failedChecks(findings: readonly Finding[]): CheckResult[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.id} ${finding.target}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const check = checkById(first.id as CheckId);
    return {
      id: first.id, title: check?.title ?? first.title, level: first.level, category: first.category, anchor: first.anchor,
      target: first.target, status: 'failed', findings: group, durationMs: 0,
    };
  });
}

function fromJson(report: Json, name: string): Report {
  if (typeof report['tool'] !== 'object' || !Array.isArray(report['findings']) || typeof report['summary'] !== 'object') {
    throw new UsageError(`${name} is not a cors-conformance JSON report`);
  }
  const targets = report['targets'] as string[];
  const findings = (report['findings'] as Omit<Finding, 'target'>[]).map((f) => ({ ...f, target: targetOf(f, targets) }));
  return {
    tool: report['tool'] as Report['tool'], fetchRevision: report['fetchRevision'] as string, profile: report['profile'] as string,
    seed: report['seed'] as number, targets, policy: report['policy'] ?? null, summary: report['summary'] as ReportSummary,
    findings, checks: failedChecks(findings), errors: [],
  };
}

function fromJsonl(lines: readonly Json[], name: string): Report {
  const start = lines.find((line) => line['type'] === 'start');
  const summary = lines.find((line) => line['type'] === 'summary');
  if (start === undefined || summary === undefined) throw new UsageError(`${name} is not a complete cors-conformance JSONL report (no start or summary line)`);
  const checks = lines.filter((line) => line['type'] === 'check').map((line) => line['result'] as CheckResult);
  return {
    tool: start['tool'] as Report['tool'], fetchRevision: start['fetchRevision'] as string, profile: start['profile'] as string,
    seed: start['seed'] as number, targets: start['targets'] as string[], policy: start['policy'] ?? null,
    summary: summary['summary'] as ReportSummary, findings: checks.flatMap((check) => check.findings), checks,
    errors: lines.filter((line) => line['type'] === 'error').map((line) => ({ target: line['target'] as string, message: line['message'] as string })),
  };
}

/** Reads one shard's report, JSON or JSONL. */
export function parseReport(text: string, name: string): Report {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{') && !trimmed.includes('\n{')) return fromJson(JSON.parse(trimmed) as Json, name);
    return fromJsonl(trimmed.split('\n').map((line) => JSON.parse(line) as Json), name);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${name} is not a cors-conformance report: ${(error as Error).message}`);
  }
}

function sumSummaries(summaries: readonly ReportSummary[]): ReportSummary {
  const sum = (pick: (s: ReportSummary) => number) => summaries.reduce((total, s) => total + pick(s), 0);
  return {
    checks: sum((s) => s.checks), passed: sum((s) => s.passed), failed: sum((s) => s.failed), skipped: sum((s) => s.skipped),
    requests: sum((s) => s.requests), durationMs: Math.max(0, ...summaries.map((s) => s.durationMs)),
    findings: {
      must: sum((s) => s.findings.must), should: sum((s) => s.findings.should), info: sum((s) => s.findings.info),
      security: sum((s) => s.findings.security),
    },
  };
}

export function mergeReports(reports: readonly Report[]): Report {
  const [first] = reports;
  if (first === undefined) throw new UsageError('merge needs at least one report');
  for (const report of reports) {
    if (report.fetchRevision !== first.fetchRevision || report.profile !== first.profile) {
      throw new UsageError('the reports were made with different profiles or Fetch revisions and cannot be merged');
    }
  }
  return {
    tool: first.tool, fetchRevision: first.fetchRevision, profile: first.profile, seed: first.seed,
    targets: [...new Set(reports.flatMap((report) => report.targets))],
    policy: reports.find((report) => report.policy !== null)?.policy ?? null,
    summary: sumSummaries(reports.map((report) => report.summary)),
    findings: reports.flatMap((report) => report.findings), checks: reports.flatMap((report) => report.checks),
    errors: reports.flatMap((report) => report.errors),
  };
}
