/**
 * 301/302 turn a POST, and 303 turns any method but GET/HEAD, into a GET without a body and without
 * the request-body headers (step 12), which can remove the reason for a preflight; 307/308 keep the
 * method and body, so the new URL gets its own preflight (main fetch runs again).
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import { ACAO, CONTENT_TYPE } from '../../../spec/headers.js';
import type { EdgeCase, Expectation } from '../types.js';
import { PAGE, allowOrigin, api, other, own, preflightOk, sentActual, sentPreflight } from '../fixtures.js';
import { hop, land, preflightAt } from './chain.js';

const JSON_TYPE = { 'Content-Type': 'application/json' };

const post302 = { from: api('/redirect/post-302-becomes-get'), to: other('/redirect/post-302-becomes-get') };
const post301 = { from: api('/redirect/post-301-becomes-get'), to: api('/redirect/post-301-becomes-get/next') };
const put303 = { from: api('/redirect/put-303-becomes-get'), to: other('/redirect/put-303-becomes-get') };
const put307 = { from: api('/redirect/put-307-keeps-method'), to: api('/redirect/put-307-keeps-method/next') };
const put301 = { from: api('/redirect/put-301-keeps-method'), to: api('/redirect/put-301-keeps-method/next') };
const delete302 = { from: api('/redirect/delete-302-keeps-method'), to: api('/redirect/delete-302-keeps-method/next') };
const post308 = { from: api('/redirect/post-308-keeps-body'), to: other('/redirect/post-308-keeps-body') };
const delete307 = { from: own('/redirect/delete-307-to-another-origin'), to: other('/redirect/delete-307-to-another-origin') };
const bodyHeaders = { from: api('/redirect/post-302-drops-body-headers'), to: api('/redirect/post-302-drops-body-headers/next') };

/**
 * What an engine that preflights every hop after a preflighted one shows when a redirect to a third origin
 * turns the request into a GET: the first preflight (ACRH `acrh`) and request, then a preflight for GET
 * there (ACRH `nextAcrh`, Origin `preflightOrigin`) and the GET with Origin null.
 */
const afterRedirect = (urls: { from: string; to: string }, method: string, acrh: string | null, nextAcrh: string | null,
  preflightOrigin: string, headers: Readonly<Record<string, string>> = {}): Expectation => ({
  kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
  requests: [
    sentPreflight(urls.from, method, acrh), sentActual(method, urls.from, PAGE, headers),
    sentPreflight(urls.to, 'GET', nextAcrh, preflightOrigin), sentActual('GET', urls.to, 'null', { [CONTENT_TYPE]: null }),
  ],
});

/** A method-keeping redirect within the API origin: a fresh preflight at the new URL, then the request. */
const keeps = (slug: string, method: string, status: number, urls: { from: string; to: string }): EdgeCase => ({
  id: `redirect/${slug}`,
  title: `${method} answered ${status}: the method is kept, so the new URL is preflighted for ${method} again`,
  digest: 80, steps: ['concept-http-redirect-fetch:12', 'concept-http-redirect-fetch:22', 'concept-main-fetch:12'], level: 'must',
  case: {
    request: { url: urls.from, method, origin: PAGE, ...(method !== 'DELETE' ? { body: true } : {}) },
    responses: [
      preflightAt(urls.from, preflightOk({ methods: method })),
      hop(urls.from, status, urls.to, allowOrigin()),
      preflightAt(urls.to, preflightOk({ methods: method })),
      land(urls.to, allowOrigin()),
    ],
  },
  expect: {
    kind: 'verdict', outcome: 'ok', preflightSent: true,
    requests: [
      sentPreflight(urls.from, method, null), sentActual(method, urls.from),
      sentPreflight(urls.to, method, null), sentActual(method, urls.to),
    ],
    status: 200, exposedHeaders: [],
  },
});

