/**
 * Access-Control-Max-Age: absent or unparseable (not 1*DIGIT, or more than one header) means 5 s;
 * 0 means the entries expire at once; the UA may cap it. Engines differ (digest §5.1): caps of 7200 s
 * (Chromium), 86400 s (Firefox) and 600 s (WebKit); Chromium treats a negative value as 0, Firefox
 * caches nothing for a value that is not all digits, WebKit lets a negative value expire at once.
 * The spec profile is taken to impose no cap of its own.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 * @see https://fetch.spec.whatwg.org/#cors-preflight-cache
 */
import type { CaseHeaderValue, CaseRequest } from '../../../reference/browser/types.js';
import type { EdgeCase, Expectation } from '../types.js';
import { ACMA } from '../../../spec/headers.js';
import { PAGE, api, preflightOk } from '../fixtures.js';
import { earlier, fromCache, later, preflightAgain } from './sequence.js';

type Engine = 'chromium' | 'firefox' | 'webkit';

/** A PUT preflighted at 0 with `maxAge` (undefined: no ACMA), repeated at `at`. */
const repeatedPut = (slug: string, maxAge: CaseHeaderValue | undefined, at: number) => {
  const url = api(`/cache/${slug}`);
  const request: CaseRequest = { url, method: 'PUT', origin: PAGE, body: true };
  const answer = { ...preflightOk({ methods: 'PUT' }), ...(maxAge !== undefined ? { [ACMA]: maxAge } : {}) };
  return { url, case: later([earlier(0, request, answer)], at, request, answer) };
};

/** A max-age case: `cachedIn` lists the profiles where the second PUT is answered from the cache. */
const maxAge = (
  slug: string, title: string, digest: number, value: CaseHeaderValue | undefined, at: number,
  cached: { spec: boolean } & Record<Engine, boolean>,
): EdgeCase => {
  const { url, case: c } = repeatedPut(slug, value, at);
  const verdict = (hit: boolean): Expectation => (hit ? fromCache(url, 'PUT') : preflightAgain(url, 'PUT', null));
  const profiles: Partial<Record<Engine, Expectation>> = {};
  for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
    if (cached[engine] !== cached.spec) profiles[engine] = verdict(cached[engine]);
  }
  return {
    id: `cache/${slug}`, title, digest,
    steps: ['cors-preflight-fetch-0:7.8', 'cors-preflight-fetch-0:7.9', 'cors-preflight-fetch-0:7.10', 'concept-cache-match-method'],
    level: 'should', case: c, expect: verdict(cached.spec),
    ...(Object.keys(profiles).length > 0 ? { profiles } : {}),
  };
};

const all = (hit: boolean) => ({ spec: hit, chromium: hit, firefox: hit, webkit: hit });

export const maxAgeCases = [
  maxAge('max-age-absent-within', 'No ACMA: cached for 5 s, a repeat after 4 s is answered from the cache', 58, undefined, 4, all(true)),
  maxAge('max-age-absent-expired', 'No ACMA: a repeat after 6 s sends a new preflight', 58, undefined, 6, all(false)),
  maxAge('max-age-60-within', 'ACMA 60: a repeat after 30 s is answered from the cache', 58, '60', 30, all(true)),
  maxAge('max-age-60-expired', 'ACMA 60: a repeat after 61 s sends a new preflight', 58, '60', 61, all(false)),
  maxAge('max-age-invalid-abc', 'ACMA "abc" is invalid: 5 s by the spec (Firefox caches nothing)', 59, 'abc', 2,
    { ...all(true), firefox: false }),
  maxAge('max-age-invalid-decimal', 'ACMA "1.5" is invalid: 5 s by the spec (Firefox caches nothing)', 59, '1.5', 2,
    { ...all(true), firefox: false }),
  maxAge('max-age-invalid-unit', 'ACMA "60s" is invalid: 5 s by the spec (Firefox caches nothing)', 59, '60s', 2,
    { ...all(true), firefox: false }),
  maxAge('max-age-invalid-expired', 'ACMA "abc" is invalid: the 5 s default has run out after 10 s', 59, 'abc', 10, all(false)),
  maxAge('max-age-plus-sign', 'ACMA "+60" is not delta-seconds: 5 s by the spec (Firefox caches nothing)', 59, '+60', 2,
    { ...all(true), firefox: false }),
  maxAge('max-age-plus-sign-expired', 'ACMA "+60": by the spec the 5 s default has run out after 10 s', 59, '+60', 10,
    // WebKit's parseInteger and Chromium's base::StringToInt64 both skip a leading "+" and cache for 60 s.
    { ...all(false), chromium: true, webkit: true }),
  maxAge('max-age-negative', 'ACMA "-1": 5 s by the spec; Chromium uses 0, Firefox caches nothing, WebKit lets it expire', 59, '-1', 2,
    { spec: true, chromium: false, firefox: false, webkit: false }),
  maxAge('max-age-two-lines', 'Two ACMA lines: failure, so 5 s; a repeat after 10 s sends a new preflight', 60, ['600', '600'], 10, all(false)),
  maxAge('max-age-two-lines-within', 'Two ACMA lines: 5 s by the spec (Firefox caches nothing)', 60, ['600', '600'], 2,
    { ...all(true), firefox: false }),
  maxAge('max-age-list-value', 'ACMA "600, 600": not delta-seconds, so 5 s; a repeat after 10 s sends a new preflight', 60, '600, 600', 10, all(false)),
  maxAge('max-age-zero', 'ACMA 0: the entries expire at once, a repeat after 1 s sends a new preflight', 61, '0', 1, all(false)),
  maxAge('max-age-huge-at-601', 'ACMA 31536000, repeated after 601 s: WebKit caps at 600 s', 62, '31536000', 601,
    { ...all(true), webkit: false }),
  maxAge('max-age-huge-at-7201', 'ACMA 31536000, repeated after 7201 s: Chromium caps at 7200 s', 62, '31536000', 7201,
    { ...all(true), chromium: false, webkit: false }),
  maxAge('max-age-huge-at-86401', 'ACMA 31536000, repeated after 86401 s: Firefox caps at 86400 s', 62, '31536000', 86401,
    { spec: true, chromium: false, firefox: false, webkit: false }),
] as const satisfies readonly EdgeCase[];
