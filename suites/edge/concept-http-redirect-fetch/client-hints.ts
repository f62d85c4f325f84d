/**
 * The spec keeps every author header but Authorization across a redirect (step 13). Chromium also
 * removes the legacy client hints (DPR, Width, …) when the redirect leads away from the page's origin,
 * script-set ones included, so the new origin neither receives them nor sees them in ACRH.
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import type { CaseRequest } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, own, preflightOk, sentActual, sentPreflight } from '../fixtures.js';
import { hop, land, preflightAt } from './chain.js';

const hints = { Width: '1.5', 'X-A': '1' } as const;
const within = { from: api('/redirect/client-hints-within-api'), to: api('/redirect/client-hints-within-api/next') };
const toPage = { from: api('/redirect/client-hints-to-page'), to: own('/redirect/client-hints-to-page/next') };

/** A GET with Width (unsafe: not digits only) and X-A, redirected from `from` to `to`; every preflight allows `*`. */
const redirected = (path: { from: string; to: string }): { request: CaseRequest; responses: EdgeCase['case']['responses'] } => ({
  request: { url: path.from, origin: PAGE, headers: hints },
  responses: [
    preflightAt(path.from, preflightOk({ headers: '*' })),
    hop(path.from, 302, path.to, allowOrigin()),
    preflightAt(path.to, preflightOk({ headers: '*', origin: '*' })),
    land(path.to, allowOrigin({}, '*')),
  ],
});

export const redirectClientHintCases = [
  {
    id: 'redirect/client-hints-within-api',
    title: 'Width and X-A on a GET redirected within the API: both kept and preflighted again (Chromium removes Width)',
    steps: ['concept-http-redirect-fetch:13', 'cors-unsafe-request-header-names'], level: 'info',
    case: redirected(within),
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
      requests: [
        sentPreflight(within.from, 'GET', 'width,x-a'), sentActual('GET', within.from, PAGE, { width: '1.5' }),
        sentPreflight(within.to, 'GET', 'width,x-a'), sentActual('GET', within.to, PAGE, { width: '1.5' }),
      ],
    },
    // Measured in Chromium 156.
    profiles: {
      chromium: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
        requests: [
          sentPreflight(within.from, 'GET', 'width,x-a'), sentActual('GET', within.from, PAGE, { width: '1.5' }),
          sentPreflight(within.to, 'GET', 'x-a'), sentActual('GET', within.to, PAGE, { width: null }),
        ],
      },
    },
  },
  {
    id: 'redirect/client-hints-to-page',
    title: 'Width and X-A on a GET redirected back to the page\'s origin: kept everywhere, Chromium included',
    steps: ['concept-http-redirect-fetch:13', 'concept-request-tainted-origin'], level: 'info',
    case: redirected(toPage),
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
      requests: [
        sentPreflight(toPage.from, 'GET', 'width,x-a'), sentActual('GET', toPage.from, PAGE, { width: '1.5' }),
        sentPreflight(toPage.to, 'GET', 'width,x-a', 'null'), sentActual('GET', toPage.to, 'null', { width: '1.5' }),
      ],
    },
    // Measured in Firefox 153 ESR: the preflight carries the page's origin, the GET after it `null`.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
        requests: [
          sentPreflight(toPage.from, 'GET', 'width,x-a'), sentActual('GET', toPage.from, PAGE, { width: '1.5' }),
          sentPreflight(toPage.to, 'GET', 'width,x-a', PAGE), sentActual('GET', toPage.to, 'null', { width: '1.5' }),
        ],
      },
    },
  },
] as const satisfies readonly EdgeCase[];
