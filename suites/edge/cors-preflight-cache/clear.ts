/**
 * A network error anywhere on the preflighted path clears the cache entries for that origin and URL
 * (main fetch), so the next request is preflighted again.
 * @see https://fetch.spec.whatwg.org/#concept-cache-clear
 * @see https://fetch.spec.whatwg.org/#concept-main-fetch
 */
import type { CaseRequest } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, api, preflightOk } from '../fixtures.js';
import { earlier, fromCache, later, preflightAgain } from './sequence.js';

const afterActual = api('/cache/cleared-after-actual-fails');
const afterPreflight = api('/cache/cleared-after-failed-preflight');
const put = (url: string): CaseRequest => ({ url, method: 'PUT', origin: PAGE, body: true });
const putAnswer = preflightOk({ methods: 'PUT', maxAge: '600' });
const rejected = api('/cache/rejected-preflight-not-cached');
const rejectedAnswer = preflightOk({ methods: 'PUT', headers: 'x-foo', maxAge: '600' });

export const cacheClearCases = [
  {
    id: 'cache/cleared-after-actual-fails',
    title: 'The actual response of a preflighted PUT fails the CORS check: the entries are cleared, the next PUT is preflighted',
    digest: 66, steps: ['concept-main-fetch:12', 'concept-cache-clear'], level: 'must',
    case: later([earlier(0, put(afterActual), putAnswer, {})], 1, put(afterActual), putAnswer),
    expect: preflightAgain(afterActual, 'PUT', null),
    // Chromium clears nothing when the fetch fails (only a lookup that misses erases the entry); WebKit
    // never clears (measured in WebKitGTK 2.50).
    profiles: { chromium: fromCache(afterActual, 'PUT'), webkit: fromCache(afterActual, 'PUT') },
  },
  {
    id: 'cache/cleared-after-failed-preflight',
    title: 'A failed DELETE preflight clears the PUT entry cached a moment earlier',
    digest: 66, steps: ['concept-main-fetch:12', 'concept-cache-clear'], level: 'must',
    case: later(
      [
        earlier(0, put(afterPreflight), putAnswer),
        earlier(1, { url: afterPreflight, method: 'DELETE', origin: PAGE }, putAnswer),
      ],
      2, put(afterPreflight), putAnswer,
    ),
    expect: preflightAgain(afterPreflight, 'PUT', null),
    // Measured in WebKitGTK 2.50: the failed DELETE preflight leaves the PUT entry, so the PUT is not preflighted.
    profiles: { webkit: fromCache(afterPreflight, 'PUT') },
  },
  {
    id: 'cache/rejected-preflight-not-cached',
    title: 'A preflight that rejects the DELETE (ACAM PUT) stores nothing: a PUT a moment later is preflighted',
    digest: 63, steps: ['cors-preflight-fetch-0:7.5', 'cors-preflight-fetch-0:7.13'], level: 'must',
    case: later([earlier(0, { url: rejected, method: 'DELETE', origin: PAGE, headers: { 'X-Foo': '1' } }, rejectedAnswer)], 1,
      { ...put(rejected), headers: { 'X-Foo': '1' } }, rejectedAnswer),
    expect: preflightAgain(rejected, 'PUT', 'x-foo'),
    // Measured in WebKitGTK 2.50: the rejected result was cached, and it covers the PUT.
    profiles: { webkit: fromCache(rejected, 'PUT') },
  },
] as const satisfies readonly EdgeCase[];
