/**
 * A whole run: every target, every selected check, results streamed as events and returned as one
 * report. Nothing here prints; the CLI does.
 */
import { FETCH_REVISION } from '../../spec/anchors.js';
import type { ProfileName } from '../../reference/browser/index.js';
import type { CompiledPolicy } from '../../reference/server/index.js';
import { selectChecks } from '../../suites/checks/registry.js';
import { TargetError, UsageError } from '../errors.js';
import type { CheckResult, Finding, FindingLevel, Report, ReportSummary } from '../report-types.js';
import { Transport } from '../target/transport.js';
import { version } from '../version.js';
import type { TargetContext } from './context.js';
import { discoverIntent } from './discovery.js';
import { Redactor } from './findings.js';
import { CheckLedger } from './ledger.js';

/**
 * The phases (the model, fast-check, the probes) load after a target's discovery: start-up to the
 * first request is a goal of its own (DESIGN §8), and nothing before that request needs them.
 */
let phasesModule: Promise<typeof import('./phases/index.js')> | undefined;
const loadPhases = () => (phasesModule ??= import('./phases/index.js'));

export interface RunOptions {
  readonly targets: readonly string[];
  readonly policy: CompiledPolicy | null;
  /** A policy per target (from `--targets FILE`), over `policy`. */
  readonly targetPolicies?: ReadonlyMap<string, CompiledPolicy>;
  /** This job's share of (target, check) pairs: pair k belongs to shard k mod count. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly origins: readonly string[];
  readonly suites: readonly string[];
  readonly level: FindingLevel;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly concurrency: number;
  readonly rate: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly profile: ProfileName;
  /** Sent on credentialed requests and redacted everywhere. */
  readonly credentialHeaders: Readonly<Record<string, string>>;
  readonly insecure: boolean;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: RunEvent) => void;
}

export type RunEvent =
  | { readonly type: 'start'; readonly targets: readonly string[]; readonly profile: string; readonly seed: number }
  | { readonly type: 'target'; readonly target: string; readonly inferred: readonly string[] }
  | { readonly type: 'check'; readonly result: CheckResult }
  | { readonly type: 'error'; readonly target: string; readonly message: string }
  | { readonly type: 'summary'; readonly summary: ReportSummary };

const LEVELS: readonly FindingLevel[] = ['must', 'should', 'info'];

/** Whether a finding at `level` fails a run judged at `threshold` (info never fails). */
export function fails(level: FindingLevel, threshold: FindingLevel): boolean {
  return level !== 'info' && LEVELS.indexOf(level) <= LEVELS.indexOf(threshold);
}

export function parseTarget(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not an absolute URL (e.g. https://api.example/items)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`"${raw}" is not an http(s) URL`);
  if (url.username !== '' || url.password !== '') throw new UsageError(`"${raw}" contains credentials; pass them with --header or --cookie`);
  url.hash = '';
  return url.href;
}

/** Check results with findings below the failing level count as passed (their findings kept as notes). */
function settle(results: readonly CheckResult[], level: FindingLevel): CheckResult[] {
  return results.map((result) => result.status === 'failed' && !result.findings.some((f) => fails(f.level, level))
    ? { ...result, status: 'passed' } : result);
}

/**
 * Which checks run against which target. With a shard, (target, check) pairs are dealt round-robin
 * in a fixed order, so n jobs with the same arguments split the work exactly and deterministically.
 */
export function shardPlan(targets: readonly string[], checkIds: readonly string[], shard?: { index: number; count: number }): Map<string, Set<string>> {
  const plan = new Map<string, Set<string>>();
  let k = 0;
  for (const target of targets) {
    for (const id of checkIds) {
      if (shard === undefined || k % shard.count === shard.index) {
        if (!plan.has(target)) plan.set(target, new Set());
        plan.get(target)!.add(id);
      }
      k++;
    }
  }
  return plan;
}

async function runTarget(target: string, options: RunOptions, shared: Omit<TargetContext, 'target' | 'intent' | 'ledger' | 'urls'>,
  selected: ReadonlySet<string>, errors: { target: string; message: string }[]): Promise<{ results: CheckResult[]; inferred: readonly string[] } | null> {
  let intent;
  const policy = options.targetPolicies?.get(target) ?? options.policy;
  try {
    intent = await discoverIntent({ transport: shared.transport, target }, policy, options.origins);
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    errors.push({ target, message: error.message });
    options.onEvent?.({ type: 'error', target, message: error.message });
    return null;
  }
  options.onEvent?.({ type: 'target', target, inferred: intent.notes });
  const origin = new URL(target).origin;
  const ctx: TargetContext = {
    ...shared, target, intent, ledger: new CheckLedger(target, selected),
    urls: options.targets.filter((t) => new URL(t).origin === origin),
  };
  const { phases } = await loadPhases();
  for (const phase of phases) {
    if (ctx.signal.aborted) break;
    try {
      await phase(ctx);
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      const message = `${phase.name.replace(/Phase$/, '')} checks stopped: ${error.message}`;
      errors.push({ target, message });
      options.onEvent?.({ type: 'error', target, message });
    }
  }
  return { results: ctx.ledger.results(), inferred: intent.notes };
}

function summarize(results: readonly CheckResult[], findings: readonly Finding[], requests: number, durationMs: number): ReportSummary {
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  return {
    checks: results.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), requests, durationMs,
    findings: {
      must: findings.filter((f) => f.level === 'must').length, should: findings.filter((f) => f.level === 'should').length,
      info: findings.filter((f) => f.level === 'info').length, security: findings.filter((f) => f.category === 'security').length,
    },
  };
}

