/**
 * Conformance: every request the intent allows must work in a browser. Deterministic probes first,
 * then a fast-check property over generated requests whose failure shrinks to a minimal request
 * and reports its seed and path (`--seed N --path P` replays it exactly).
 */
import fc from 'fast-check';
import { checks } from '../../../suites/checks/registry.js';
import { conformanceProbes, intendedRequestArbitrary } from '../../../suites/conformance/requests.js';
import type { TargetContext } from '../context.js';
import { judgeIntended } from './judge.js';

const CONFORMANCE = checks.filter((check) => check.category === 'conformance');

async function deterministicProbes(ctx: TargetContext): Promise<void> {
  const probes = conformanceProbes(ctx.intent, ctx.target);
  await Promise.all(probes.map(async (probe) => {
    if (!ctx.signal.aborted) await judgeIntended(ctx, probe.request, probe.reports === undefined ? {} : { reports: probe.reports });
  }));
}

async function property(ctx: TargetContext): Promise<void> {
  const arbitrary = intendedRequestArbitrary(ctx.intent, ctx.urls.length > 0 ? ctx.urls : [ctx.target]);
  if (arbitrary === null || ctx.runs <= 0) return;
  const details = await fc.check(fc.asyncProperty(arbitrary, async (request) =>
    ctx.signal.aborted || judgeIntended(ctx, request, { record: false })), {
    numRuns: ctx.runs, seed: ctx.seed, ...(ctx.path !== undefined && { path: ctx.path }), endOnFailure: false,
  });
  if (details.failed && details.counterexample !== null) {
    // Record the shrunk counterexample once, with what replays it.
    await judgeIntended(ctx, details.counterexample[0], { replay: { seed: details.seed, path: details.counterexamplePath ?? '' } });
  }
}

export async function conformancePhase(ctx: TargetContext): Promise<void> {
  if (!CONFORMANCE.some((check) => ctx.ledger.wants(check.id))) return;
  if (ctx.intent.trustedOrigins.length === 0) {
    for (const check of CONFORMANCE) ctx.ledger.skip(check.id, 'no trusted origin: pass --origin ORIGIN or --policy FILE');
    return;
  }
  await deterministicProbes(ctx);
  await property(ctx);
  if (!ctx.intent.credentials) {
    for (const id of ['acac/not-true', 'preflight/acac', 'acao/wildcard-with-credentials'] as const) ctx.ledger.skip(id, 'credentials are not meant to be allowed');
  }
  if (ctx.intent.exposeHeaders === null) {
    for (const id of ['expose/missing', 'expose/invalid', 'expose/wildcard-with-credentials'] as const) ctx.ledger.skip(id, 'no exposed headers are meant');
  }
}
