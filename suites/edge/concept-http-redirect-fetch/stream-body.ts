/**
 * A request whose body is a stream (`useCorsPreflight: true, body: true` in a case) cannot be replayed:
 * any redirect but 303 is a network error (step 11). A 303 drops the body, but the use-CORS-preflight
 * flag stays set, so the GET that follows is preflighted again.
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, preflightOk, sentActual, sentPreflight } from '../fixtures.js';
import { hop, land, preflightAt } from './chain.js';

const notReplayable = (status: number): EdgeCase => {
  const from = api(`/redirect/stream-body-${status}`);
  const to = api(`/redirect/stream-body-${status}/next`);
  return {
    id: `redirect/stream-body-${status}`,
    title: `A stream-body POST answered ${status}: blocked, the body cannot be sent again`,
    digest: 82, steps: ['concept-http-redirect-fetch:11'], level: 'must',
    case: {
      request: { url: from, method: 'POST', origin: PAGE, useCorsPreflight: true, body: true },
      responses: [
        preflightAt(from, preflightOk()),
        hop(from, status, to, allowOrigin()),
        preflightAt(to, preflightOk()),
        land(to, allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-http-redirect-fetch:11', preflightSent: true,
      requests: [sentPreflight(from, 'POST', null), sentActual('POST', from)],
    },
  };
};

const from303 = api('/redirect/stream-body-303');
const to303 = api('/redirect/stream-body-303/next');

export const redirectStreamBodyCases = [
  notReplayable(307),
  notReplayable(308),
  notReplayable(302),
  notReplayable(301),
  {
    id: 'redirect/stream-body-303',
    title: 'A stream-body POST answered 303: the GET that follows has no body but is preflighted (the flag stays set)',
    digest: 82, steps: ['concept-http-redirect-fetch:11', 'concept-http-redirect-fetch:12', 'concept-main-fetch:12'], level: 'info',
    case: {
      request: { url: from303, method: 'POST', origin: PAGE, useCorsPreflight: true, body: true },
      responses: [
        preflightAt(from303, preflightOk()),
        hop(from303, 303, to303, allowOrigin()),
        preflightAt(to303, preflightOk()),
        land(to303, allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [sentPreflight(from303, 'POST', null), sentActual('POST', from303), sentPreflight(to303, 'GET', null), sentActual('GET', to303)],
      status: 200, exposedHeaders: [],
    },
  },
] as const satisfies readonly EdgeCase[];
