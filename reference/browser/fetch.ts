/**
 * One case through the machine: its history first, sharing one preflight cache, then the main
 * request, whose verdict is returned. Pure: time comes from the case.
 * @see https://fetch.spec.whatwg.org/#concept-fetch
 */
import type { FetchContext } from './context.js';
import { CaseError } from './errors.js';
import { filteredResponse } from './filtered-response.js';
import { mainFetch } from './main-fetch.js';
import { answerFromCase, Network, type Sending } from './network.js';
import { PreflightCache } from './preflight-cache.js';
import { profiles, type Profile } from './profiles.js';
import { createRequest } from './request.js';
import { Trace } from './trace.js';
import type { Case, CaseAnswer, CaseHistoryEntry, CaseRequest, CaseResponse, ProfileName, Verdict } from './types.js';

interface Exchange {
  readonly request: CaseRequest;
  readonly preflight?: CaseResponse;
  readonly response?: CaseResponse;
  readonly responses?: readonly CaseAnswer[];
}

function* fetchOnce(exchange: Exchange, profile: Profile, cache: PreflightCache, now: number): Sending<Verdict> {
  const trace = new Trace();
  const request = createRequest(exchange.request, trace, profile);
  const ctx: FetchContext = { profile, cache, trace, sent: [], now, preflight: { sent: false, fromCache: false } };
  const result = yield* mainFetch(request, ctx, false);
  // Key order as in DESIGN.md §4; literal objects (no spreads: this is the hot path of every run).
  if (result.type === 'network-error') {
    return {
      profile: profile.name, outcome: 'network-error', failedAt: result.step, reason: result.detail,
      requests: ctx.sent, preflight: ctx.preflight, status: null, type: null, exposedHeaders: [], trace: trace.steps,
    };
  }
  const view = filteredResponse(request, result, trace);
  const reason = view.type === 'cors' || view.type === 'basic'
    ? `script gets the ${view.type} response with status ${view.status}`
    : `script gets an ${view.type} response (status 0, no headers)`;
  return {
    profile: profile.name, outcome: 'ok', failedAt: null, reason, requests: ctx.sent, preflight: ctx.preflight,
    status: view.status, type: view.type, exposedHeaders: view.exposedHeaders, trace: trace.steps,
  };
}

/** Runs a (validated) case and returns the verdict for its main request. */
export function runCase(input: Case, profileName?: ProfileName): Verdict {
  const profile = profiles[profileName ?? input.profile ?? 'spec'];
  const cache = new PreflightCache(profile);
  const history = input.history;
  if (history !== undefined) runHistory(history, profile, cache);
  return answerFromCase(fetchOnce(input, profile, cache, input.at ?? history?.[history.length - 1]?.at ?? 0), Network.fromCase(input));
}

/** The history's exchanges in order, filling the shared preflight cache; their verdicts are not kept. */
function runHistory(history: readonly CaseHistoryEntry[], profile: Profile, cache: PreflightCache): void {
  history.forEach((entry, i) => {
    try {
      answerFromCase(fetchOnce(entry, profile, cache, entry.at), Network.fromCase(entry));
    } catch (error) {
      if (error instanceof CaseError) throw new CaseError(`history[${i}]: ${error.message}`);
      throw error;
    }
  });
}

/**
 * The machine for one request with an empty preflight cache, for a live runner: it yields each request
 * the browser would send and is resumed with the server's response, until it returns the verdict.
 * (The same steps as `runCase`, which answers from the case instead.)
 */
export function exchangeMachine(request: CaseRequest, profileName: ProfileName = 'spec'): Sending<Verdict> {
  const profile = profiles[profileName];
  return fetchOnce({ request }, profile, new PreflightCache(profile), 0);
}
