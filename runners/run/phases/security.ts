/**
 * Security: origins the owner does not trust must be refused, on the actual response and on the
 * preflight. Severity rises with credentials. A preflight that admits an untrusted origin is a
 * finding even when the actual response is then refused: the request and its side effects happen.
 */
import { headerListGet } from '../../../spec/header-list.js';
import { ACAC, ACAO } from '../../../spec/headers.js';
import type { CaseRequest, CredentialsMode } from '../../../reference/browser/index.js';
import { checkById, type CheckId } from '../../../suites/checks/registry.js';
import { buildRequest } from '../../../suites/conformance/requests.js';
import { untrustedOrigins, type UntrustedOrigin } from '../../../suites/probes/origins.js';
import type { FindingLevel, Severity } from '../../report-types.js';
import { browserExchange, type BrowserExchange } from '../../target/browser-exchange.js';
import type { TargetContext } from '../context.js';
import { makeFinding } from '../findings.js';
import { describeRequest } from './judge.js';
import { sendRaw } from './raw.js';
import { notFoundUrl } from './robustness.js';

const checkFor = (probe: UntrustedOrigin): CheckId => `security/${probe.bypass}`;

/** The request most likely to be preflighted and admitted: an intended method, else an intended header. */
function preflightRequest(ctx: TargetContext, origin: string): CaseRequest {
  const { intent } = ctx;
  if (intent.methods.length > 0) return buildRequest(ctx.target, origin, intent.methods[0]!, [], 'omit');
  if (intent.headers.length > 0) return buildRequest(ctx.target, origin, 'POST', [intent.headers[0]!], 'omit');
  return buildRequest(ctx.target, origin, 'PUT', [], 'omit');
}

function grade(ctx: TargetContext, credentialed: boolean, browserRealistic = true): { level: FindingLevel; severity: Severity } {
  // An Origin no browser can send shows a loose parser, not a hole a web page can use.
  if (!browserRealistic) return { level: 'should', severity: 'low' };
  if (credentialed) return { level: 'must', severity: 'critical' };
  // Without a policy, an uncredentialed answer to any origin may be meant as public (like *).
  return ctx.intent.source === 'policy' ? { level: 'must', severity: 'high' } : { level: 'should', severity: 'medium' };
}

function record(ctx: TargetContext, id: CheckId, probe: UntrustedOrigin, result: Pick<BrowserExchange, 'wire'>, credentialed: boolean, what: string): void {
  const label = probe.browserRealistic ? '' : ' (robustness probe: no browser sends this Origin)';
  ctx.ledger.add(makeFinding({
    check: checkById(id), target: ctx.target, wire: result.wire,
    verdict: { outcome: 'ok', failedAt: null }, ...grade(ctx, credentialed, probe.browserRealistic),
    expected: `${probe.origin} is refused${probe.imitates ? ` (it only imitates ${probe.imitates})` : ''}`,
    actual: `${what}${label}`,
  }, ctx.redactor));
}

/**
 * An Origin no browser sends cannot go through the browser model: send it raw and see whether the
 * server echoes it (a server that does so parses origins loosely).
 */
async function probeRawOrigin(ctx: TargetContext, probe: UntrustedOrigin, id: CheckId): Promise<void> {
  const wire = await sendRaw(ctx, 'GET', ctx.target, probe.origin);
  if (headerListGet(wire.response.headers, ACAO) !== probe.origin) return;
  const credentialed = headerListGet(wire.response.headers, ACAC) === 'true';
  record(ctx, id, probe, { wire: [wire] }, credentialed,
    `the server echoes Origin ${JSON.stringify(probe.origin)} in Access-Control-Allow-Origin${credentialed ? ' with credentials' : ''}`);
}

/**
 * Whether a page at the probe's origin can read a GET of `url`: with credentials first, then (unless
 * every origin may read uncredentialed responses) without. Records the first read that succeeds.
 */
async function probeRead(ctx: TargetContext, probe: UntrustedOrigin, id: CheckId, url: string): Promise<boolean> {
  const modes: CredentialsMode[] = ctx.intent.anyOrigin ? ['include'] : ['include', 'omit'];
  for (const credentials of modes) {
    if (ctx.signal.aborted) return false;
    const request = buildRequest(url, probe.origin, 'GET', [], credentials);
    const result = await browserExchange(request, ctx.exchange);
    if (result.kind === 'verdict' && result.verdict.outcome === 'ok') {
      const error = result.verdict.status !== null && result.verdict.status >= 400 ? `the error response (${result.verdict.status}) to ` : 'the response to ';
      record(ctx, id, probe, result, credentials === 'include', `a browser lets a page at ${probe.origin} read ${error}${describeRequest(request)}`);
      return true;
    }
  }
  return false;
}

/**
 * Probes one untrusted origin: can it read the target, and does a preflight admit it? Returns whether
 * it could read. `always` runs the read even when its check is not selected (its outcome decides what
 * the other probes are for, and must not depend on --suite or --shard).
 */
