/** Judging one browser exchange meant to succeed, and recording what it shows. */
import { failure } from '../../../spec/abnf.js';
import { extractHeaderListValues, extractMaxAge, type HeaderList } from '../../../spec/header-list.js';
import { ACEH, ACMA } from '../../../spec/headers.js';
import { isCorsSafelistedResponseHeaderName } from '../../../spec/response-headers.js';
import type { CaseRequest, Verdict } from '../../../reference/browser/index.js';
import { classifyFailure } from '../../../suites/checks/classify.js';
import { checkById, checks, type CheckId } from '../../../suites/checks/registry.js';
import { browserExchange, type BrowserExchange, type WireExchange } from '../../target/browser-exchange.js';
import type { TargetContext } from '../context.js';
import { makeFinding } from '../findings.js';

const family = (prefix: string): CheckId[] => checks.filter((c) => c.id.startsWith(prefix) && c.category === 'conformance').map((c) => c.id);
const ACAO_CHECKS = family('acao/');
const PREFLIGHT_CHECKS = family('preflight/').filter((id) => id !== 'preflight/acac' && id !== 'preflight/max-age-invalid');
const EXPOSE_CHECKS = family('expose/');
/** What an actual request and a preflight exercise, without and with credentials. */
const ACTUAL_GROUPS: Readonly<Record<'omit' | 'include', readonly CheckId[]>> = { omit: ACAO_CHECKS, include: [...ACAO_CHECKS, 'acac/not-true'] };
const PREFLIGHT_GROUPS: Readonly<Record<'omit' | 'include', readonly CheckId[]>> = { omit: PREFLIGHT_CHECKS, include: [...PREFLIGHT_CHECKS, 'preflight/acac'] };
const REDIRECT_CHECKS: readonly CheckId[] = ['redirect/cors', 'redirect/location'];

export interface Replay {
  readonly seed: number;
  readonly path: string;
}

export function describeRequest(request: CaseRequest): string {
  const headers = Object.keys(request.headers ?? {});
  return `${request.method ?? 'GET'} ${request.url}${headers.length > 0 ? ` with ${headers.join(', ')}` : ''}` +
    ` from ${request.origin}${request.credentials === 'include' ? ' with credentials' : ''}`;
}

/** Marks the checks this exchange exercised. */
function exercise(ctx: TargetContext, request: CaseRequest, verdict: Verdict, wire: readonly WireExchange[]): void {
  const credentials = request.credentials === 'include' ? 'include' : 'omit';
  if (wire.some((w) => w.sent.kind === 'actual')) ctx.ledger.exerciseGroup(ACTUAL_GROUPS[credentials]);
  if (wire.some((w) => w.sent.kind === 'preflight')) ctx.ledger.exerciseGroup(PREFLIGHT_GROUPS[credentials]);
  if (wire.some((w) => w.response.status >= 300 && w.response.status < 400)) ctx.ledger.exerciseGroup(REDIRECT_CHECKS);
  if (verdict.outcome === 'ok' && ctx.intent.exposeHeaders !== null) ctx.ledger.exerciseGroup(EXPOSE_CHECKS);
}

function headersOf(wire: readonly WireExchange[], kind: 'preflight' | 'actual'): HeaderList | null {
  const found = [...wire].reverse().find((w) => w.sent.kind === kind);
  return found ? found.response.headers : null;
}

/** Access-Control-Expose-Headers on a shared response: does it expose what is meant to be read? */
function judgeExposed(ctx: TargetContext, request: CaseRequest, verdict: Verdict, wire: readonly WireExchange[]): void {
  const headers = headersOf(wire, 'actual');
  if (headers === null) return;
  const credentialed = request.credentials === 'include';
  const values = extractHeaderListValues(ACEH, headers);
  const finding = (id: CheckId, expected: string, actual: string) =>
    ctx.ledger.add(makeFinding({ check: checkById(id), target: ctx.target, wire, verdict, expected, actual }, ctx.redactor));
  if (values === failure) {
    finding('expose/invalid', 'Access-Control-Expose-Headers is a comma-separated list of header names', 'it does not parse, so a browser exposes only the safelisted headers');
    return;
  }
  const meant = ctx.intent.exposeHeaders;
  if (values !== null && credentialed && values.includes('*') && meant !== null) {
    finding('expose/wildcard-with-credentials', 'credentialed responses name the headers to expose', `Access-Control-Expose-Headers * exposes nothing to ${describeRequest(request)}`);
    return;
  }
  if (meant === null || meant === '*') return;
  const missing = meant.filter((name) => !isCorsSafelistedResponseHeaderName(name, values ?? []) && !(values?.includes('*') && !credentialed));
  if (missing.length > 0) {
    finding('expose/missing', `script can read ${missing.join(', ')} (meant to be exposed)`,
      `Access-Control-Expose-Headers is ${values === null ? 'absent' : JSON.stringify(values.join(', '))}; script sees only ${verdict.exposedHeaders.join(', ') || 'no headers'}`);
  }
}

