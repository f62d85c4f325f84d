/**
 * What a cache entry is keyed and matched by: the serialized origin, the exact current URL, and
 * credentials (a credentialed entry serves everyone, an uncredentialed one never serves a
 * credentialed request); one entry per listed method and header name, merged across preflights.
 * @see https://fetch.spec.whatwg.org/#concept-cache-match
 * @see https://fetch.spec.whatwg.org/#concept-http-fetch
 */
import { ACAC, ACAM, ACAO } from '../../../spec/headers.js';
import type { CaseRequest } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowCredentials, allowOrigin, api, preflightOk } from '../fixtures.js';
import { earlier, fromCache, later, preflightAgain } from './sequence.js';

const put = (url: string, extra: Partial<CaseRequest> = {}): CaseRequest => ({ url, method: 'PUT', origin: PAGE, body: true, ...extra });
const getWith = (url: string, headers: CaseRequest['headers'], method = 'GET'): CaseRequest => ({
  url, method, origin: PAGE, headers, ...(method === 'POST' ? { body: true } : {}),
});
const putAnswer = preflightOk({ methods: 'PUT', maxAge: '600' });

const url = {
  query1: api('/cache/per-url-query?page=1'),
  query2: api('/cache/per-url-query?page=2'),
  sameUrl: api('/cache/same-url?page=1'),
  perOrigin: api('/cache/per-origin'),
  credToUncred: api('/cache/credentialed-serves-uncredentialed'),
  uncredToCred: api('/cache/uncredentialed-not-for-credentialed'),
  everyMethod: api('/cache/every-listed-method'),
  headerHit: api('/cache/header-entry-case-insensitive'),
  headerMiss: api('/cache/header-entry-other-name'),
  headerSubset: api('/cache/header-entry-subset'),
  merge: api('/cache/merged-across-preflights'),
  post: api('/cache/post-needs-no-method-entry'),
  head: api('/cache/head-needs-no-method-entry'),
};

const credentialedAnswer = { ...putAnswer, [ACAC]: 'true' };

