/**
 * When the Origin header is sent: always under cors tainting, and on every request whose method is
 * neither GET nor HEAD (same-origin included); a same-origin or no-cors GET sends none.
 * @see https://fetch.spec.whatwg.org/#append-a-request-origin-header
 */
import type { EdgeCase } from '../types.js';
import { PAGE, api, own, sentActual } from '../fixtures.js';

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
] as const satisfies readonly EdgeCase[];
