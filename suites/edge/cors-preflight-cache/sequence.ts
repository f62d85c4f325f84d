/**
 * Builders for preflight-cache sequences: earlier requests (history) fill the cache, then the main
 * request at time `at` either is answered by the cache or sends a new preflight.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-cache
 */
import type { Case, CaseHeaders, CaseHistoryEntry, CaseRequest } from '../../../reference/browser/types.js';
import type { Expectation } from '../types.js';
import { PAGE, allowOrigin, sentActual, sentPreflight } from '../fixtures.js';

/** One earlier exchange: its preflight answer (status 204) and its actual response (status 200). */
export const earlier = (
  at: number,
  request: CaseRequest,
  preflight: CaseHeaders,
  response: CaseHeaders = allowOrigin(),
): CaseHistoryEntry => ({ at, request, preflight: { status: 204, headers: preflight }, response: { status: 200, headers: response } });

/** The main request at `at`; `preflight` answers it if the cache does not. */
export const later = (
  history: readonly CaseHistoryEntry[],
  at: number,
  request: CaseRequest,
  preflight: CaseHeaders,
  response: CaseHeaders = allowOrigin(),
): Case => ({
  history,
  at,
  request,
  preflight: { status: 204, headers: preflight },
  response: { status: 200, headers: response },
});

/** The cache answered: no preflight, only the actual request. */
export const fromCache = (url: string, method: string, origin: string = PAGE): Expectation => ({
  kind: 'verdict', outcome: 'ok', preflightSent: false, fromCache: true,
  requests: [sentActual(method, url, origin)], status: 200,
});

/** The cache did not answer: a new preflight (with `acrh`, or none) and then the actual request. */
export const preflightAgain = (url: string, method: string, acrh: string | null, origin: string = PAGE): Expectation => ({
  kind: 'verdict', outcome: 'ok', preflightSent: true, fromCache: false,
  requests: [sentPreflight(url, method, acrh, origin), sentActual(method, url, origin)], status: 200,
});