export const cacheKeyCases = [
  {
    id: 'cache/per-url-query', title: 'The cache is per exact URL: another query string sends a new preflight',
    digest: 63, steps: ['concept-cache-match', 'concept-http-fetch:4.1'], level: 'must',
    case: later([earlier(0, put(url.query1), putAnswer)], 1, put(url.query2), putAnswer),
    expect: preflightAgain(url.query2, 'PUT', null),
  },
  {
    id: 'cache/same-url', title: 'The same URL within max-age: answered from the cache',
    digest: 63, steps: ['concept-cache-match-method', 'concept-http-fetch:4.1'], level: 'should',
    case: later([earlier(0, put(url.sameUrl), putAnswer)], 1, put(url.sameUrl), putAnswer),
    expect: fromCache(url.sameUrl, 'PUT'),
  },
  {
    id: 'cache/per-origin', title: 'The cache is per origin: the same URL from another page origin sends a new preflight',
    digest: 63, steps: ['concept-cache-match'], level: 'must',
    case: later(
      [earlier(0, put(url.perOrigin), { ...putAnswer, [ACAO]: '*' }, allowOrigin({}, '*'))],
      1, put(url.perOrigin, { origin: 'https://admin.example' }), { ...putAnswer, [ACAO]: '*' }, allowOrigin({}, '*'),
    ),
    expect: preflightAgain(url.perOrigin, 'PUT', null, 'https://admin.example'),
  },
  {
    id: 'cache/credentialed-serves-uncredentialed',
    title: 'An entry made for a credentialed request serves an uncredentialed one (Firefox keys its cache by credentials)',
    digest: 64, steps: ['concept-cache-match', 'concept-cache-create-entry'], level: 'should',
    case: later(
      [earlier(0, put(url.credToUncred, { credentials: 'include' }), credentialedAnswer, allowCredentials())],
      1, put(url.credToUncred), credentialedAnswer,
    ),
    expect: fromCache(url.credToUncred, 'PUT'),
    profiles: { firefox: preflightAgain(url.credToUncred, 'PUT', null) },
  },
  {
    id: 'cache/uncredentialed-not-for-credentialed',
    title: 'An entry made for an uncredentialed request does not serve a credentialed one: new preflight',
    digest: 64, steps: ['concept-cache-match'], level: 'must',
    case: later(
      [earlier(0, put(url.uncredToCred), putAnswer)],
      1, put(url.uncredToCred, { credentials: 'include' }), credentialedAnswer, allowCredentials(),
    ),
    expect: preflightAgain(url.uncredToCred, 'PUT', null),
  },
  {
    id: 'cache/every-listed-method', title: 'Every method in ACAM gets an entry: a later DELETE is answered from the cache',
    digest: 63, steps: ['cors-preflight-fetch-0:7.13', 'concept-cache-match-method'], level: 'should',
    case: later(
      [earlier(0, put(url.everyMethod), { ...putAnswer, [ACAM]: 'PUT, DELETE' })],
      1, { url: url.everyMethod, method: 'DELETE', origin: PAGE }, { ...putAnswer, [ACAM]: 'PUT, DELETE' },
    ),
    expect: fromCache(url.everyMethod, 'DELETE'),
  },
  {
    id: 'cache/header-entry-case-insensitive', title: 'A header entry for "X-Foo" answers a later "x-foo": names match case-insensitively',
    digest: 63, steps: ['concept-cache-match-header'], level: 'should',
    case: later(
      [earlier(0, getWith(url.headerHit, { 'X-Foo': '1' }), preflightOk({ headers: 'X-Foo', maxAge: '600' }))],
      1, getWith(url.headerHit, { 'x-foo': '2' }), preflightOk({ headers: 'X-Foo', maxAge: '600' }),
    ),
    expect: fromCache(url.headerHit, 'GET'),
  },
  {
    id: 'cache/header-entry-other-name', title: 'A cached X-Foo entry does not cover X-Bar: new preflight with ACRH x-bar',
    digest: 63, steps: ['concept-cache-match-header', 'concept-http-fetch:4.1'], level: 'must',
    case: later(
      [earlier(0, getWith(url.headerMiss, { 'X-Foo': '1' }), preflightOk({ headers: 'x-foo', maxAge: '600' }))],
      1, getWith(url.headerMiss, { 'X-Bar': '1' }), preflightOk({ headers: 'x-bar', maxAge: '600' }),
    ),
    expect: preflightAgain(url.headerMiss, 'GET', 'x-bar'),
  },
  {
    id: 'cache/header-entry-subset', title: 'Entries for X-A and X-B answer a later request with only X-B',
    digest: 63, steps: ['concept-cache-match-header'], level: 'should',
    case: later(
      [earlier(0, getWith(url.headerSubset, { 'X-A': '1', 'X-B': '2' }), preflightOk({ headers: 'x-a, x-b', maxAge: '600' }))],
      1, getWith(url.headerSubset, { 'X-B': '3' }), preflightOk({ headers: 'x-a, x-b', maxAge: '600' }),
    ),
    expect: fromCache(url.headerSubset, 'GET'),
  },
  {
    id: 'cache/merged-across-preflights',
    title: 'Entries from a PUT preflight survive a later DELETE preflight (Chromium and WebKit replace the whole result)',
    steps: ['cors-preflight-fetch-0:7.13', 'concept-cache-match-method'], level: 'should',
    case: later(
      [
        earlier(0, put(url.merge), putAnswer),
        earlier(1, { url: url.merge, method: 'DELETE', origin: PAGE }, preflightOk({ methods: 'DELETE', maxAge: '600' })),
      ],
      2, put(url.merge), putAnswer,
    ),
    expect: fromCache(url.merge, 'PUT'),
    profiles: {
      chromium: preflightAgain(url.merge, 'PUT', null),
      webkit: preflightAgain(url.merge, 'PUT', null),
    },
  },
  {
    id: 'cache/post-needs-no-method-entry',
    title: 'A cached X-Foo entry answers a later POST with X-Foo: a safelisted method needs no method entry',
    steps: ['concept-http-fetch:4.1', 'cors-safelisted-method'], level: 'should',
    case: later(
      [earlier(0, getWith(url.post, { 'X-Foo': '1' }), preflightOk({ headers: 'x-foo', maxAge: '600' }))],
      1, getWith(url.post, { 'X-Foo': '1' }, 'POST'), preflightOk({ headers: 'x-foo', maxAge: '600' }),
    ),
    expect: fromCache(url.post, 'POST'),
  },
  {
    id: 'cache/head-needs-no-method-entry',
    title: 'A cached X-Foo entry answers a later HEAD with X-Foo (Firefox\'s cache wants HEAD listed)',
    steps: ['concept-http-fetch:4.1', 'cors-safelisted-method'], level: 'should',
    case: later(
      [earlier(0, getWith(url.head, { 'X-Foo': '1' }), preflightOk({ headers: 'x-foo', maxAge: '600' }))],
      1, getWith(url.head, { 'X-Foo': '1' }, 'HEAD'), preflightOk({ headers: 'x-foo', maxAge: '600' }),
    ),
    expect: fromCache(url.head, 'HEAD'),
    profiles: { firefox: preflightAgain(url.head, 'HEAD', 'x-foo') },
  },
] as const satisfies readonly EdgeCase[];
