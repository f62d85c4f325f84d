/**
 * When the Origin header is sent: always under cors tainting, and on every request whose method is
 * neither GET nor HEAD (same-origin included); a same-origin or no-cors GET sends none.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
import type { EdgeCase } from '../types.js';
import { PAGE, api, other, own, sentActual } from '../fixtures.js';
import { hop, land } from '../concept-http-redirect-fetch/chain.js';

const sameOrigin = (slug: string, method: string, title: string, digest: number | undefined, origin: string | null, headers?: Record<string, string>): EdgeCase => ({
  id: `origin/${slug}`, title, ...(digest !== undefined ? { digest } : {}),
  steps: ['append-a-request-origin-header:4', 'concept-main-fetch:12'], level: 'must',
  case: {
    request: { url: own(`/origin/${slug}`), method, origin: PAGE, ...(method !== 'GET' ? { body: true } : {}), ...(headers ? { headers } : {}) },
    response: { status: 200, headers: {} },
  },
  expect: {
    kind: 'verdict', outcome: 'ok', preflightSent: false,
    requests: [sentActual(method, own(`/origin/${slug}`), origin)], status: 200, exposedHeaders: [],
  },
});

export const originHeaderCases = [
  sameOrigin('same-origin-get', 'GET', 'A same-origin GET carries no Origin', 85, null),
  sameOrigin('same-origin-post', 'POST', 'A same-origin POST carries Origin: "Origin present" does not mean cross-origin', 84, PAGE),
  sameOrigin('same-origin-delete', 'DELETE', 'A same-origin DELETE carries Origin', 84, PAGE),
  sameOrigin('same-origin-put-custom-header', 'PUT', 'A same-origin PUT with X-Foo: Origin sent, no preflight', 84, PAGE, { 'X-Foo': '1' }),
  {
    id: 'origin/no-cors-get',
    title: 'A cross-origin no-cors GET (an <img>, a <script>) carries no Origin: "no Origin" does not mean same-origin',
    digest: 85, steps: ['append-a-request-origin-header:4'], level: 'must',
    case: { request: { url: api('/origin/no-cors-get'), origin: PAGE, mode: 'no-cors' }, response: { status: 200, headers: {} } },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', api('/origin/no-cors-get'), null)], status: 0, exposedHeaders: [],
    },
  },
  {
    id: 'origin/no-cors-post',
    title: 'A cross-origin no-cors POST carries Origin (the default referrer policy keeps it for https to https)',
    digest: 86, steps: ['append-a-request-origin-header:4'], level: 'must',
    case: {
      request: { url: api('/origin/no-cors-post'), method: 'POST', origin: PAGE, mode: 'no-cors', body: true, headers: { 'Content-Type': 'text/plain' } },
      response: { status: 200, headers: {} },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('POST', api('/origin/no-cors-post'), PAGE, { 'content-type': 'text/plain' })], status: 0, exposedHeaders: [],
    },
  },
  {
    id: 'origin/same-origin-post-303-get',
    title: 'A same-origin POST answered 303: the GET that follows carries no Origin (WebKit keeps it)',
    steps: ['append-a-request-origin-header:4', 'concept-http-redirect-fetch:12'], level: 'info',
    case: {
      request: { url: own('/origin/post-303'), method: 'POST', origin: PAGE, body: true },
      responses: [hop(own('/origin/post-303'), 303, own('/origin/post-303/next')), land(own('/origin/post-303/next'), {})],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200, exposedHeaders: [],
      requests: [sentActual('POST', own('/origin/post-303'), PAGE), sentActual('GET', own('/origin/post-303/next'), null)],
    },
    // Measured in WebKitGTK 2.50.
    profiles: {
      webkit: {
        kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200, exposedHeaders: [],
        requests: [sentActual('POST', own('/origin/post-303'), PAGE), sentActual('GET', own('/origin/post-303/next'), PAGE)],
      },
    },
  },
  {
    id: 'origin/no-cors-post-301-other-origin-get',
    title: 'A no-cors POST answered 301 to another origin: the GET that follows carries no Origin (WebKit too: it keeps Origin only on a same-origin redirect)',
    steps: ['append-a-request-origin-header:4', 'concept-http-redirect-fetch:12'], level: 'info',
    case: {
      request: { url: api('/origin/no-cors-post-301'), method: 'POST', origin: PAGE, mode: 'no-cors', body: true },
      responses: [hop(api('/origin/no-cors-post-301'), 301, other('/origin/no-cors-post-301')), land(other('/origin/no-cors-post-301'), {})],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false, status: 0, exposedHeaders: [],
      requests: [sentActual('POST', api('/origin/no-cors-post-301'), PAGE), sentActual('GET', other('/origin/no-cors-post-301'), null)],
    },
  },
] as const satisfies readonly EdgeCase[];
