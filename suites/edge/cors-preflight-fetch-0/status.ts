/**
 * Judging a preflight response: the CORS check (with the actual request's credentials mode) and an
 * ok status (200-299) are both required (step 7); otherwise the actual request is never sent.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
import { ACAC, ACAM, ACAO, ACRH, ACRM, AUTHORIZATION, LOCATION, ORIGIN } from '../../../spec/headers.js';
import type { CaseHeaders } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowCredentials, allowOrigin, api, preflightOk, sentActual, sentPreflight } from '../fixtures.js';

/** A PUT (so a preflight is needed) whose preflight gets `status` and `headers`. */
const put = (path: string, status: number, headers: CaseHeaders) => ({
  request: { url: api(path), method: 'PUT', origin: PAGE, body: true },
  preflight: { status, headers },
  response: { status: 200, headers: allowOrigin() },
});

const preflightFails = (path: string, failedAt: 'cors-preflight-fetch-0:7' | 'concept-cors-check:2') => ({
  kind: 'verdict' as const,
  outcome: 'network-error' as const,
  failedAt,
  preflightSent: true,
  requests: [sentPreflight(api(path), 'PUT', null)],
});

const passes = (path: string) => ({
  kind: 'verdict' as const,
  outcome: 'ok' as const,
  preflightSent: true,
  fromCache: false,
  requests: [sentPreflight(api(path), 'PUT', null), sentActual('PUT', api(path))],
  status: 200,
  exposedHeaders: [],
});

const okStatus = (status: number) => ({
  id: `preflight/status-${status}`,
  title: `Preflight answered ${status} with the right headers: passes`,
  digest: 26,
  steps: ['cors-preflight-fetch-0:7', 'ok-status'] as const,
  level: 'must' as const,
  case: put(`/preflight/status-${status}`, status, preflightOk({ methods: 'PUT' })),
  expect: passes(`/preflight/status-${status}`),
});

const notOkStatus = (status: number, digest: number) => ({
  id: `preflight/status-${status}`,
  title: `Preflight answered ${status} (with ACAO and ACAM): fails, not an ok status`,
  digest,
  steps: ['cors-preflight-fetch-0:7', 'ok-status'] as const,
  level: 'must' as const,
  case: put(`/preflight/status-${status}`, status, {
    ...preflightOk({ methods: 'PUT' }),
    ...(status >= 300 && status < 400 ? { [LOCATION]: api(`/preflight/status-${status}/`) } : {}),
  }),
  expect: preflightFails(`/preflight/status-${status}`, 'cors-preflight-fetch-0:7'),
});

