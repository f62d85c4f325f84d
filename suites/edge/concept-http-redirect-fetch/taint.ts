/**
 * Redirect-taint: once a hop leaves a URL that is not the page's origin for another origin, the
 * request origin serializes as "null" for the rest of the chain, preflights included, and the CORS
 * check compares against "null". Tainting stays cors even back on the page's own origin.
 * @see https://fetch.spec.whatwg.org/#concept-request-tainted-origin
 * @see https://fetch.spec.whatwg.org/#serializing-a-request-origin
 */
import { ACAC, ACAM, ACAO } from '../../../spec/headers.js';
import type { CaseHeaders } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, other, own, preflightOk, sentActual, sentPreflight } from '../fixtures.js';
import { hop, land, preflightAt } from './chain.js';

/** GET api → 302 → `target`, which answers with `targetHeaders`. */
const twoHops = (slug: string, target: string, targetHeaders: CaseHeaders, credentialed = false) => ({
  request: { url: api(`/redirect/${slug}`), origin: PAGE, ...(credentialed ? { credentials: 'include' as const } : {}) },
  responses: [
    hop(api(`/redirect/${slug}`), 302, target, credentialed ? { [ACAO]: PAGE, [ACAC]: 'true' } : allowOrigin()),
    land(target, targetHeaders),
  ],
});

const chain = (slug: string, target: string) => [sentActual('GET', api(`/redirect/${slug}`)), sentActual('GET', target, 'null')];

const okAt = (slug: string, target: string) => ({
  kind: 'verdict' as const, outcome: 'ok' as const, preflightSent: false, requests: chain(slug, target), status: 200, exposedHeaders: [],
});

const failsAt = (slug: string, target: string, failedAt: 'concept-cors-check:2' | 'concept-cors-check:4') => ({
  kind: 'verdict' as const, outcome: 'network-error' as const, failedAt, preflightSent: false, requests: chain(slug, target),
});

const taintSteps = ['concept-request-tainted-origin', 'serializing-a-request-origin', 'concept-cors-check:4'] as const;

const crossNull = other('/redirect/cross-origin-null-denied');
const crossNullOk = other('/redirect/cross-origin-null-allowed');
const crossStar = other('/redirect/cross-origin-wildcard');
const credNull = other('/redirect/cross-origin-credentialed-null');
const credStar = other('/redirect/cross-origin-credentialed-wildcard');
const backNull = own('/redirect/back-to-page-origin-null');
const backNone = own('/redirect/back-to-page-origin-no-acao');
const backEcho = own('/redirect/back-to-page-origin-echo');
const toPage = own('/redirect/preflight-to-page-origin/next');