/** Access-Control-Max-Age on a preflight that passed: one delta-seconds value, or absent. */
function judgeMaxAge(ctx: TargetContext, verdict: Verdict, wire: readonly WireExchange[]): void {
  const headers = headersOf(wire, 'preflight');
  if (headers === null || !wire.some((w) => w.sent.kind === 'actual')) return;
  ctx.ledger.exercise('preflight/max-age-invalid');
  if (extractMaxAge(headers) !== failure) return;
  const raw = headers.filter(([name]) => name.toLowerCase() === ACMA).map(([, value]) => value);
  ctx.ledger.add(makeFinding({
    check: checkById('preflight/max-age-invalid'), target: ctx.target, wire, verdict,
    expected: 'one Access-Control-Max-Age line of digits, e.g. 600', actual: `Access-Control-Max-Age ${JSON.stringify(raw.join(', '))}: browsers fall back to 5 s or cache nothing`,
  }, ctx.redactor));
}

function classify(request: CaseRequest, verdict: Verdict, wire: readonly WireExchange[]): CheckId | null {
  const last = wire[wire.length - 1];
  if (last === undefined) return null;
  return classifyFailure(verdict, {
    request: last.sent, status: last.response.status, headers: last.response.headers, credentialed: request.credentials === 'include',
  }, request.method ?? 'GET');
}

export interface JudgeOptions {
  readonly replay?: Replay;
  /** false: only say whether the browser fails (a property's pass 1); the default records findings. */
  readonly record?: boolean;
  readonly reports?: readonly CheckId[];
}

/**
 * Runs a request that the intent allows through a browser exchange; records a finding when the browser
 * would fail it. Returns false when it fails (for properties), true otherwise.
 */
export async function judgeIntended(ctx: TargetContext, request: CaseRequest, options: JudgeOptions = {}): Promise<boolean> {
  return judgeExchange(ctx, request, await browserExchange(request, ctx.exchange), options);
}

/** `judgeIntended` once the exchange is done (synchronous: a caller that awaits the exchange itself saves a promise). */
export function judgeExchange(ctx: TargetContext, request: CaseRequest, result: BrowserExchange, options: JudgeOptions = {}): boolean {
  const { replay, record = true, reports } = options;
  if (result.kind === 'preflight-passed') return true;
  if (result.kind === 'off-target') {
    if (!record) return true;
    ctx.ledger.add(makeFinding({
      check: checkById('redirect/leaves-targets'), target: ctx.target, wire: result.wire, verdict: { outcome: 'ok', failedAt: null },
      expected: 'redirects stay within the named targets', actual: `${describeRequest(request)} is redirected to ${result.url}, which is not a named target (not followed)`,
    }, ctx.redactor));
    return true;
  }
  const { verdict, wire } = result;
  exercise(ctx, request, verdict, wire);
  if (!record) return verdict.outcome === 'ok' || classify(request, verdict, wire) === null;
  if (verdict.outcome === 'ok') {
    judgeExposed(ctx, request, verdict, wire);
    judgeMaxAge(ctx, verdict, wire);
    return true;
  }
  const id = classify(request, verdict, wire);
  if (id === null || (reports !== undefined && !reports.includes(id))) return true;
  ctx.ledger.add(makeFinding({
    check: checkById(id), target: ctx.target, wire, verdict,
    expected: `a browser can ${describeRequest(request)} (the ${ctx.intent.source === 'policy' ? 'policy allows it' : 'server advertises it'})`,
    actual: `network error at ${verdict.failedAt}: ${verdict.reason}`,
    ...(replay && { seed: replay.seed, path: replay.path }),
  }, ctx.redactor));
  return false;
}
