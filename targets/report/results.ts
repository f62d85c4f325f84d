/**
 * One row of REPORT.md as kept in `results/<id>.json`: the target as defined, how it was run, and the full
 * report of its run (every check result, not only the DESIGN §6 findings), or why it was not run. REPORT.md
 * is rebuilt from these files alone (`npm run report -- --from-results`).
 */
import type { PolicyConfig } from '../../reference/server/index.js';
import type { Report } from '../../runners/report-types.js';

export const RESULT_SCHEMA = 1;

export interface ResultTarget {
  readonly id: string;
  readonly implementation: string;
  readonly configuration: string;
  readonly source: 'npm' | 'debian';
  /** As installed when it ran; null when it was not run. */
  readonly version: string | null;
  readonly policy: PolicyConfig;
  readonly aptPackages: readonly string[];
  readonly notes: readonly string[];
  /** The configuration as its author writes it, when the definition shows one. */
  readonly config: { readonly language: string; readonly text: string } | null;
}

export interface ResultRun {
  /** ISO 8601, when the run started. */
  readonly date: string;
  readonly seed: number;
  readonly runs: number;
  readonly profile: string;
  /** The URL the suite was fired at (an ephemeral loopback port), null when not started. */
  readonly url: string | null;
  /** Start, suite and stop. */
  readonly durationMs: number;
}

export interface TargetResult {
  readonly schema: typeof RESULT_SCHEMA;
  readonly target: ResultTarget;
  readonly run: ResultRun;
  /** The whole report of the run, or null when the target did not run. */
  readonly report: Report | null;
  /** Why it did not run (packages missing, the server would not start), or null. */
  readonly notRun: string | null;
}

/** `flask-cors/strict-list` -> `flask-cors__strict-list.json`. */
export function resultFileName(id: string): string {
  return `${id.replace(/\//g, '__').replace(/[^A-Za-z0-9_.-]/g, '-')}.json`;
}

/** Reads a parsed result file, or says what is wrong with it. */
export function parseResult(value: unknown, file: string): TargetResult {
  const problem = (what: string) => new Error(`${file}: ${what}`);
  if (typeof value !== 'object' || value === null) throw problem('not a JSON object');
  const result = value as Partial<TargetResult>;
  if (result.schema !== RESULT_SCHEMA) throw problem(`schema ${String(result.schema)}, expected ${RESULT_SCHEMA}`);
  if (typeof result.target?.id !== 'string' || typeof result.run?.date !== 'string') throw problem('missing target.id or run.date');
  if ((result.report === null) === (result.notRun === null) || result.report === undefined || result.notRun === undefined) {
    throw problem('exactly one of report and notRun must be set');
  }
  return result as TargetResult;
}

/** Pretty JSON with a trailing newline, so committed files diff line by line. */
export function serializeResult(result: TargetResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
