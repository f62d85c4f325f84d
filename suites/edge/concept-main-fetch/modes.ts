/**
 * Main fetch's switch: same-origin requests are basic; mode "same-origin" refuses other origins;
 * "no-cors" needs redirect mode "follow" and yields an opaque response; anything else must be
 * HTTP(S) and goes through CORS (step 12).
 * @see https://fetch.spec.whatwg.org/#concept-main-fetch
 */
import { ACAO, ACEH, SET_COOKIE } from '../../../spec/headers.js';
import type { EdgeCase } from '../types.js';
import { type ExpectedRequest, PAGE, allowOrigin, api, own, sentActual } from '../fixtures.js';
import { hop, land } from '../concept-http-redirect-fetch/chain.js';

const refused = (requests: readonly ExpectedRequest[]) => ({
  kind: 'verdict' as const, outcome: 'network-error' as const, failedAt: 'concept-main-fetch:12' as const, preflightSent: false, requests,
});

export const mainFetchModeCases = [
  {
    id: 'main/same-origin-mode-cross-origin',
    title: 'Mode "same-origin" to another origin: network error, nothing is sent',
    steps: ['concept-main-fetch:12'], level: 'must',
    case: { request: { url: api('/main/same-origin-mode-cross-origin'), origin: PAGE, mode: 'same-origin' }, response: { status: 200, headers: allowOrigin() } },
    expect: refused([]),
  },
  {
    id: 'main/same-origin-mode-same-origin',
    title: 'Mode "same-origin" to the page origin: a basic response, every header but Set-Cookie readable',
    steps: ['concept-main-fetch:12', 'concept-main-fetch:14'], level: 'must',
    case: {
      request: { url: own('/main/same-origin-mode-same-origin'), origin: PAGE, mode: 'same-origin' },
      response: { status: 200, headers: { 'content-type': 'text/plain', 'x-request-id': 'r1', [SET_COOKIE]: 'a=1' } },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', own('/main/same-origin-mode-same-origin'), null)],
      status: 200, exposedHeaders: ['content-type', 'x-request-id'],
    },
  },
  {
    id: 'main/same-origin-mode-redirected-away',
    title: 'Mode "same-origin" redirected to another origin: network error at the second main fetch',
    steps: ['concept-http-redirect-fetch:22', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: { url: own('/main/same-origin-mode-redirected-away'), origin: PAGE, mode: 'same-origin' },
      responses: [hop(own('/main/same-origin-mode-redirected-away'), 302, api('/main/same-origin-mode-redirected-away')),
        land(api('/main/same-origin-mode-redirected-away'), allowOrigin())],
    },
    expect: refused([sentActual('GET', own('/main/same-origin-mode-redirected-away'), null)]),
  },
  {
    id: 'main/no-cors-redirect-error',
    title: 'Mode "no-cors" with redirect mode "error": network error, nothing is sent',
    digest: 83, steps: ['concept-main-fetch:12'], level: 'must',
    case: { request: { url: api('/main/no-cors-redirect-error'), origin: PAGE, mode: 'no-cors', redirect: 'error' }, response: { status: 200 } },
    expect: refused([]),
  },
  {
    id: 'main/no-cors-redirect-manual',
    title: 'Mode "no-cors" with redirect mode "manual": network error, nothing is sent',
    digest: 83, steps: ['concept-main-fetch:12'], level: 'must',
    case: { request: { url: api('/main/no-cors-redirect-manual'), origin: PAGE, mode: 'no-cors', redirect: 'manual' }, response: { status: 200 } },
    expect: refused([]),
  },
  {
    id: 'main/ftp-scheme',
    title: 'A cors request to an ftp: URL (from an http page, so no mixed-content block): network error',
    steps: ['concept-main-fetch:12'], level: 'must',
    case: { request: { url: 'ftp://api.example/main/ftp-scheme', origin: 'http://app.example' }, response: { status: 200 } },
    expect: refused([]),
  },
  {
    id: 'main/no-cors-opaque',
    title: 'A no-cors GET: opaque, status 0 and no readable headers, whatever ACAO and ACEH say',
    digest: 93, steps: ['concept-main-fetch:12', 'concept-main-fetch:14.2'], level: 'must',
    case: {
      request: { url: api('/main/no-cors-opaque'), origin: PAGE, mode: 'no-cors' },
      response: { status: 200, headers: { [ACAO]: '*', [ACEH]: '*', 'content-type': 'image/png', 'x-request-id': 'r1' } },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', api('/main/no-cors-opaque'), null)], status: 0, exposedHeaders: [],
    },
  },
  {
    id: 'main/no-cors-opaque-error-status',
    title: 'A no-cors GET answered 404 without CORS headers: not a network error, an opaque response with status 0',
    digest: 93, steps: ['concept-main-fetch:12'], level: 'must',
    case: { request: { url: api('/main/no-cors-opaque-error-status'), origin: PAGE, mode: 'no-cors' }, response: { status: 404, headers: {} } },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', api('/main/no-cors-opaque-error-status'), null)], status: 0, exposedHeaders: [],
    },
  },
  {
    id: 'main/no-cors-drops-unsafe-headers',
    title: 'A no-cors GET with X-Foo, JSON Content-Type and Range: the request-no-cors guard drops them, no preflight',
    steps: ['no-cors-safelisted-request-header-name', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: {
        url: api('/main/no-cors-drops-unsafe-headers'), origin: PAGE, mode: 'no-cors',
        headers: { 'X-Foo': '1', 'Content-Type': 'application/json', Range: 'bytes=0-', 'Accept-Language': 'en' },
      },
      response: { status: 200, headers: {} },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', api('/main/no-cors-drops-unsafe-headers'), null, {
        'x-foo': null, 'content-type': null, range: null, 'accept-language': 'en',
      })],
      status: 0, exposedHeaders: [],
    },
  },
  {
    id: 'main/head-no-preflight',
    title: 'A cors HEAD: a safelisted method, no preflight; Origin is sent',
    steps: ['cors-safelisted-method', 'concept-main-fetch:12'], level: 'must',
    case: { request: { url: api('/main/head-no-preflight'), method: 'HEAD', origin: PAGE }, response: { status: 200, headers: allowOrigin() } },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('HEAD', api('/main/head-no-preflight'))], status: 200, exposedHeaders: [],
    },
  },
] as const satisfies readonly EdgeCase[];
