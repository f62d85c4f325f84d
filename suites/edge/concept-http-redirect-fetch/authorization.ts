/**
 * Authorization is deleted when a redirect goes to another origin (step 13), so the new origin never
 * sees it and it no longer asks for a preflight; a same-origin redirect keeps it.
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import { ACAO, AUTHORIZATION } from '../../../spec/headers.js';
import type { EdgeCase, Expectation } from '../types.js';
import { PAGE, allowOrigin, api, other, own, preflightOk, sentActual, sentPreflight } from '../fixtures.js';
import { hop, land, preflightAt } from './chain.js';

const BEARER = 'Bearer t';
const dropped = { from: api('/redirect/authorization-dropped'), to: other('/redirect/authorization-dropped') };
const droppedAcrh = { from: api('/redirect/authorization-dropped-acrh'), to: other('/redirect/authorization-dropped-acrh') };
const sameToOther = { from: own('/redirect/same-origin-authorization-to-another-origin'), to: other('/redirect/same-origin-authorization-to-another-origin') };
const kept = { from: api('/redirect/authorization-kept-same-origin'), to: api('/redirect/authorization-kept-same-origin/next') };

/** An engine that preflights the GET after Authorization was removed: ACRH `acrh` there, Origin `origin` on that preflight. */
const droppedThenPreflighted = (urls: { from: string; to: string }, acrh: string | null, origin: string): Expectation => ({
  kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
  requests: [
    sentPreflight(urls.from, 'GET', 'authorization'),
    sentActual('GET', urls.from, PAGE, { [AUTHORIZATION]: BEARER }),
    sentPreflight(urls.to, 'GET', acrh, origin),
    sentActual('GET', urls.to, 'null', { [AUTHORIZATION]: null }),
  ],
});

