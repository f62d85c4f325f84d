/**
 * "*" entries in the cache: a "*" method or header entry matches any method or name, except that a
 * "*" header entry never covers Authorization. Engines differ (digest §5.4-5.5): Chromium's cache
 * lookup is strict about Authorization, Firefox never serves "*" from its cache, WebKit lets "*"
 * cover every header of an uncredentialed request.
 * @see https://fetch.spec.whatwg.org/#concept-cache-match-header
 * @see https://fetch.spec.whatwg.org/#concept-cache-match-method
 */
import type { CaseRequest } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowCredentials, api, preflightOk, sentPreflight } from '../fixtures.js';
import { earlier, fromCache, later, preflightAgain } from './sequence.js';

const request = (url: string, method: string, headers?: CaseRequest['headers'], credentials?: 'include'): CaseRequest => ({
  url, method, origin: PAGE,
  ...(method !== 'GET' && method !== 'DELETE' ? { body: true } : {}),
  ...(headers ? { headers } : {}),
  ...(credentials ? { credentials } : {}),
});

const url = {
  headerNotAuth: api('/cache/wildcard-header-not-authorization'),
  authEveryTime: api('/cache/wildcard-authorization-every-time'),
  method: api('/cache/wildcard-method'),
  otherMethod: api('/cache/wildcard-method-other-method'),
  otherHeader: api('/cache/wildcard-header-other-name'),
  credentialed: api('/cache/wildcard-not-for-credentialed'),
  fromCredentialed: api('/cache/wildcard-from-credentialed-preflight'),
};

const starHeaders = preflightOk({ headers: '*', maxAge: '600' });
const starMethods = preflightOk({ methods: '*', maxAge: '600' });
const credentialedStar = preflightOk({ methods: 'PUT, *', maxAge: '600', credentials: true });

export const cacheWildcardCases = [
  {
    id: 'cache/wildcard-header-not-authorization',
    title: 'A cached "*" header entry does not cover Authorization: new preflight (WebKit answers from the cache)',
    digest: 65, steps: ['concept-cache-match-header', 'cors-non-wildcard-request-header-name'], level: 'must',
    case: later(
      [earlier(0, request(url.headerNotAuth, 'GET', { 'X-Foo': '1' }), starHeaders)],
      1, request(url.headerNotAuth, 'GET', { Authorization: 'Bearer t' }), preflightOk({ headers: 'authorization', maxAge: '600' }),
    ),
    expect: preflightAgain(url.headerNotAuth, 'GET', 'authorization'),
    profiles: { webkit: fromCache(url.headerNotAuth, 'GET') },
  },
  {
    id: 'cache/wildcard-authorization-every-time',
    title: 'ACAH "*" and Authorization, twice: the spec fails both; Chromium and Firefox pass but preflight every time, WebKit caches',
    digest: 65, steps: ['cors-preflight-fetch-0:7.6', 'concept-cache-match-header'], level: 'must',
    case: later(
      [earlier(0, request(url.authEveryTime, 'GET', { Authorization: 'Bearer t' }), starHeaders)],
      1, request(url.authEveryTime, 'GET', { Authorization: 'Bearer t' }), starHeaders,
    ),
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7.6', preflightSent: true, fromCache: false,
      requests: [sentPreflight(url.authEveryTime, 'GET', 'authorization')],
    },
    profiles: {
      chromium: preflightAgain(url.authEveryTime, 'GET', 'authorization'),
      firefox: preflightAgain(url.authEveryTime, 'GET', 'authorization'),
      webkit: fromCache(url.authEveryTime, 'GET'),
    },
  },
  {
    id: 'cache/wildcard-method',
    title: 'ACAM "*" cached, the same PUT again: answered from the cache (Firefox preflights again)',
    digest: 65, steps: ['concept-cache-match-method'], level: 'should',
    case: later([earlier(0, request(url.method, 'PUT'), starMethods)], 1, request(url.method, 'PUT'), starMethods),
    expect: fromCache(url.method, 'PUT'),
    profiles: { firefox: preflightAgain(url.method, 'PUT', null) },
  },
  {
    id: 'cache/wildcard-method-other-method',
    title: 'ACAM "*" cached for a PUT answers a later DELETE (Firefox preflights again)',
    digest: 65, steps: ['concept-cache-match-method'], level: 'should',
    case: later([earlier(0, request(url.otherMethod, 'PUT'), starMethods)], 1, request(url.otherMethod, 'DELETE'), starMethods),
    expect: fromCache(url.otherMethod, 'DELETE'),
    profiles: { firefox: preflightAgain(url.otherMethod, 'DELETE', null) },
  },
  {
    id: 'cache/wildcard-header-other-name',
    title: 'ACAH "*" cached for X-Foo answers a later X-Bar (Firefox preflights again)',
    digest: 65, steps: ['concept-cache-match-header'], level: 'should',
    case: later(
      [earlier(0, request(url.otherHeader, 'GET', { 'X-Foo': '1' }), starHeaders)],
      1, request(url.otherHeader, 'GET', { 'X-Bar': '1' }), starHeaders,
    ),
    expect: fromCache(url.otherHeader, 'GET'),
    profiles: { firefox: preflightAgain(url.otherHeader, 'GET', 'x-bar') },
  },
  {
    id: 'cache/wildcard-not-for-credentialed',
    title: 'An uncredentialed ACAM "*" entry does not serve a credentialed PUT: new preflight',
    digest: 64, steps: ['concept-cache-match'], level: 'must',
    case: later(
      [earlier(0, request(url.credentialed, 'PUT'), starMethods)],
      1, request(url.credentialed, 'PUT', undefined, 'include'),
      preflightOk({ methods: 'PUT', credentials: true, maxAge: '600' }), allowCredentials(),
    ),
    expect: preflightAgain(url.credentialed, 'PUT', null),
  },
  {
    id: 'cache/wildcard-from-credentialed-preflight',
    title: 'A credentialed PUT\'s preflight lists "PUT, *": its "*" meant a method named *, so an uncredentialed DELETE later is preflighted (WebKit answers from the cache)',
    digest: 65, steps: ['concept-cache-match-method', 'cors-preflight-fetch-0:7.5'], level: 'should',
    case: later(
      [earlier(0, request(url.fromCredentialed, 'PUT', undefined, 'include'), credentialedStar, allowCredentials())],
      1, request(url.fromCredentialed, 'DELETE'), preflightOk({ methods: 'DELETE', maxAge: '600' }),
    ),
    expect: preflightAgain(url.fromCredentialed, 'DELETE', null),
    // Measured in WebKitGTK 2.50: the lookup asks only whether the DELETE is credentialed.
    profiles: { webkit: fromCache(url.fromCredentialed, 'DELETE') },
  },
] as const satisfies readonly EdgeCase[];