export const preflightStatusCases = [
  {
    id: 'preflight/put-passes',
    title: 'PUT preflight with ACAO and ACAM PUT: the preflight carries ACRM and no ACRH, then the PUT is sent',
    steps: ['cors-preflight-fetch-0:3', 'cors-preflight-fetch-0:5', 'cors-preflight-fetch-0:7.5'],
    level: 'must',
    case: put('/preflight/put-passes', 204, preflightOk({ methods: 'PUT' })),
    expect: passes('/preflight/put-passes'),
  },
  okStatus(200),
  okStatus(202),
  okStatus(299),
  notOkStatus(301, 27),
  notOkStatus(302, 27),
  notOkStatus(307, 27),
  notOkStatus(308, 27),
  notOkStatus(401, 28),
  notOkStatus(403, 28),
  notOkStatus(404, 29),
  notOkStatus(405, 29),
  notOkStatus(500, 29),
  notOkStatus(501, 29),
  {
    id: 'preflight/redirect-without-acao',
    title: 'Preflight answered 302 without CORS headers: fails at the CORS check, redirects are not followed',
    digest: 27,
    steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:2'],
    level: 'must',
    case: put('/preflight/redirect-without-acao', 302, { [LOCATION]: api('/preflight/redirect-without-acao/') }),
    expect: preflightFails('/preflight/redirect-without-acao', 'concept-cors-check:2'),
  },
  {
    id: 'preflight/404-without-acao',
    title: 'Preflight answered 404 without CORS headers (no OPTIONS route): fails at the CORS check',
    digest: 29,
    steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:2'],
    level: 'must',
    case: put('/preflight/404-without-acao', 404, {}),
    expect: preflightFails('/preflight/404-without-acao', 'concept-cors-check:2'),
  },
  {
    id: 'preflight/acao-only-on-actual',
    title: 'ACAO on the actual response but not on the preflight: the preflight fails, the PUT is never sent',
    digest: 17,
    steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:2'],
    level: 'must',
    case: put('/preflight/acao-only-on-actual', 204, { [ACAM]: 'PUT' }),
    expect: preflightFails('/preflight/acao-only-on-actual', 'concept-cors-check:2'),
  },
  {
    id: 'preflight/credentialed-missing-acac',
    title: 'Credentialed PUT whose preflight has the origin but no ACAC: fails, the preflight is checked with the actual credentials mode',
    digest: 23,
    steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:8'],
    level: 'must',
    case: {
      request: { url: api('/preflight/credentialed-missing-acac'), method: 'PUT', origin: PAGE, credentials: 'include', body: true },
      preflight: { status: 204, headers: { [ACAO]: PAGE, [ACAM]: 'PUT' } },
      response: { status: 200, headers: allowCredentials() },
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:8', preflightSent: true,
      requests: [sentPreflight(api('/preflight/credentialed-missing-acac'), 'PUT', null)],
    },
  },
  {
    id: 'preflight/credentialed-wildcard-acao',
    title: 'Credentialed PUT whose preflight answers ACAO "*" and ACAC true: fails',
    digest: 23,
    steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:4'],
    level: 'must',
    case: {
      request: { url: api('/preflight/credentialed-wildcard-acao'), method: 'PUT', origin: PAGE, credentials: 'include', body: true },
      preflight: { status: 204, headers: { [ACAO]: '*', [ACAC]: 'true', [ACAM]: 'PUT' } },
      response: { status: 200, headers: allowCredentials() },
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:4', preflightSent: true,
      requests: [sentPreflight(api('/preflight/credentialed-wildcard-acao'), 'PUT', null)],
    },
  },
  {
    id: 'preflight/credentialed-passes',
    title: 'Credentialed PUT with exact origin and ACAC true on both preflight and response: passes',
    digest: 23,
    steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:7'],
    level: 'must',
    case: {
      request: { url: api('/preflight/credentialed-passes'), method: 'PUT', origin: PAGE, credentials: 'include', body: true },
      preflight: { status: 204, headers: preflightOk({ methods: 'PUT', credentials: true }) },
      response: { status: 200, headers: allowCredentials() },
    },
    expect: passes('/preflight/credentialed-passes'),
  },
  {
    id: 'preflight/actual-lacks-acao',
    title: 'Preflight passes but the actual response has no ACAO: blocked after the PUT reached the server',
    digest: 31,
    steps: ['concept-http-fetch:4.4', 'concept-cors-check:2'],
    level: 'must',
    case: {
      request: { url: api('/preflight/actual-lacks-acao'), method: 'PUT', origin: PAGE, body: true },
      preflight: { status: 204, headers: preflightOk({ methods: 'PUT' }) },
      response: { status: 200, headers: {} },
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: true,
      requests: [
        sentPreflight(api('/preflight/actual-lacks-acao'), 'PUT', null),
        sentActual('PUT', api('/preflight/actual-lacks-acao')),
      ],
    },
  },
  {
    id: 'preflight/auth-required-on-options',
    title: 'Credentialed request with Authorization whose preflight is answered 401 by auth middleware: fails, the preflight carries no credentials',
    digest: 91,
    steps: ['cors-preflight-fetch-0:1', 'cors-preflight-fetch-0:7'],
    level: 'must',
    case: {
      request: {
        url: api('/preflight/auth-required-on-options'), origin: PAGE, credentials: 'include',
        headers: { Authorization: 'Bearer t' },
      },
      preflight: { status: 401, headers: preflightOk({ headers: 'authorization', credentials: true }) },
      response: { status: 200, headers: allowCredentials() },
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7', preflightSent: true,
      requests: [{
        kind: 'preflight', method: 'OPTIONS', url: api('/preflight/auth-required-on-options'),
        headers: {
          [ORIGIN]: PAGE, [ACRM]: 'GET', [ACRH]: 'authorization',
          [AUTHORIZATION]: null, cookie: null,
        },
      }],
    },
  },
] as const satisfies readonly EdgeCase[];
