/**
 * The shape of Access-Control-Request-Headers: the CORS-unsafe names, byte-lowercased, de-duplicated,
 * sorted, joined with a bare "," (no space); the safelisted value budget is 1024 bytes, and the
 * `Accept: *\/*` that fetch adds counts toward it.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
import type { CaseHeaders } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, bytes, combinedEverywhere, preflightOk, sentActual, sentPreflight } from '../fixtures.js';
import { hop, land, preflightAt } from '../concept-http-redirect-fetch/chain.js';

/** A GET with `headers`, whose preflight allows `acah` (or lists nothing). */
const get = (path: string, headers: CaseHeaders, acah?: string) => ({
  request: { url: api(path), origin: PAGE, headers },
  preflight: { status: 204, headers: preflightOk(acah !== undefined ? { headers: acah } : {}) },
  response: { status: 200, headers: allowOrigin() },
});

const preflightedOk = (path: string, acrh: string, sent: Readonly<Record<string, string>> = {}) => ({
  kind: 'verdict' as const,
  outcome: 'ok' as const,
  preflightSent: true,
  requests: [sentPreflight(api(path), 'GET', acrh), sentActual('GET', api(path), PAGE, sent)],
  status: 200,
  exposedHeaders: [],
});

const notPreflighted = (path: string) => ({
  kind: 'verdict' as const,
  outcome: 'ok' as const,
  preflightSent: false,
  requests: [sentActual('GET', api(path))],
  status: 200,
  exposedHeaders: [],
});

/** Accept-Language values (letters only: safelisted) totalling `total` bytes, at most 128 each. */
const languageLines = (total: number): string[] => {
  const lines: string[] = [];
  for (let left = total; left > 0; left -= 128) lines.push(bytes(Math.min(128, left)));
  return lines;
};

/** Nine distinct names safelisted by Chromium (five by the spec), 125 bytes each: 1125 bytes together. */
const fullBudget: CaseHeaders = Object.fromEntries(
  [['Accept', 'a'], ['Accept-Language', 'b'], ['Content-Language', 'c'], ['Intervention', 'e'], ['DPR', '1'], ['Width', '2'],
    ['RTT', '3'], ['Downlink', '4'], ['Device-Memory', '5']].map(([name, ch]) => [name!, bytes(125, ch)]),
);
const fullBudgetNames = 'accept,accept-language,content-language,device-memory,downlink,dpr,intervention,rtt,width';
const specUnsafeNames = 'device-memory,downlink,dpr,intervention,rtt,width';

