/**
 * The CORS check does not look at the status: an error response with the right headers is shared
 * (script reads 4xx/5xx), one without them is a network error. A 401 is not retried under CORS.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 * @see https://fetch.spec.whatwg.org/#http-responses
 */
import { ACAO } from '../../../spec/headers.js';
import type { EdgeCase } from '../types.js';
import { PAGE, api, sentActual } from '../fixtures.js';

const sharedWith = (status: number) => ({
  id: `status/shared-${status}`,
  title: `A ${status} response with ACAO: shared, script reads the status`,
  digest: status === 401 ? 92 : 16,
  steps: ['concept-http-fetch:4.4', 'concept-cors-check:5'] as const,
  level: 'must' as const,
  case: {
    request: { url: api(`/status/shared-${status}`), origin: PAGE },
    response: { status, headers: { [ACAO]: PAGE, 'content-type': 'application/json' } },
  },
  expect: {
    kind: 'verdict' as const, outcome: 'ok' as const, preflightSent: false,
    requests: [sentActual('GET', api(`/status/shared-${status}`))],
    status, exposedHeaders: ['content-type'],
  },
});

const blockedWithout = (status: number) => ({
  id: `status/blocked-${status}-without-acao`,
  title: `A ${status} response without ACAO: blocked, script cannot read the error`,
  digest: status === 401 ? 92 : 16,
  steps: ['concept-http-fetch:4.4', 'concept-cors-check:2'] as const,
  level: 'must' as const,
  case: {
    request: { url: api(`/status/blocked-${status}-without-acao`), origin: PAGE },
    response: { status, headers: { 'content-type': 'application/json' } },
  },
  expect: {
    kind: 'verdict' as const, outcome: 'network-error' as const, failedAt: 'concept-cors-check:2' as const,
    preflightSent: false,
    requests: [sentActual('GET', api(`/status/blocked-${status}-without-acao`))],
  },
});

export const anyStatusCases = [
  sharedWith(404),
  sharedWith(500),
  sharedWith(503),
  blockedWithout(403),
  blockedWithout(500),
  // A 401 under cors tainting is returned as is (no prompt, no retry) and then CORS-checked.
  sharedWith(401),
  blockedWithout(401),
] as const satisfies readonly EdgeCase[];