export const redirectAuthorizationCases = [
  {
    id: 'redirect/authorization-dropped',
    title: 'A GET with Authorization redirected to another origin: Authorization is removed, no preflight there',
    digest: 81, steps: ['concept-http-redirect-fetch:13', 'cors-non-wildcard-request-header-name'], level: 'must',
    case: {
      request: { url: dropped.from, origin: PAGE, headers: { Authorization: BEARER } },
      responses: [
        preflightAt(dropped.from, preflightOk({ headers: 'authorization' })),
        hop(dropped.from, 302, dropped.to, allowOrigin()),
        // Only the engines that preflight every hop after a preflighted one ask for this.
        preflightAt(dropped.to, preflightOk({ headers: 'authorization', origin: '*' })),
        land(dropped.to, { [ACAO]: '*' }),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(dropped.from, 'GET', 'authorization'),
        sentActual('GET', dropped.from, PAGE, { [AUTHORIZATION]: BEARER }),
        sentActual('GET', dropped.to, 'null', { [AUTHORIZATION]: null }),
      ],
      status: 200, exposedHeaders: [],
    },
    // Measured: Firefox 153 ESR preflights the GET there (with the page's origin, without Authorization);
    // WebKitGTK 2.50 preflights it listing the Authorization it removed from the GET.
    profiles: {
      firefox: droppedThenPreflighted(dropped, null, PAGE),
      webkit: droppedThenPreflighted(dropped, 'authorization', 'null'),
    },
  },
  {
    id: 'redirect/authorization-dropped-acrh',
    title: 'Authorization and X-Foo redirected to another origin: the preflight there lists only x-foo',
    digest: 81, steps: ['concept-http-redirect-fetch:13', 'cors-preflight-fetch-0:5'], level: 'must',
    case: {
      request: { url: droppedAcrh.from, origin: PAGE, headers: { Authorization: BEARER, 'X-Foo': '1' } },
      responses: [
        preflightAt(droppedAcrh.from, preflightOk({ headers: 'authorization, x-foo' })),
        hop(droppedAcrh.from, 302, droppedAcrh.to, allowOrigin()),
        preflightAt(droppedAcrh.to, preflightOk({ headers: 'x-foo', origin: 'null' })),
        land(droppedAcrh.to, allowOrigin({}, 'null')),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(droppedAcrh.from, 'GET', 'authorization,x-foo'),
        sentActual('GET', droppedAcrh.from, PAGE, { [AUTHORIZATION]: BEARER, 'x-foo': '1' }),
        sentPreflight(droppedAcrh.to, 'GET', 'x-foo', 'null'),
        sentActual('GET', droppedAcrh.to, 'null', { [AUTHORIZATION]: null, 'x-foo': '1' }),
      ],
      status: 200, exposedHeaders: [],
    },
    // Measured: Firefox 153 ESR's preflight there carries the page's origin, which ACAO null does not
    // match; WebKitGTK 2.50's lists the removed Authorization, which ACAH x-foo does not allow.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:4', preflightSent: true,
        requests: [
          sentPreflight(droppedAcrh.from, 'GET', 'authorization,x-foo'),
          sentActual('GET', droppedAcrh.from, PAGE, { [AUTHORIZATION]: BEARER, 'x-foo': '1' }),
          sentPreflight(droppedAcrh.to, 'GET', 'x-foo', PAGE),
        ],
      },
      webkit: {
        kind: 'verdict', outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7.6', preflightSent: true,
        requests: [
          sentPreflight(droppedAcrh.from, 'GET', 'authorization,x-foo'),
          sentActual('GET', droppedAcrh.from, PAGE, { [AUTHORIZATION]: BEARER, 'x-foo': '1' }),
          sentPreflight(droppedAcrh.to, 'GET', 'authorization,x-foo', 'null'),
        ],
      },
    },
  },
  {
    id: 'redirect/authorization-kept-same-origin',
    title: 'A GET with Authorization redirected within the API origin: Authorization is kept and preflighted at the new URL',
    digest: 81, steps: ['concept-http-redirect-fetch:13'], level: 'must',
    case: {
      request: { url: kept.from, origin: PAGE, headers: { Authorization: BEARER } },
      responses: [
        preflightAt(kept.from, preflightOk({ headers: 'authorization' })),
        hop(kept.from, 302, kept.to, allowOrigin()),
        preflightAt(kept.to, preflightOk({ headers: 'authorization' })),
        land(kept.to, allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(kept.from, 'GET', 'authorization'),
        sentActual('GET', kept.from, PAGE, { [AUTHORIZATION]: BEARER }),
        sentPreflight(kept.to, 'GET', 'authorization'),
        sentActual('GET', kept.to, PAGE, { [AUTHORIZATION]: BEARER }),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/same-origin-authorization-to-another-origin',
    title: 'A same-origin GET with Authorization redirected to another origin: Authorization is removed, so a plain CORS GET follows',
    digest: 81, steps: ['concept-http-redirect-fetch:13', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: { url: sameToOther.from, origin: PAGE, headers: { Authorization: BEARER } },
      responses: [
        hop(sameToOther.from, 302, sameToOther.to),
        // Only an engine that still counts the removed Authorization asks for this.
        preflightAt(sameToOther.to, preflightOk({ headers: 'authorization', origin: '*' })),
        land(sameToOther.to, { [ACAO]: '*' }),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200, exposedHeaders: [],
      requests: [sentActual('GET', sameToOther.from, null, { [AUTHORIZATION]: BEARER }), sentActual('GET', sameToOther.to, PAGE, { [AUTHORIZATION]: null })],
    },
    // Measured: Firefox 153 ESR preflights the GET there (it started with an unsafe header); WebKitGTK 2.50
    // preflights it for the Authorization it no longer carries.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
        requests: [
          sentActual('GET', sameToOther.from, null, { [AUTHORIZATION]: BEARER }),
          sentPreflight(sameToOther.to, 'GET', null), sentActual('GET', sameToOther.to, PAGE, { [AUTHORIZATION]: null }),
        ],
      },
      webkit: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
        requests: [
          sentActual('GET', sameToOther.from, null, { [AUTHORIZATION]: BEARER }),
          sentPreflight(sameToOther.to, 'GET', 'authorization'), sentActual('GET', sameToOther.to, PAGE, { [AUTHORIZATION]: null }),
        ],
      },
    },
  },
] as const satisfies readonly EdgeCase[];