export const acrhCases = [
  {
    id: 'acrh/sorted-lowercase-no-space',
    title: 'ACRH lists the unsafe names lowercased, sorted and joined with "," without a space',
    digest: 49,
    steps: ['cors-unsafe-request-header-names', 'convert-header-names-to-a-sorted-lowercase-set', 'cors-preflight-fetch-0:5'],
    level: 'must',
    case: {
      request: {
        url: api('/acrh/sorted-lowercase-no-space'), method: 'POST', origin: PAGE, body: true,
        headers: { 'X-Zeta': '1', 'x-alpha': '2', 'Content-Type': 'application/json' },
      },
      preflight: { status: 204, headers: preflightOk({ headers: 'Content-Type, X-Alpha, X-Zeta' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(api('/acrh/sorted-lowercase-no-space'), 'POST', 'content-type,x-alpha,x-zeta'),
        sentActual('POST', api('/acrh/sorted-lowercase-no-space'), PAGE, {
          'x-zeta': '1', 'x-alpha': '2', 'content-type': 'application/json',
        }),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'acrh/deduplicated',
    title: 'A header appended twice appears once in ACRH; the actual request combines the values with ", "',
    digest: 49,
    steps: ['convert-header-names-to-a-sorted-lowercase-set', 'concept-header-list-get'],
    level: 'must',
    case: get('/acrh/deduplicated', { 'X-Foo': ['1', '2'] }, 'x-foo'),
    expect: preflightedOk('/acrh/deduplicated', 'x-foo', { 'x-foo': '1, 2' }),
  },
  {
    id: 'acrh/unsafe-accept',
    title: 'An Accept value with an unsafe byte puts "accept" into ACRH',
    digest: 49,
    steps: ['cors-safelisted-request-header', 'cors-unsafe-request-header-byte'],
    level: 'must',
    case: get('/acrh/unsafe-accept', { Accept: 'application/json; x="y"', 'X-B': '1' }, 'accept, x-b'),
    expect: preflightedOk('/acrh/unsafe-accept', 'accept,x-b', { accept: 'application/json; x="y"' }),
  },
  {
    id: 'budget/over-1024',
    title: 'Safelisted Accept-Language lines totalling 1024 bytes plus Accept */*: all become unsafe',
    digest: 50,
    steps: ['cors-unsafe-request-header-names', 'concept-fetch'],
    level: 'must',
    case: get('/budget/over-1024', { 'Accept-Language': languageLines(1024) }, 'accept, accept-language'),
    expect: preflightedOk('/budget/over-1024', 'accept,accept-language'),
    // Chromium classifies the combined value: Accept-Language alone is over 128 bytes, Accept */* stays safe.
    profiles: combinedEverywhere(preflightedOk('/budget/over-1024', 'accept-language')),
  },
  {
    id: 'budget/over-1024-not-allowed',
    title: 'Accept-Language and Content-Language values over the 1024-byte budget and no ACAH: the preflight fails',
    digest: 50,
    steps: ['cors-unsafe-request-header-names', 'cors-preflight-fetch-0:7.7'],
    level: 'must',
    case: get('/budget/over-1024-not-allowed', {
      'Accept-Language': languageLines(600), 'Content-Language': languageLines(600),
    }),
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7.7', preflightSent: true,
      requests: [sentPreflight(api('/budget/over-1024-not-allowed'), 'GET', 'accept,accept-language,content-language')],
    },
    profiles: combinedEverywhere({
      kind: 'verdict', outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7.7', preflightSent: true,
      requests: [sentPreflight(api('/budget/over-1024-not-allowed'), 'GET', 'accept-language,content-language')],
    }),
  },
  {
    id: 'budget/exactly-1024',
    title: 'Accept-Language lines of 1021 bytes plus Accept */* (3): exactly 1024, still safelisted, no preflight',
    digest: 50,
    steps: ['cors-unsafe-request-header-names', 'concept-fetch'],
    level: 'must',
    case: {
      request: { url: api('/budget/exactly-1024'), origin: PAGE, headers: { 'Accept-Language': languageLines(1021) } },
      // Unused by the spec; Chromium preflights the combined 1021-byte value.
      preflight: { status: 204, headers: preflightOk({ headers: 'accept-language' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: notPreflighted('/budget/exactly-1024'),
    profiles: combinedEverywhere(preflightedOk('/budget/exactly-1024', 'accept-language')),
  },
  {
    id: 'budget/accept-tips-over',
    title: 'Accept-Language lines of 1022 bytes: the added Accept */* makes 1025, over the budget',
    digest: 50,
    steps: ['cors-unsafe-request-header-names', 'concept-fetch'],
    level: 'must',
    case: get('/budget/accept-tips-over', { 'Accept-Language': languageLines(1022) }, 'accept, accept-language'),
    expect: preflightedOk('/budget/accept-tips-over', 'accept,accept-language'),
    profiles: combinedEverywhere(preflightedOk('/budget/accept-tips-over', 'accept-language')),
  },
  {
    id: 'budget/repeated-accept',
    title: 'Accept appended nine times with 128-byte values: over the budget, every safelisted name goes into ACRH',
    digest: 50,
    steps: ['cors-unsafe-request-header-names'],
    level: 'must',
    case: get(
      '/budget/repeated-accept',
      // Accept-Language is set so that no UA default is appended; it joins the unsafe names too.
      { Accept: Array.from({ length: 9 }, () => bytes(128)), 'Accept-Language': 'en' },
      'accept, accept-language',
    ),
    expect: preflightedOk('/budget/repeated-accept', 'accept,accept-language'),
    // Chromium: the nine lines are one Accept value over 128 bytes; the budget is never reached.
    profiles: combinedEverywhere(preflightedOk('/budget/repeated-accept', 'accept')),
  },
  {
    id: 'budget/after-redirect',
    title: 'Nine names Chromium safelists, 125 bytes each (1125 together), on a GET redirected within the API: Chromium drops the client hints there, so the rest is under the total',
    digest: 50,
    steps: ['cors-unsafe-request-header-names', 'concept-http-redirect-fetch:13', 'concept-main-fetch:12'],
    level: 'info',
    case: {
      request: { url: api('/budget/after-redirect'), origin: PAGE, headers: fullBudget },
      preflight: { status: 204, headers: preflightOk({ headers: '*' }) },
      responses: [
        hop(api('/budget/after-redirect'), 302, api('/budget/after-redirect/next'), allowOrigin()),
        preflightAt(api('/budget/after-redirect/next'), preflightOk({ headers: '*' })),
        land(api('/budget/after-redirect/next'), allowOrigin()),
      ],
    },
    // The spec safelists three of the names (375 bytes, under the total); the client hints are unsafe on both URLs.
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
      requests: [
        sentPreflight(api('/budget/after-redirect'), 'GET', specUnsafeNames), sentActual('GET', api('/budget/after-redirect')),
        sentPreflight(api('/budget/after-redirect/next'), 'GET', specUnsafeNames), sentActual('GET', api('/budget/after-redirect/next')),
      ],
    },
    // Measured in Chromium 156: DPR, Width, RTT, Downlink and Device-Memory are removed on the redirect; the
    // remaining 500 bytes are under the total, so the redirected GET goes out without a preflight.
    profiles: {
      chromium: {
        kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
        requests: [
          sentPreflight(api('/budget/after-redirect'), 'GET', fullBudgetNames), sentActual('GET', api('/budget/after-redirect')),
          sentActual('GET', api('/budget/after-redirect/next')),
        ],
      },
    },
  },
] as const satisfies readonly EdgeCase[];
