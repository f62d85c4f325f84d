/** The results of a run, as reporters see them. DESIGN.md §6 is the contract for the JSON form. */
import type { BeyondSpecRef, StepRef } from '../spec/anchors.js';

export type FindingLevel = 'must' | 'should' | 'info';
export type FindingCategory = 'conformance' | 'security' | 'cache' | 'robustness';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** One request as sent on the wire (names lowercase; secrets redacted). */
export interface ExchangeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** One response as received: header lines kept as name/value pairs in wire order. */
export interface ExchangeResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
}

export interface Exchange {
  readonly preflight: { readonly request: ExchangeRequest; readonly response: ExchangeResponse } | null;
  readonly request: ExchangeRequest | null;
  readonly response: ExchangeResponse | null;
}

export interface Finding {
  /** The check id, a stable slug such as `security/origin-reflection`. */
  readonly id: string;
  readonly level: FindingLevel;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly anchor: StepRef | BeyondSpecRef;
  /** Link to the anchor (the spec, or the source of a beyond-spec rule). */
  readonly url: string;
  readonly title: string;
  readonly expected: string;
  readonly actual: string;
  readonly exchange: Exchange;
  /** What the browser does with this exchange (per the run's profile). */
  readonly browser: { readonly outcome: 'ok' | 'network-error'; readonly failedAt: string | null };
  readonly reproduce: { readonly curl: string; readonly seed?: number; readonly path?: string };
  readonly fix: string;
  /** The target URL the finding is about. */
  readonly target: string;
}

/** A check and its result in this run: pass, fail (with findings) or skipped (with a reason). */
export interface CheckResult {
  readonly id: string;
  readonly title: string;
  readonly level: FindingLevel;
  readonly category: FindingCategory;
  readonly anchor: StepRef | BeyondSpecRef;
  readonly target: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly findings: readonly Finding[];
  readonly skipReason?: string;
  readonly durationMs: number;
}

export interface ReportSummary {
  readonly checks: number;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly requests: number;
  readonly durationMs: number;
  readonly findings: { readonly must: number; readonly should: number; readonly info: number; readonly security: number };
}

export interface Report {
  readonly tool: { readonly name: 'cors-conformance'; readonly version: string };
  readonly fetchRevision: string;
  readonly profile: string;
  readonly seed: number;
  readonly targets: readonly string[];
  readonly policy: unknown;
  /** What the run inferred as the intent when no policy was given (text reporter shows it). */
  readonly inferred?: readonly string[];
  readonly summary: ReportSummary;
  readonly findings: readonly Finding[];
  /** Every check's result (the json format keeps only `findings`, per DESIGN §6). */
  readonly checks: readonly CheckResult[];
  /** Targets that could not be judged, with why (exit 3 when nothing could be judged). */
  readonly errors: readonly { readonly target: string; readonly message: string }[];
}
