/**
 * `--format jsonl`: one JSON object per line, written as results arrive so an interrupted run keeps them
 * (DESIGN §8). `renderJsonl` writes the same lines for a finished report. Keys are written in a fixed order
 * whatever order the producer built its objects in, so streaming and rendering give identical bytes.
 */
import type { CheckResult, Report, ReportSummary } from '../report-types.js';
import type { ReporterOptions } from './common.js';
import { findingJson } from './json.js';

export interface JsonlStartEvent {
  readonly type: 'start';
  readonly tool: Report['tool'];
  readonly fetchRevision: string;
  readonly profile: string;
  readonly seed: number;
  readonly targets: readonly string[];
  readonly policy: unknown;
  readonly inferred?: readonly string[];
}
export interface JsonlCheckEvent { readonly type: 'check'; readonly result: CheckResult }
export interface JsonlErrorEvent { readonly type: 'error'; readonly target: string; readonly message: string }
export interface JsonlSummaryEvent { readonly type: 'summary'; readonly summary: ReportSummary }
export type JsonlEvent = JsonlStartEvent | JsonlCheckEvent | JsonlErrorEvent | JsonlSummaryEvent;

/** One event as one line: JSON (which escapes every control character, so never a raw newline) + "\n". */
export function formatJsonlEvent(event: JsonlEvent): string {
  return JSON.stringify(eventJson(event)) + '\n';
}

function eventJson(event: JsonlEvent): object {
  switch (event.type) {
    case 'start':
      return {
        type: 'start', tool: { name: event.tool.name, version: event.tool.version }, fetchRevision: event.fetchRevision,
        profile: event.profile, seed: event.seed, targets: event.targets, policy: event.policy ?? null, inferred: event.inferred,
      };
    case 'check':
      return { type: 'check', result: checkJson(event.result) };
    case 'error':
      return { type: 'error', target: event.target, message: event.message };
    case 'summary': {
      const s = event.summary;
      return {
        type: 'summary',
        summary: {
          checks: s.checks, passed: s.passed, failed: s.failed, skipped: s.skipped, requests: s.requests, durationMs: s.durationMs,
          findings: { must: s.findings.must, should: s.findings.should, info: s.findings.info, security: s.findings.security },
        },
      };
    }
  }
}

/** A check result with its findings; unlike `--format json`, each finding keeps its `target`. */
function checkJson(c: CheckResult): object {
  return {
    id: c.id, title: c.title, level: c.level, category: c.category, anchor: c.anchor, target: c.target, status: c.status,
    skipReason: c.skipReason, durationMs: c.durationMs,
    findings: c.findings.map((f) => ({ ...findingJson(f), target: f.target })),
  };
}

/** The `start` event of a run, from the report's header fields. */
export function jsonlStartEvent(report: Report): JsonlStartEvent {
  return {
    type: 'start', tool: report.tool, fetchRevision: report.fetchRevision, profile: report.profile, seed: report.seed,
    targets: report.targets, policy: report.policy, ...(report.inferred === undefined ? {} : { inferred: report.inferred }),
  };
}

/** The whole stream for a finished report: start, every check in order, target errors, summary. */
export function renderJsonl(report: Report, _options: ReporterOptions = {}): string {
  const events: JsonlEvent[] = [
    jsonlStartEvent(report),
    ...report.checks.map((result): JsonlCheckEvent => ({ type: 'check', result })),
    ...report.errors.map((e): JsonlErrorEvent => ({ type: 'error', target: e.target, message: e.message })),
    { type: 'summary', summary: report.summary },
  ];
  return events.map(formatJsonlEvent).join('');
}
