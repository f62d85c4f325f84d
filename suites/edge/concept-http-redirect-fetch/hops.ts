/**
 * Every response on a CORS redirect chain is CORS-checked, 3xx included (HTTP fetch step 4.4); a
 * redirect without Location is handed to script as it is.
 * @see https://fetch.spec.whatwg.org/#concept-http-fetch
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import { ACAC, ACAO } from '../../../spec/headers.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, other, sentActual } from '../fixtures.js';
import { hop, land } from './chain.js';

export const redirectHopCases = [
  {
    id: 'redirect/hop-without-acao',
    title: 'A cross-origin 302 without CORS headers: blocked at that hop, the target is never requested',
    digest: 73, steps: ['concept-http-fetch:4.4', 'concept-cors-check:2'], level: 'must',
    case: {
      request: { url: api('/redirect/hop-without-acao'), origin: PAGE },
      responses: [hop(api('/redirect/hop-without-acao'), 302, other('/redirect/hop-without-acao')), land(other('/redirect/hop-without-acao'), allowOrigin({}, '*'))],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: false,
      requests: [sentActual('GET', api('/redirect/hop-without-acao'))],
    },
  },
  {
    id: 'redirect/same-origin-hop-without-acao',
    title: 'A 302 to another path of the same API origin without CORS headers: blocked too',
    digest: 73, steps: ['concept-http-fetch:4.4', 'concept-cors-check:2'], level: 'must',
    case: {
      request: { url: api('/redirect/same-origin-hop-without-acao'), origin: PAGE },
      responses: [
        hop(api('/redirect/same-origin-hop-without-acao'), 302, api('/redirect/same-origin-hop-without-acao/next')),
        land(api('/redirect/same-origin-hop-without-acao/next'), allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: false,
      requests: [sentActual('GET', api('/redirect/same-origin-hop-without-acao'))],
    },
  },
  {
    id: 'redirect/hop-wrong-acao',
    title: 'A 302 whose ACAO names another origin: blocked at that hop',
    digest: 73, steps: ['concept-http-fetch:4.4', 'concept-cors-check:4'], level: 'must',
    case: {
      request: { url: api('/redirect/hop-wrong-acao'), origin: PAGE },
      responses: [
        hop(api('/redirect/hop-wrong-acao'), 302, api('/redirect/hop-wrong-acao/next'), { [ACAO]: 'https://other.example' }),
        land(api('/redirect/hop-wrong-acao/next'), allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:4', preflightSent: false,
      requests: [sentActual('GET', api('/redirect/hop-wrong-acao'))],
    },
  },
  {
    id: 'redirect/credentialed-hop-needs-acac',
    title: 'A credentialed request whose 302 has the exact origin but no ACAC: blocked at that hop',
    digest: 73, steps: ['concept-http-fetch:4.4', 'concept-cors-check:8'], level: 'must',
    case: {
      request: { url: api('/redirect/credentialed-hop-needs-acac'), origin: PAGE, credentials: 'include' },
      responses: [
        hop(api('/redirect/credentialed-hop-needs-acac'), 302, api('/redirect/credentialed-hop-needs-acac/next'), { [ACAO]: PAGE }),
        land(api('/redirect/credentialed-hop-needs-acac/next'), { [ACAO]: PAGE, [ACAC]: 'true' }),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:8', preflightSent: false,
      requests: [sentActual('GET', api('/redirect/credentialed-hop-needs-acac'))],
    },
  },
  {
    id: 'redirect/relative-location',
    title: 'A relative Location is resolved against the response URL and followed; both requests carry the page origin',
    steps: ['concept-response-location-url', 'concept-http-redirect-fetch:3'], level: 'must',
    case: {
      request: { url: api('/redirect/relative-location'), origin: PAGE },
      responses: [
        hop(api('/redirect/relative-location'), 302, '/redirect/relative-location/next', allowOrigin()),
        land(api('/redirect/relative-location/next'), allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', api('/redirect/relative-location')), sentActual('GET', api('/redirect/relative-location/next'))],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/no-location',
    title: 'A 302 without Location but with ACAO: not followed, script sees the 302',
    steps: ['concept-http-redirect-fetch:4'], level: 'must',
    case: {
      request: { url: api('/redirect/no-location'), origin: PAGE },
      responses: [hop(api('/redirect/no-location'), 302, null, allowOrigin())],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', api('/redirect/no-location'))], status: 302, exposedHeaders: [],
    },
  },
] as const satisfies readonly EdgeCase[];
