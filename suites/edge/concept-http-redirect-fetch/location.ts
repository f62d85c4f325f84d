/**
 * What a Location may be: one header that parses as a URL (step 5), with an HTTP(S) scheme (step 6),
 * at most 20 redirects (step 7), and no userinfo where CORS is involved (steps 9-10).
 * @see https://fetch.spec.whatwg.org/#concept-http-redirect-fetch
 */
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, own, sentActual } from '../fixtures.js';
import { hop, land } from './chain.js';

type RedirectStep =
  | 'concept-http-redirect-fetch:5' | 'concept-http-redirect-fetch:6' | 'concept-http-redirect-fetch:7'
  | 'concept-http-redirect-fetch:9' | 'concept-http-redirect-fetch:10';

/** GET api → 302 (with ACAO, so the hop passes the CORS check) → `location`, which fails at `failedAt`. */
const badLocation = (slug: string, title: string, digest: number, location: string | readonly string[], failedAt: RedirectStep): EdgeCase => ({
  id: `redirect/${slug}`, title, digest, steps: [failedAt], level: 'must',
  case: {
    request: { url: api(`/redirect/${slug}`), origin: PAGE },
    responses: [hop(api(`/redirect/${slug}`), 302, location, allowOrigin())],
  },
  expect: {
    kind: 'verdict', outcome: 'network-error', failedAt, preflightSent: false,
    requests: [sentActual('GET', api(`/redirect/${slug}`))],
  },
});

/** A chain of `count` redirects api/…/0 → api/…/1 → …, every hop and the landing allowing the page. */
const chainOf = (slug: string, count: number) => {
  const at = (i: number) => api(`/redirect/${slug}/${i}`);
  return {
    urls: Array.from({ length: count + 1 }, (_, i) => at(i)),
    responses: [...Array.from({ length: count }, (_, i) => hop(at(i), 302, at(i + 1), allowOrigin())), land(at(count), allowOrigin())],
  };
};

const twenty = chainOf('twenty-redirects', 20);
const twentyOne = chainOf('twenty-one-redirects', 21);
const loop = api('/redirect/loop');
const identical = api('/redirect/two-identical-location-lines/next');
const twoLines = { a: api('/redirect/two-location-lines/a'), b: api('/redirect/two-location-lines/b') };
/** The URL an engine that joins two Location lines with `, ` follows. */
const joined = (first: string, second: string): string => new URL(`${first}, ${second}`).href;

