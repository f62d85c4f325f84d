/**
 * A preflight made only because of the use-CORS-preflight flag caches the request's method when the
 * response lists none, so the next such request is answered from the cache.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
import type { CaseRequest } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, api, preflightOk } from '../fixtures.js';
import { earlier, fromCache, later } from './sequence.js';

const url = api('/flag/post-cached');
const streamPost: CaseRequest = { url, method: 'POST', origin: PAGE, useCorsPreflight: true, body: true };
const answer = preflightOk({ maxAge: '600' });

export const cacheFlagCases = [
  {
    id: 'flag/post-cached',
    title: 'A stream-body POST preflighted without ACAM: the POST entry is cached, a repeat is answered from the cache',
    digest: 41, steps: ['cors-preflight-fetch-0:7.4', 'concept-cache-match-method', 'concept-http-fetch:4.1'], level: 'should',
    case: later([earlier(0, streamPost, answer)], 1, streamPost, answer),
    expect: fromCache(url, 'POST'),
  },
] as const satisfies readonly EdgeCase[];