export const redirectTaintCases = [
  {
    id: 'redirect/cross-origin-null-denied',
    title: 'api → 302 → a third origin answering ACAO with the page origin: blocked, the request there carries Origin: null',
    digest: 74, steps: taintSteps, level: 'must',
    case: twoHops('cross-origin-null-denied', crossNull, allowOrigin()),
    expect: failsAt('cross-origin-null-denied', crossNull, 'concept-cors-check:4'),
  },
  {
    id: 'redirect/cross-origin-null-allowed',
    title: 'api → 302 → a third origin answering ACAO null: shared',
    digest: 18, steps: taintSteps, level: 'must',
    case: twoHops('cross-origin-null-allowed', crossNullOk, allowOrigin({}, 'null')),
    expect: okAt('cross-origin-null-allowed', crossNullOk),
  },
  {
    id: 'redirect/cross-origin-wildcard',
    title: 'api → 302 → a third origin answering ACAO "*" without credentials: shared',
    digest: 74, steps: ['concept-request-tainted-origin', 'concept-cors-check:3'], level: 'must',
    case: twoHops('cross-origin-wildcard', crossStar, allowOrigin({}, '*')),
    expect: okAt('cross-origin-wildcard', crossStar),
  },
  {
    id: 'redirect/cross-origin-credentialed-null',
    title: 'Credentialed: api → 302 → a third origin answering ACAO null and ACAC true: shared',
    digest: 74, steps: [...taintSteps, 'concept-cors-check:7'], level: 'must',
    case: twoHops('cross-origin-credentialed-null', credNull, { [ACAO]: 'null', [ACAC]: 'true' }, true),
    expect: okAt('cross-origin-credentialed-null', credNull),
  },
  {
    id: 'redirect/cross-origin-credentialed-wildcard',
    title: 'Credentialed: api → 302 → a third origin answering ACAO "*": blocked',
    digest: 74, steps: taintSteps, level: 'must',
    case: twoHops('cross-origin-credentialed-wildcard', credStar, { [ACAO]: '*', [ACAC]: 'true' }, true),
    expect: failsAt('cross-origin-credentialed-wildcard', credStar, 'concept-cors-check:4'),
  },
  {
    id: 'redirect/back-to-page-origin-null',
    title: 'api → 302 → the page\'s own origin: still a CORS request, with Origin: null; ACAO null is shared',
    digest: 75, steps: ['concept-main-fetch:12', ...taintSteps], level: 'must',
    case: twoHops('back-to-page-origin-null', backNull, allowOrigin({}, 'null')),
    expect: okAt('back-to-page-origin-null', backNull),
  },
  {
    id: 'redirect/back-to-page-origin-no-acao',
    title: 'api → 302 → the page\'s own origin answering without CORS headers: blocked, tainting stays cors',
    digest: 75, steps: ['concept-main-fetch:12', 'concept-cors-check:2'], level: 'must',
    case: twoHops('back-to-page-origin-no-acao', backNone, {}),
    expect: failsAt('back-to-page-origin-no-acao', backNone, 'concept-cors-check:2'),
  },
  {
    id: 'redirect/back-to-page-origin-echo',
    title: 'api → 302 → the page\'s own origin answering ACAO with the page origin: blocked, the request origin is now "null"',
    digest: 75, steps: taintSteps, level: 'must',
    case: twoHops('back-to-page-origin-echo', backEcho, allowOrigin()),
    expect: failsAt('back-to-page-origin-echo', backEcho, 'concept-cors-check:4'),
  },
  {
    id: 'redirect/same-origin-first-hop',
    title: 'Page origin → 302 → api: not tainted, the api request carries the page origin; the first GET carries none',
    steps: ['concept-request-tainted-origin', 'append-a-request-origin-header:4'], level: 'must',
    case: {
      request: { url: own('/redirect/same-origin-first-hop'), origin: PAGE },
      responses: [
        hop(own('/redirect/same-origin-first-hop'), 302, api('/redirect/same-origin-first-hop')),
        land(api('/redirect/same-origin-first-hop'), allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', own('/redirect/same-origin-first-hop'), null), sentActual('GET', api('/redirect/same-origin-first-hop'))],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/same-origin-first-hop-put',
    title: 'A same-origin PUT (Origin sent, no preflight) → 307 → api: preflighted at api with the page origin',
    steps: ['concept-main-fetch:12', 'append-a-request-origin-header:4', 'cors-preflight-fetch-0:1'], level: 'must',
    case: {
      request: { url: own('/redirect/same-origin-first-hop-put'), method: 'PUT', origin: PAGE, body: true },
      responses: [
        hop(own('/redirect/same-origin-first-hop-put'), 307, api('/redirect/same-origin-first-hop-put')),
        preflightAt(api('/redirect/same-origin-first-hop-put'), preflightOk({ methods: 'PUT' })),
        land(api('/redirect/same-origin-first-hop-put'), allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentActual('PUT', own('/redirect/same-origin-first-hop-put')),
        sentPreflight(api('/redirect/same-origin-first-hop-put'), 'PUT', null),
        sentActual('PUT', api('/redirect/same-origin-first-hop-put')),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/preflight-origin-null',
    title: 'A preflighted PUT → 307 → a third origin: the new preflight and the PUT there carry Origin: null',
    digest: 87, steps: ['concept-http-redirect-fetch:22', 'cors-preflight-fetch-0:1', 'concept-request-tainted-origin'], level: 'must',
    case: {
      request: { url: api('/redirect/preflight-origin-null'), method: 'PUT', origin: PAGE, body: true },
      responses: [
        preflightAt(api('/redirect/preflight-origin-null'), preflightOk({ methods: 'PUT' })),
        hop(api('/redirect/preflight-origin-null'), 307, other('/redirect/preflight-origin-null'), allowOrigin()),
        preflightAt(other('/redirect/preflight-origin-null'), preflightOk({ methods: 'PUT', origin: 'null' })),
        land(other('/redirect/preflight-origin-null'), allowOrigin({}, 'null')),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(api('/redirect/preflight-origin-null'), 'PUT', null),
        sentActual('PUT', api('/redirect/preflight-origin-null')),
        sentPreflight(other('/redirect/preflight-origin-null'), 'PUT', null, 'null'),
        sentActual('PUT', other('/redirect/preflight-origin-null'), 'null'),
      ],
      status: 200, exposedHeaders: [],
    },
    // Measured in Firefox 153 ESR: the preflight carries the page's origin, so ACAO null fails it.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:4', preflightSent: true,
        requests: [
          sentPreflight(api('/redirect/preflight-origin-null'), 'PUT', null),
          sentActual('PUT', api('/redirect/preflight-origin-null')),
          sentPreflight(other('/redirect/preflight-origin-null'), 'PUT', null, PAGE),
        ],
      },
    },
  },
  {
    id: 'redirect/preflight-origin-null-denied',
    title: 'A preflighted PUT → 307 → a third origin whose preflight answers the page origin: the second preflight fails',
    digest: 87, steps: ['cors-preflight-fetch-0:7', 'concept-cors-check:4'], level: 'must',
    case: {
      request: { url: api('/redirect/preflight-origin-null-denied'), method: 'PUT', origin: PAGE, body: true },
      responses: [
        preflightAt(api('/redirect/preflight-origin-null-denied'), preflightOk({ methods: 'PUT' })),
        hop(api('/redirect/preflight-origin-null-denied'), 307, other('/redirect/preflight-origin-null-denied'), allowOrigin()),
        preflightAt(other('/redirect/preflight-origin-null-denied'), preflightOk({ methods: 'PUT' })),
        land(other('/redirect/preflight-origin-null-denied'), allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:4', preflightSent: true,
      requests: [
        sentPreflight(api('/redirect/preflight-origin-null-denied'), 'PUT', null),
        sentActual('PUT', api('/redirect/preflight-origin-null-denied')),
        sentPreflight(other('/redirect/preflight-origin-null-denied'), 'PUT', null, 'null'),
      ],
    },
    // Measured in Firefox 153 ESR: the preflight (with the page's origin) passes; the PUT (Origin null) fails.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:4', preflightSent: true,
        requests: [
          sentPreflight(api('/redirect/preflight-origin-null-denied'), 'PUT', null),
          sentActual('PUT', api('/redirect/preflight-origin-null-denied')),
          sentPreflight(other('/redirect/preflight-origin-null-denied'), 'PUT', null, PAGE),
          sentActual('PUT', other('/redirect/preflight-origin-null-denied'), 'null'),
        ],
      },
    },
  },
  {
    id: 'redirect/preflight-to-page-origin',
    title: 'A preflighted PUT → 307 → the page\'s own origin: tainted, so that preflight carries Origin null and needs ACAO (Firefox does not check it)',
    digest: 87, steps: ['concept-request-tainted-origin', 'cors-preflight-fetch-0:7', 'concept-cors-check:2'], level: 'must',
    case: {
      request: { url: api('/redirect/preflight-to-page-origin'), method: 'PUT', origin: PAGE, body: true },
      responses: [
        preflightAt(api('/redirect/preflight-to-page-origin'), preflightOk({ methods: 'PUT' })),
        hop(api('/redirect/preflight-to-page-origin'), 307, toPage, allowOrigin()),
        preflightAt(toPage, { [ACAM]: 'PUT' }),
        land(toPage, allowOrigin({}, 'null')),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: true,
      requests: [
        sentPreflight(api('/redirect/preflight-to-page-origin'), 'PUT', null), sentActual('PUT', api('/redirect/preflight-to-page-origin')),
        sentPreflight(toPage, 'PUT', null, 'null'),
      ],
    },
    // Measured in Firefox 153 ESR: the preflight carries the page's origin and, same-origin with the page,
    // is not CORS-checked; the PUT after it carries null.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
        requests: [
          sentPreflight(api('/redirect/preflight-to-page-origin'), 'PUT', null), sentActual('PUT', api('/redirect/preflight-to-page-origin')),
          sentPreflight(toPage, 'PUT', null, PAGE), sentActual('PUT', toPage, 'null'),
        ],
      },
    },
  },
] as const satisfies readonly EdgeCase[];
