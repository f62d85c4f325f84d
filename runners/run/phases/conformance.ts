/**
 * Conformance: every request the intent allows must work in a browser. Deterministic probes first,
 * then a fast-check property over generated requests whose failure shrinks to a minimal request
 * and reports its seed and path (`--seed N --path P` replays it exactly).
 */
import fc from 'fast-check';
import { checks } from '../../../suites/checks/registry.js';
import { conformanceProbes, intendedRequestArbitrary } from '../../../suites/conformance/requests.js';
import { runValues } from '../../../suites/properties/run-values.js';
import type { CaseRequest } from '../../../reference/browser/index.js';
import type { TargetContext } from '../context.js';
import { browserExchange } from '../../target/browser-exchange.js';
import { judgeExchange, judgeIntended } from './judge.js';

const CONFORMANCE = checks.filter((check) => check.category === 'conformance');

async function deterministicProbes(ctx: TargetContext): Promise<void> {
  const probes = conformanceProbes(ctx.intent, ctx.target);
  await Promise.all(probes.map(async (probe) => {
    if (!ctx.signal.aborted) await judgeIntended(ctx, probe.request, probe.reports === undefined ? {} : { reports: probe.reports });
  }));
}

/** Pass 1 only asks whether a request fails; the failure is recorded by pass 2. */
const UNRECORDED = { record: false } as const;

/**
 * Pass 1 runs the generated requests pipelined (up to `concurrency` in flight; the values fc.check's
 * runs would get, generated without its runner); the first failure's run index then seeds pass 2, a
 * plain sequential fast-check run from that index (`path`), which shrinks it. A given `--path` goes
 * straight to pass 2.
 */
async function property(ctx: TargetContext): Promise<void> {
  const arbitrary = intendedRequestArbitrary(ctx.intent, ctx.urls.length > 0 ? ctx.urls : [ctx.target]);
  if (arbitrary === null || ctx.runs <= 0) return;
  const path = ctx.path ?? await firstFailure(ctx, arbitrary);
  if (path === undefined) return;
  const details = await fc.check(fc.asyncProperty(arbitrary, async (request) =>
    ctx.signal.aborted || judgeIntended(ctx, request, UNRECORDED)), {
    numRuns: ctx.runs, seed: ctx.seed, path, endOnFailure: false,
  });
  if (details.failed && details.counterexample !== null) {
    // Record the shrunk counterexample once, with what replays it.
    await judgeIntended(ctx, details.counterexample[0], { replay: { seed: details.seed, path: details.counterexamplePath ?? '' } });
  }
}

/**
 * The run index (as a fast-check path) of the first generated request a browser would fail. Workers
 * take the runs in order (run i is the value fc.check gives run i for the seed), so every run before
 * a failure has been judged when the workers stop.
 */
async function firstFailure(ctx: TargetContext, arbitrary: fc.Arbitrary<CaseRequest>): Promise<string | undefined> {
  const requests = runValues(arbitrary, ctx.seed);
  let next = 0;
  let first: number | undefined;
  let broken = false;
  const worker = async (): Promise<void> => {
    try {
      while (next < ctx.runs && first === undefined && !broken && !ctx.signal.aborted) {
        const run = next++;
        const request = requests.next().value;
        const ok = judgeExchange(ctx, request, await browserExchange(request, ctx.exchange), UNRECORDED);
        if (!ok && (first === undefined || run < first)) first = run;
      }
    } catch (error) {
      broken = true; // an exchange threw (the target broke): the other workers start nothing more
      throw error;
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(ctx.concurrency, ctx.runs)) }, worker);
  const rejected = (await Promise.allSettled(workers)).find((outcome) => outcome.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
  return first === undefined ? undefined : String(first);
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
