/**
 * Shared caches: when Access-Control-Allow-Origin depends on the Origin header, every response must
 * say so with `Vary: Origin`, or a cache can hand one origin's answer to another.
 * @see https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches
 */
import { headerListGet, headerValueGetDecodeAndSplit } from '../../../spec/header-list.js';
import { ACAC, ACAO, VARY } from '../../../spec/headers.js';
import { checkById } from '../../../suites/checks/registry.js';
import { ATTACKER_ORIGIN } from '../../../suites/probes/origins.js';
import type { WireExchange } from '../../target/browser-exchange.js';
import type { TargetContext } from '../context.js';
import { makeFinding } from '../findings.js';
import { sendRaw } from './raw.js';

const varies = (wire: WireExchange): boolean => {
  const vary = headerListGet(wire.response.headers, VARY);
  return vary !== null && headerValueGetDecodeAndSplit(vary).some((token) => token === '*' || token.toLowerCase() === 'origin');
};

/** RFC 9110 §15.1: statuses a cache may store without explicit freshness. */
const HEURISTICALLY_CACHEABLE = new Set([200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501]);

/**
 * Whether an HTTP cache could store this response (RFC 9111 §3): not `no-store`, and either explicitly
 * fresh or of a heuristically cacheable status. A response no cache keeps cannot be served to another origin.
 */
export function isStorable(wire: WireExchange): boolean {
  const directives = headerValueGetDecodeAndSplit(headerListGet(wire.response.headers, 'cache-control') ?? '').map((d) => d.toLowerCase());
  if (directives.includes('no-store')) return false;
  const explicit = directives.some((d) => d === 'public' || d.startsWith('max-age=') || d.startsWith('s-maxage=')) ||
    headerListGet(wire.response.headers, 'expires') !== null;
  return explicit || HEURISTICALLY_CACHEABLE.has(wire.response.status);
}

const corsAnswer = (wire: WireExchange): string =>
  `${headerListGet(wire.response.headers, ACAO) ?? '(none)'}|${headerListGet(wire.response.headers, ACAC) ?? ''}`;

export async function cachePhase(ctx: TargetContext): Promise<void> {
  if (!ctx.ledger.wants('cache/vary-origin') || ctx.signal.aborted) return;
  const origins = [ctx.intent.trustedOrigins[0] ?? null, ATTACKER_ORIGIN, null].filter((o, i, all) => all.indexOf(o) === i);
  const answers = await Promise.all(origins.map((origin) => sendRaw(ctx, 'GET', ctx.target, origin)));
  ctx.ledger.exercise('cache/vary-origin');
  // A static answer (the same for every Origin, or none at all) needs no Vary.
  if (new Set(answers.map(corsAnswer)).size <= 1) return;
  const missing = answers.find((wire) => !varies(wire) && isStorable(wire));
  if (missing === undefined) return;
  const seen = answers.map((wire, i) => `${origins[i] ?? 'no Origin'} → ${headerListGet(wire.response.headers, ACAO) ?? 'no ACAO'}`).join('; ');
  ctx.ledger.add(makeFinding({
    check: checkById('cache/vary-origin'), target: ctx.target, wire: [missing], verdict: { outcome: 'ok', failedAt: null },
    expected: 'Vary: Origin on every response, since Access-Control-Allow-Origin depends on the Origin header',
    actual: `${seen}; the response to ${missing.headers['origin'] ?? 'a request without Origin'} has ${headerListGet(missing.response.headers, VARY) === null ? 'no Vary' : `Vary: ${headerListGet(missing.response.headers, VARY)}`}`,
  }, ctx.redactor));
}