export const redirectLocationCases = [
  badLocation('userinfo-cross-origin', 'Location with user:pass@ on another origin: blocked', 76,
    'https://user:pass@other.example/redirect/userinfo-cross-origin', 'concept-http-redirect-fetch:9'),
  badLocation('userinfo-same-target-origin', 'Location with user@ on the API origin itself (not the page\'s): blocked', 76,
    'https://user@api.example/redirect/userinfo-same-target-origin/next', 'concept-http-redirect-fetch:9'),
  badLocation('userinfo-to-page-origin', 'A cross-origin resource redirecting to the page origin with user:pass@: blocked by the cors-tainting rule', 76,
    'https://user:pass@app.example/redirect/userinfo-to-page-origin', 'concept-http-redirect-fetch:10'),
  {
    id: 'redirect/userinfo-same-origin-basic',
    title: 'A same-origin request redirected to its own origin with user:pass@: followed, no CORS involved',
    digest: 76, steps: ['concept-http-redirect-fetch:9', 'concept-http-redirect-fetch:10'], level: 'info',
    case: {
      request: { url: own('/redirect/userinfo-same-origin-basic'), origin: PAGE },
      responses: [
        hop(own('/redirect/userinfo-same-origin-basic'), 302, 'https://user:pass@app.example/redirect/userinfo-same-origin-basic/next'),
        { for: 'actual', status: 200, headers: {} },
      ],
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', own('/redirect/userinfo-same-origin-basic'), null), { kind: 'actual', method: 'GET' }],
      status: 200,
    },
    profiles: {
      chromium: {
        // Fails at browser:chromium-credentials-in-redirect (a beyond-spec step; failedAt pins Fetch anchors only).
        kind: 'verdict', outcome: 'network-error', preflightSent: false,
        requests: [sentActual('GET', own('/redirect/userinfo-same-origin-basic'), null)],
      },
    },
  },
  badLocation('location-data', 'Location data:text/plain,hi: blocked, not an HTTP(S) scheme', 77, 'data:text/plain,hi', 'concept-http-redirect-fetch:6'),
  badLocation('location-ftp', 'Location ftp://…: blocked', 77, 'ftp://other.example/file', 'concept-http-redirect-fetch:6'),
  badLocation('location-javascript', 'Location javascript:…: blocked', 77, 'javascript:alert(1)', 'concept-http-redirect-fetch:6'),
  badLocation('location-unparseable', 'Location "https://exa mple.example/" does not parse: blocked', 79,
    'https://exa mple.example/', 'concept-http-redirect-fetch:5'),
  badLocation('location-bad-ipv6', 'Location "https://[oops/" does not parse: blocked', 79, 'https://[oops/', 'concept-http-redirect-fetch:5'),
  {
    ...badLocation('two-location-lines', 'Two Location lines: blocked, Location takes a single value (WebKit joins them into one URL)', 79,
      [twoLines.a, twoLines.b], 'concept-http-redirect-fetch:5'),
    case: {
      request: { url: api('/redirect/two-location-lines'), origin: PAGE },
      // The landing answer is matched by kind: only an engine that follows the joined value gets that far.
      responses: [hop(api('/redirect/two-location-lines'), 302, [twoLines.a, twoLines.b], allowOrigin()), { for: 'actual', status: 200, headers: allowOrigin() }],
    },
    // Measured in WebKitGTK 2.50.
    profiles: {
      webkit: {
        kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200,
        requests: [sentActual('GET', api('/redirect/two-location-lines')), sentActual('GET', joined(twoLines.a, twoLines.b))],
      },
    },
  },
  {
    ...badLocation('two-identical-location-lines', 'Two identical Location lines: blocked by the spec; Chromium follows them as one', 79,
      [identical, identical], 'concept-http-redirect-fetch:5'),
    case: {
      request: { url: api('/redirect/two-identical-location-lines'), origin: PAGE },
      // The landing answer is matched by kind, so it also answers WebKit's joined URL.
      responses: [hop(api('/redirect/two-identical-location-lines'), 302, [identical, identical], allowOrigin()), { for: 'actual', status: 200, headers: allowOrigin() }],
    },
    // Measured in Chromium 156, Firefox 153 ESR and WebKitGTK 2.50.
    profiles: {
      webkit: {
        kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200,
        requests: [sentActual('GET', api('/redirect/two-identical-location-lines')), sentActual('GET', joined(identical, identical))],
      },
      chromium: {
        kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200,
        requests: [sentActual('GET', api('/redirect/two-identical-location-lines')), sentActual('GET', identical)],
      },
      firefox: {
        kind: 'verdict', outcome: 'ok', preflightSent: false, status: 200,
        requests: [sentActual('GET', api('/redirect/two-identical-location-lines')), sentActual('GET', identical)],
      },
    },
  },
  {
    id: 'redirect/twenty-redirects',
    title: 'Twenty redirects are followed: 21 requests, the last one answered 200',
    digest: 78, steps: ['concept-http-redirect-fetch:7'], level: 'must',
    case: { request: { url: twenty.urls[0]!, origin: PAGE }, responses: twenty.responses },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: twenty.urls.map((url) => sentActual('GET', url)), status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/twenty-one-redirects',
    title: 'A 21st redirect: blocked after 21 requests',
    digest: 78, steps: ['concept-http-redirect-fetch:7'], level: 'must',
    case: { request: { url: twentyOne.urls[0]!, origin: PAGE }, responses: twentyOne.responses },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-http-redirect-fetch:7', preflightSent: false,
      requests: twentyOne.urls.slice(0, 21).map((url) => sentActual('GET', url)),
    },
  },
  {
    id: 'redirect/loop',
    title: 'A URL redirecting to itself: blocked on the 21st redirect',
    digest: 78, steps: ['concept-http-redirect-fetch:7'], level: 'must',
    case: {
      request: { url: loop, origin: PAGE },
      responses: Array.from({ length: 25 }, () => hop(loop, 302, loop, allowOrigin())),
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-http-redirect-fetch:7', preflightSent: false,
      requests: Array.from({ length: 21 }, () => sentActual('GET', loop)),
    },
  },
] as const satisfies readonly EdgeCase[];
