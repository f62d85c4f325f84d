/**
 * Access-Control-Allow-Credentials and the "*" origin: with credentials mode "include" the CORS
 * check needs the exact origin and ACAC exactly `true` (steps 3-8); otherwise ACAC is ignored.
 * @see https://fetch.spec.whatwg.org/#concept-cors-check
 */
import { ACAC, ACAO } from '../../../spec/headers.js';
import type { CaseHeaders, CredentialsMode } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, api, sentActual } from '../fixtures.js';

const get = (path: string, headers: CaseHeaders, credentials: CredentialsMode) => ({
  request: { url: api(path), origin: PAGE, credentials },
  response: { status: 200, headers },
});

const blockedAt = (step: 'concept-cors-check:4' | 'concept-cors-check:8', path: string) => ({
  kind: 'verdict' as const,
  outcome: 'network-error' as const,
  failedAt: step,
  preflightSent: false,
  requests: [sentActual('GET', api(path))],
});

const shared = (path: string) => ({
  kind: 'verdict' as const,
  outcome: 'ok' as const,
  preflightSent: false,
  requests: [sentActual('GET', api(path))],
  status: 200,
  exposedHeaders: [],
});

export const credentialsCases = [
  {
    id: 'acac/exact-true',
    title: 'Credentialed GET, exact origin and ACAC true: shared',
    steps: ['concept-cors-check:7'],
    level: 'must',
    case: get('/acac/exact-true', { [ACAO]: PAGE, [ACAC]: 'true' }, 'include'),
    expect: shared('/acac/exact-true'),
  },
  {
    id: 'acac/wildcard-credentialed',
    title: 'ACAO "*" with ACAC true on a credentialed GET: blocked',
    digest: 9,
    steps: ['concept-cors-check:3', 'concept-cors-check:4'],
    level: 'must',
    case: get('/acac/wildcard-credentialed', { [ACAO]: '*', [ACAC]: 'true' }, 'include'),
    expect: blockedAt('concept-cors-check:4', '/acac/wildcard-credentialed'),
  },
  {
    id: 'acac/wildcard-omit',
    title: 'ACAO "*" on a GET with credentials omit: shared',
    digest: 10,
    steps: ['concept-cors-check:3'],
    level: 'must',
    case: get('/acac/wildcard-omit', { [ACAO]: '*' }, 'omit'),
    expect: shared('/acac/wildcard-omit'),
  },
  {
    id: 'acac/wildcard-ignores-acac-true',
    title: 'ACAO "*" and ACAC true on an uncredentialed GET: shared, ACAC is ignored',
    digest: 10,
    steps: ['concept-cors-check:3'],
    level: 'must',
    case: get('/acac/wildcard-ignores-acac-true', { [ACAO]: '*', [ACAC]: 'true' }, 'same-origin'),
    expect: shared('/acac/wildcard-ignores-acac-true'),
  },
  {
    id: 'acac/false-with-wildcard',
    title: 'ACAO "*" and ACAC false on an uncredentialed GET: shared, ACAC is ignored',
    digest: 25,
    steps: ['concept-cors-check:3'],
    level: 'must',
    case: get('/acac/false-with-wildcard', { [ACAO]: '*', [ACAC]: 'false' }, 'same-origin'),
    expect: shared('/acac/false-with-wildcard'),
  },
  {
    id: 'acac/ignored-without-include',
    title: 'Exact origin and ACAC "nope" on an uncredentialed GET: shared, ACAC is not read',
    digest: 25,
    steps: ['concept-cors-check:5'],
    level: 'must',
    case: get('/acac/ignored-without-include', { [ACAO]: PAGE, [ACAC]: 'nope' }, 'omit'),
    expect: shared('/acac/ignored-without-include'),
  },
  {
    id: 'acac/absent-credentialed',
    title: 'Credentialed GET, exact origin, no ACAC: blocked',
    digest: 20,
    steps: ['concept-cors-check:6', 'concept-cors-check:8'],
    level: 'must',
    case: get('/acac/absent-credentialed', { [ACAO]: PAGE }, 'include'),
    expect: blockedAt('concept-cors-check:8', '/acac/absent-credentialed'),
  },
  ...([['titlecase', 'True'], ['uppercase', 'TRUE'], ['one', '1'], ['yes', 'yes']] as const).map(([slug, value]) => ({
    id: `acac/not-exactly-true-${slug}`,
    title: `Credentialed GET with ACAC "${value}": blocked, only the exact byte sequence "true" passes`,
    digest: 21,
    steps: ['concept-cors-check:7', 'concept-cors-check:8', 'http-new-header-syntax'] as const,
    level: 'must' as const,
    case: get(`/acac/not-exactly-true-${slug}`, { [ACAO]: PAGE, [ACAC]: value }, 'include'),
    expect: blockedAt('concept-cors-check:8', `/acac/not-exactly-true-${slug}`),
  })),
  {
    id: 'acac/duplicate-true-lines',
    title: 'Two ACAC true lines: blocked, they combine into "true, true"',
    digest: 22,
    steps: ['concept-header-list-get', 'concept-cors-check:8'],
    level: 'must',
    case: get('/acac/duplicate-true-lines', { [ACAO]: PAGE, [ACAC]: ['true', 'true'] }, 'include'),
    expect: blockedAt('concept-cors-check:8', '/acac/duplicate-true-lines'),
  },
] as const satisfies readonly EdgeCase[];