export async function runSuite(options: RunOptions): Promise<Report> {
  const started = performance.now();
  const selected = new Set(selectChecks(options.suites).map((check) => check.id));
  if (selected.size === 0) throw new UsageError(`no check id starts with ${options.suites.map((s) => `"${s}"`).join(' or ')}; see --list`);
  const signal = AbortSignal.any([options.signal ?? new AbortController().signal, AbortSignal.timeout(options.deadlineMs)]);
  const transport = new Transport({
    concurrency: options.concurrency, rate: options.rate, timeoutMs: options.timeoutMs, insecure: options.insecure,
    userAgent: `cors-conformance/${version}`, signal,
  });
  const secrets = Object.values(options.credentialHeaders);
  const shared = {
    transport, redactor: new Redactor(secrets), runs: options.runs, concurrency: options.concurrency, seed: options.seed, signal,
    ...(options.path !== undefined && { path: options.path }),
    exchange: {
      transport, profile: options.profile, credentialHeaders: options.credentialHeaders,
      allowedOrigins: new Set(options.targets.map((t) => new URL(t).origin)),
    },
  };
  const plan = shardPlan(options.targets, [...selected], options.shard);
  options.onEvent?.({ type: 'start', targets: [...plan.keys()], profile: options.profile, seed: options.seed });
  const results: CheckResult[] = [];
  const errors: { target: string; message: string }[] = [];
  const inferred: string[] = [];
  try {
    for (const [target, checksHere] of plan) {
      if (signal.aborted) break;
      const outcome = await runTarget(target, options, shared, checksHere, errors);
      if (outcome === null) continue;
      const settled = settle(outcome.results, options.level);
      for (const result of settled) options.onEvent?.({ type: 'check', result });
      results.push(...settled);
      if ((options.targetPolicies?.get(target) ?? options.policy) === null) inferred.push(...outcome.inferred.map((note) => `${target}: ${note}`));
    }
  } finally {
    await transport.close();
  }
  if (signal.aborted) {
    const why = options.signal?.aborted ? 'interrupted' : `the run's deadline (${options.deadlineMs} ms) passed`;
    errors.push({ target: '*', message: `${why}: the report holds what was gathered until then` });
  }
  const findings = results.flatMap((result) => result.findings);
  const summary = summarize(results, findings, transport.count, Math.round(performance.now() - started));
  options.onEvent?.({ type: 'summary', summary });
  return {
    tool: { name: 'cors-conformance', version }, fetchRevision: FETCH_REVISION, profile: options.profile, seed: options.seed,
    targets: [...plan.keys()], policy: options.policy?.config ?? null, ...(options.policy === null && { inferred }),
    summary, findings, checks: results, errors,
  };
}

/**
 * DESIGN.md §7: 1 with failing findings; 3 when nothing could be judged, or the run was cut short
 * (interrupted, deadline) or a target could not be judged, without failing findings; else 0.
 */
export function exitCode(report: Report, level: FindingLevel): number {
  if (report.findings.some((finding) => fails(finding.level, level))) return 1;
  if (report.summary.passed + report.summary.failed === 0 || report.errors.length > 0) return 3;
  return 0;
}