export const redirectMethodCases = [
  {
    id: 'redirect/post-302-becomes-get',
    title: 'A JSON POST answered 302 to a third origin: a GET without Content-Type follows, with no preflight',
    digest: 80, steps: ['concept-http-redirect-fetch:12', 'request-body-header-name', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: { url: post302.from, method: 'POST', origin: PAGE, body: true, headers: JSON_TYPE },
      responses: [
        preflightAt(post302.from, preflightOk({ headers: 'content-type' })),
        hop(post302.from, 302, post302.to, allowOrigin()),
        // Only the engines that preflight every hop after a preflighted one ask for this.
        preflightAt(post302.to, preflightOk({ headers: 'content-type', origin: '*' })),
        land(post302.to, { [ACAO]: '*' }),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(post302.from, 'POST', 'content-type'),
        sentActual('POST', post302.from, PAGE, { [CONTENT_TYPE]: 'application/json' }),
        sentActual('GET', post302.to, 'null', { [CONTENT_TYPE]: null }),
      ],
      status: 200, exposedHeaders: [],
    },
    // Measured: Firefox 153 ESR preflights the GET (with the page's origin, for what it has now); WebKitGTK
    // 2.50 preflights it listing the Content-Type it removed.
    profiles: {
      firefox: afterRedirect(post302, 'POST', 'content-type', null, PAGE, { [CONTENT_TYPE]: 'application/json' }),
      webkit: afterRedirect(post302, 'POST', 'content-type', 'content-type', 'null', { [CONTENT_TYPE]: 'application/json' }),
    },
  },
  {
    id: 'redirect/post-301-becomes-get',
    title: 'A text/plain POST answered 301: the next request is a GET without Content-Type',
    digest: 80, steps: ['concept-http-redirect-fetch:12', 'request-body-header-name'], level: 'must',
    case: {
      request: { url: post301.from, method: 'POST', origin: PAGE, body: true, headers: { 'Content-Type': 'text/plain' } },
      responses: [hop(post301.from, 301, post301.to, allowOrigin()), land(post301.to, allowOrigin())],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [
        sentActual('POST', post301.from, PAGE, { [CONTENT_TYPE]: 'text/plain' }),
        sentActual('GET', post301.to, PAGE, { [CONTENT_TYPE]: null }),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/put-303-becomes-get',
    title: 'A PUT answered 303 to a third origin: a plain GET follows, with no preflight',
    digest: 80, steps: ['concept-http-redirect-fetch:12', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: { url: put303.from, method: 'PUT', origin: PAGE, body: true },
      responses: [
        preflightAt(put303.from, preflightOk({ methods: 'PUT' })),
        hop(put303.from, 303, put303.to, allowOrigin()),
        // Only the engines that preflight every hop after a preflighted one ask for this.
        preflightAt(put303.to, preflightOk({ origin: '*' })),
        land(put303.to, { [ACAO]: '*' }),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [sentPreflight(put303.from, 'PUT', null), sentActual('PUT', put303.from), sentActual('GET', put303.to, 'null')],
      status: 200, exposedHeaders: [],
    },
    // Measured in Firefox 153 ESR and WebKitGTK 2.50: the GET is preflighted too.
    profiles: {
      firefox: afterRedirect(put303, 'PUT', null, null, PAGE),
      webkit: afterRedirect(put303, 'PUT', null, null, 'null'),
    },
  },
  keeps('put-307-keeps-method', 'PUT', 307, put307),
  keeps('put-301-keeps-method', 'PUT', 301, put301),
  keeps('delete-302-keeps-method', 'DELETE', 302, delete302),
  {
    id: 'redirect/post-308-keeps-body',
    title: 'A JSON POST answered 308 to a third origin: preflighted there with Origin null, then the POST keeps its Content-Type',
    digest: 80, steps: ['concept-http-redirect-fetch:22', 'cors-preflight-fetch-0:5', 'concept-request-tainted-origin'], level: 'must',
    case: {
      request: { url: post308.from, method: 'POST', origin: PAGE, body: true, headers: JSON_TYPE },
      responses: [
        preflightAt(post308.from, preflightOk({ headers: 'content-type' })),
        hop(post308.from, 308, post308.to, allowOrigin()),
        preflightAt(post308.to, preflightOk({ headers: 'content-type', origin: '*' })),
        land(post308.to, { [ACAO]: '*' }),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(post308.from, 'POST', 'content-type'),
        sentActual('POST', post308.from, PAGE, { [CONTENT_TYPE]: 'application/json' }),
        sentPreflight(post308.to, 'POST', 'content-type', 'null'),
        sentActual('POST', post308.to, 'null', { [CONTENT_TYPE]: 'application/json' }),
      ],
      status: 200, exposedHeaders: [],
    },
    // Measured in Firefox 153 ESR: the preflight there carries the page's origin.
    profiles: {
      firefox: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
        requests: [
          sentPreflight(post308.from, 'POST', 'content-type'),
          sentActual('POST', post308.from, PAGE, { [CONTENT_TYPE]: 'application/json' }),
          sentPreflight(post308.to, 'POST', 'content-type', PAGE),
          sentActual('POST', post308.to, 'null', { [CONTENT_TYPE]: 'application/json' }),
        ],
      },
    },
  },
  {
    id: 'redirect/post-302-drops-body-headers',
    title: 'A POST with Content-Type, Content-Language and X-Foo answered 302: the GET keeps only X-Foo and is preflighted for it',
    digest: 80, steps: ['concept-http-redirect-fetch:12', 'request-body-header-name', 'cors-preflight-fetch-0:5'], level: 'must',
    case: {
      request: {
        url: bodyHeaders.from, method: 'POST', origin: PAGE, body: true,
        headers: { 'Content-Type': 'text/plain', 'Content-Language': 'en', 'X-Foo': '1' },
      },
      responses: [
        preflightAt(bodyHeaders.from, preflightOk({ headers: 'x-foo' })),
        hop(bodyHeaders.from, 302, bodyHeaders.to, allowOrigin()),
        preflightAt(bodyHeaders.to, preflightOk({ headers: 'x-foo' })),
        land(bodyHeaders.to, allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(bodyHeaders.from, 'POST', 'x-foo'),
        sentActual('POST', bodyHeaders.from, PAGE, { [CONTENT_TYPE]: 'text/plain', 'content-language': 'en', 'x-foo': '1' }),
        sentPreflight(bodyHeaders.to, 'GET', 'x-foo'),
        sentActual('GET', bodyHeaders.to, PAGE, { [CONTENT_TYPE]: null, 'content-language': null, 'x-foo': '1' }),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/delete-307-to-another-origin',
    title: 'A same-origin DELETE answered 307 to another origin: still a DELETE, so preflighted there (WebKit turns it into GET)',
    digest: 80, steps: ['concept-http-redirect-fetch:12', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: { url: delete307.from, method: 'DELETE', origin: PAGE },
      responses: [
        hop(delete307.from, 307, delete307.to),
        preflightAt(delete307.to, preflightOk({ methods: 'DELETE' })),
        land(delete307.to, allowOrigin()),
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200, exposedHeaders: [],
      requests: [sentActual('DELETE', delete307.from), sentPreflight(delete307.to, 'DELETE', null), sentActual('DELETE', delete307.to)],
    },
    // Measured in WebKitGTK 2.50 (also with 301, 302 and 308).
    profiles: {
      webkit: {
        kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200, exposedHeaders: [],
        requests: [sentActual('DELETE', delete307.from), sentActual('GET', delete307.to)],
      },
    },
  },
] as const satisfies readonly EdgeCase[];
