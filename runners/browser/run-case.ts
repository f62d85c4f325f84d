/**
 * One case, in a real browser and in the model, reduced to the same observable projection. The case is
 * first moved onto the harness (case-map.ts); both sides run that mapped case, and both results are
 * moved back into the case's terms for display.
 */
import {
  CaseError, MissingAnswerError, observe, observeRequest, runCase,
  type Case, type Observation, type ProfileName, type SentRequest,
} from '../../reference/browser/index.js';
import { caseOrigins, exchangesOf, mapCase, unmapObservation, type CaseMapping, type Exchange } from './case-map.js';
import type { BrowserDriver, BrowserStep, PageFetch, PageResult } from './driver.js';
import type { Harness, RecordedRequest } from './harness.js';

/** What one exchange showed: the projection, or that script's arguments were refused up front. */
export type Observed =
  | Observation
  | { readonly outcome: 'input-error'; readonly message: string }
  /** The browser only: a fetch that did not settle in time (a harness failure, never a verdict). */
  | { readonly outcome: 'timeout' };

export interface CaseRun {
  /** The case as run on the harness. */
  readonly mapped: Case;
  readonly mapping: CaseMapping;
  /** Per exchange (history entries, then the main request), in the case's terms. */
  readonly model: readonly Observed[];
  readonly browser: readonly Observed[];
  /** Per exchange, whether both sides showed the same. */
  readonly sameAt: readonly boolean[];
  /** Per exchange, every request as it reached the harness (harness URLs, all headers): for diagnosis. */
  readonly recorded: readonly (readonly RecordedRequest[])[];
  readonly same: boolean;
}

/** The history entries and the main request, each as a case of its own with the entries before it. */
function prefixCases(c: Case, dropped: ReadonlySet<number>): Case[] {
  const exchanges = exchangesOf(c);
  return exchanges.map((exchange, i) => {
    const history = (c.history ?? []).slice(0, i).filter((_, j) => !dropped.has(j));
    return { ...exchange, ...(history.length > 0 && { history }) };
  });
}

/**
 * The model's projection of every exchange of a (mapped) case. An exchange that is an input error sent
 * nothing, so it is left out of the history of the exchanges after it.
 */
export function modelObservations(c: Case, profile: ProfileName): Observed[] {
  const dropped = new Set<number>();
  const results: Observed[] = [];
  const count = exchangesOf(c).length;
  for (let i = 0; i < count; i++) {
    try {
      results.push(observe(runCase(prefixCases(c, dropped)[i]!, profile)));
    } catch (error) {
      // A request the case does not answer is the case's fault, not a verdict: let it through.
      if (!(error instanceof CaseError) || error instanceof MissingAnswerError) throw error;
      dropped.add(i);
      results.push({ outcome: 'input-error', message: error.message });
    }
  }
  return results;
}

function pageFetch(exchange: Exchange): PageFetch {
  const { request } = exchange;
  return {
    url: request.url, method: request.method ?? 'GET', mode: request.mode ?? 'cors',
    credentials: request.credentials ?? 'same-origin', redirect: request.redirect ?? 'follow',
    headers: Object.entries(request.headers ?? {}).flatMap(([name, value]) =>
      (typeof value === 'string' ? [value] : value).map((one) => [name, one] as const)),
    body: request.body === true,
  };
}

function observeRecorded(recorded: RecordedRequest): SentRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of recorded.headers) {
    const lower = name.toLowerCase();
    headers[lower] = lower in headers ? `${headers[lower]}, ${value}` : value;
  }
  return { kind: recorded.kind, method: recorded.method, url: recorded.url, headers };
}

/** What the browser showed of one exchange, in the same shape as the model's projection. */
export function browserObservation(result: PageResult, log: readonly RecordedRequest[]): Observed {
  if (result.kind === 'input-error') return { outcome: 'input-error', message: result.message };
  if (result.kind === 'timeout') return { outcome: 'timeout' };
  const requests = log.map((recorded) => observeRequest(observeRecorded(recorded)));
  if (result.kind === 'network-error') return { requests, outcome: 'network-error', status: null, type: null, exposedHeaders: [] };
  return {
    requests, outcome: 'ok', status: result.status, type: result.type as Observation['type'],
    exposedHeaders: [...new Set(result.headerNames.map((name) => name.toLowerCase()))].sort(),
  };
}

/** Observations compare by value; an input error compares by kind only (the messages differ by design). */
export function sameObservation(a: Observed, b: Observed): boolean {
  const key = (o: Observed): string => JSON.stringify(o.outcome === 'input-error' ? { outcome: o.outcome } : o);
  return key(a) === key(b);
}

function unmap(observed: Observed, mapping: CaseMapping): Observed {
  return 'requests' in observed ? unmapObservation(observed, mapping) : observed;
}

/** The case's exchanges as browser steps, with real waits for the case's times. */
function browserSteps(mapped: Case, harness: Harness, pageOrigins: readonly (string | null)[], select: (i: number) => void): BrowserStep[] {
  const exchanges = exchangesOf(mapped);
  return exchanges.map((exchange, i) => ({
    pageUrl: harness.pageUrl(pageOrigins[i] ?? null),
    waitMs: i === 0 ? 0 : Math.round(Math.max(0, exchange.at - exchanges[i - 1]!.at) * 1000),
    fetch: pageFetch(exchange),
    before: () => select(i),
  }));
}

/** Runs one case in the browser and in the model (profile `profile`), and compares what each shows. */
export async function runCaseInBrowser(c: Case, driver: BrowserDriver, harness: Harness, profile: ProfileName): Promise<CaseRun> {
  const names = caseOrigins(c);
  const origins = await harness.origins(names.length);
  let mapping: CaseMapping = { origins: [], prefix: '' };
  let mapped: Case = c;
  const session = harness.open((prefix) => {
    mapping = { origins: names.map((caseOrigin, i) => ({ caseOrigin, harnessOrigin: origins[i]! })), prefix };
    mapped = mapCase(c, mapping);
    return exchangesOf(mapped);
  });
  try {
    const model = modelObservations(mapped, profile);
    // An origin the model rejects still needs a page; the browser then refuses the same input (or not).
    const pageOrigins = exchangesOf(mapped).map(({ request }) =>
      (request.origin === 'null' ? null : origins.includes(request.origin) ? request.origin : origins[0]!));
    const results = await driver.runCase(browserSteps(mapped, harness, pageOrigins, (i) => session.select(i)));
    const browser = results.map((result, i) => browserObservation(result, session.logs[i] ?? []));
    const sameAt = model.map((m, i) => browser[i] !== undefined && sameObservation(m, browser[i]!));
    return {
      mapped, mapping, model: model.map((o) => unmap(o, mapping)), browser: browser.map((o) => unmap(o, mapping)),
      sameAt, same: model.length === browser.length && sameAt.every(Boolean), recorded: session.logs,
    };
  } finally {
    session.close();
  }
}
