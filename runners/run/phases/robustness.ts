/**
 * Robustness: the CORS headers of the success path must survive error statuses and HEAD, and a
 * plain OPTIONS (no Access-Control-Request-Method) is not a preflight.
 */
import { headerListGet } from '../../../spec/header-list.js';
import { ACAH, ACAM, ACAO } from '../../../spec/headers.js';
import { checkById, type CheckId } from '../../../suites/checks/registry.js';
import type { WireExchange } from '../../target/browser-exchange.js';
import type { TargetContext } from '../context.js';
import { makeFinding } from '../findings.js';
import { sendRaw } from './raw.js';

/** A path under the target that no application is expected to serve. */
export function notFoundUrl(target: string): string {
  const url = new URL(target);
  url.pathname = url.pathname.replace(/\/?$/, '/cors-conformance-not-found');
  url.search = '';
  return url.href;
}

function lost(ctx: TargetContext, id: CheckId, success: WireExchange, other: WireExchange, what: string): void {
  ctx.ledger.add(makeFinding({
    check: checkById(id), target: ctx.target, wire: [other], verdict: { outcome: 'network-error', failedAt: 'concept-cors-check:2' },
    expected: `the same Access-Control-Allow-Origin as GET ${success.sent.url} (${headerListGet(success.response.headers, ACAO)})`,
    actual: `${what} answers ${other.response.status} without Access-Control-Allow-Origin, so script cannot read it`,
  }, ctx.redactor));
}

export async function robustnessPhase(ctx: TargetContext): Promise<void> {
  const origin = ctx.intent.trustedOrigins[0];
  if (!ctx.ledger.wantsAny('robustness/') || ctx.signal.aborted) return;
  if (origin === undefined) {
    for (const id of ['robustness/error-status', 'robustness/head', 'robustness/plain-options'] as const) ctx.ledger.skip(id, 'no trusted origin: pass --origin ORIGIN or --policy FILE');
    return;
  }
  const [success, head, missing, options] = await Promise.all([
    sendRaw(ctx, 'GET', ctx.target, origin), sendRaw(ctx, 'HEAD', ctx.target, origin),
    sendRaw(ctx, 'GET', notFoundUrl(ctx.target), origin), sendRaw(ctx, 'OPTIONS', ctx.target, origin),
  ]);
  ctx.ledger.exercise('robustness/plain-options');
  if (headerListGet(options.response.headers, ACAM) !== null || headerListGet(options.response.headers, ACAH) !== null) {
    ctx.ledger.add(makeFinding({
      check: checkById('robustness/plain-options'), target: ctx.target, wire: [options], verdict: { outcome: 'ok', failedAt: null },
      expected: 'an OPTIONS request without Access-Control-Request-Method reaches the application like any other request',
      actual: `it is answered ${options.response.status} with preflight headers (${[ACAM, ACAH].filter((n) => headerListGet(options.response.headers, n) !== null).join(', ')})`,
    }, ctx.redactor));
  }
  // Only a success path that shares its response can lose its CORS headers.
  if (headerListGet(success.response.headers, ACAO) === null) {
    for (const id of ['robustness/error-status', 'robustness/head'] as const) ctx.ledger.skip(id, `GET ${ctx.target} from ${origin} has no Access-Control-Allow-Origin to lose`);
    return;
  }
  ctx.ledger.exercise('robustness/head');
  if (headerListGet(head.response.headers, ACAO) === null) lost(ctx, 'robustness/head', success, head, `HEAD ${ctx.target}`);
  // A server that answers every path successfully shows no error response to judge.
  if (missing.response.status < 400) {
    ctx.ledger.skip('robustness/error-status', `GET ${missing.sent.url} answered ${missing.response.status}, not an error status`);
    return;
  }
  ctx.ledger.exercise('robustness/error-status');
  if (headerListGet(missing.response.headers, ACAO) === null) lost(ctx, 'robustness/error-status', success, missing, `GET ${missing.sent.url}`);
}