async function probeOrigin(ctx: TargetContext, probe: UntrustedOrigin, always = false): Promise<boolean> {
  const id = checkFor(probe);
  if (!probe.browserRealistic) {
    if (ctx.ledger.wants(id)) {
      ctx.ledger.exercise(id);
      await probeRawOrigin(ctx, probe, id);
    }
    return false;
  }
  if (!always && !ctx.ledger.wants(id) && !ctx.ledger.wants('security/preflight-admits-untrusted')) return false;
  ctx.ledger.exercise(id);
  const read = await probeRead(ctx, probe, id, ctx.target);
  if (ctx.intent.anyOrigin || ctx.signal.aborted) return read;
  ctx.ledger.exercise('security/preflight-admits-untrusted');
  const request = preflightRequest(ctx, probe.origin);
  const result = await browserExchange(request, ctx.exchange, true);
  if (result.kind === 'preflight-passed') {
    const preflight = result.wire.find((w) => w.sent.kind === 'preflight');
    const credentialed = preflight !== undefined && headerListGet(preflight.response.headers, ACAC) === 'true';
    record(ctx, 'security/preflight-admits-untrusted', probe, result, credentialed,
      `the preflight for ${describeRequest(request)} passes, so a browser would send the request (not sent by this probe)`);
  }
  return read;
}

const BYPASS_CHECKS: readonly CheckId[] = [
  'security/null-origin', 'security/origin-prefix', 'security/origin-suffix', 'security/unescaped-dot', 'security/origin-scheme',
  'security/origin-port', 'security/origin-subdomain', 'security/origin-substring', 'security/special-characters',
];

/**
 * The origins to probe. Under `*` every origin may read uncredentialed responses, but without intended
 * credentials none may read a credentialed one: an arbitrary origin and `null` are probed with
 * credentials (the bypass classes only matter where some origins are trusted and others not).
 */
function probesFor(ctx: TargetContext): UntrustedOrigin[] {
  if (!ctx.intent.anyOrigin) return untrustedOrigins(ctx.intent.imitated, ctx.target, ctx.intent.isTrusted);
  for (const id of BYPASS_CHECKS) {
    if (id !== 'security/null-origin') ctx.ledger.skip(id, 'every origin may read uncredentialed responses (*): only credentialed reads are probed');
  }
  ctx.ledger.skip('security/preflight-admits-untrusted', 'every origin is trusted (*)');
  if (ctx.intent.credentials) return [];
  return untrustedOrigins([], ctx.target, () => false).filter((probe) => probe.bypass === 'origin-reflection' || probe.bypass === 'null-origin');
}

/**
 * A policy without credentials means no page reads responses made with the user's cookies, trusted
 * pages included: a credentialed GET from a trusted origin must fail. (Under `*` the arbitrary-origin
 * probe already asks this with credentials.)
 */
async function probeUnintendedCredentials(ctx: TargetContext): Promise<void> {
  const id = 'security/unintended-credentials';
  const origin = ctx.intent.trustedOrigins[0];
  if (!ctx.ledger.wants(id)) return;
  if (ctx.intent.credentials || ctx.intent.anyOrigin || origin === undefined) {
    ctx.ledger.skip(id, ctx.intent.credentials ? 'credentials are meant to be allowed' : ctx.intent.anyOrigin ? 'covered by the credentialed arbitrary-origin probe (*)' : 'no trusted origin');
    return;
  }
  ctx.ledger.exercise(id);
  const request = buildRequest(ctx.target, origin, 'GET', [], 'include');
  const result = await browserExchange(request, ctx.exchange);
  if (result.kind !== 'verdict' || result.verdict.outcome !== 'ok') return;
  ctx.ledger.add(makeFinding({
    check: checkById(id), target: ctx.target, wire: result.wire, verdict: { outcome: 'ok', failedAt: null }, severity: 'medium',
    expected: `credentialed requests are refused (the ${ctx.intent.source === 'policy' ? 'policy does not allow credentials' : 'server does not advertise credentials'})`,
    actual: `a browser lets a page at ${origin} read the response to ${describeRequest(request)} (Access-Control-Allow-Credentials: true)`,
  }, ctx.redactor));
}

export async function securityPhase(ctx: TargetContext): Promise<void> {
  if (!ctx.ledger.wantsAny('security/')) return;
  await probeUnintendedCredentials(ctx);
  const probes = probesFor(ctx);
  if (probes.length === 0) {
    for (const id of [...BYPASS_CHECKS, 'security/origin-reflection', 'security/preflight-admits-untrusted'] as const) ctx.ledger.skip(id, 'every origin is trusted (*)');
    return;
  }
  // An arbitrary origin first: when it gets in, every bypass class is the same hole.
  const [reflection, ...rest] = probes;
  let reflected = false;
  if (reflection !== undefined && reflection.bypass === 'origin-reflection') {
    reflected = await probeOrigin(ctx, reflection, true);
    // Error responses are often written by other code (error handlers, proxies) than the success path:
    // they must refuse an arbitrary origin too.
    if (!reflected && ctx.ledger.wants('security/origin-reflection')) await probeRead(ctx, reflection, 'security/origin-reflection', notFoundUrl(ctx.target));
  }
  const others = reflection?.bypass === 'origin-reflection' ? rest : probes;
  if (reflected) {
    for (const id of BYPASS_CHECKS) ctx.ledger.skip(id, 'subsumed: any origin is allowed (security/origin-reflection)');
    await Promise.all(others.filter((p) => p.bypass === 'null-origin').map((probe) => probeOrigin(ctx, probe)));
    return;
  }
  await Promise.all(others.map((probe) => probeOrigin(ctx, probe)));
}
