/**
 * Forbidden request-headers are silently ignored by the Headers API (guard "request"): they never
 * reach the request, never count as CORS-unsafe and never appear in ACRH. The method-override
 * headers are forbidden only when a value is a forbidden method.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
import type { CaseHeaders } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, combinedEverywhere, preflightOk, sentActual, sentPreflight } from '../fixtures.js';

/** A GET whose only author headers are forbidden ones: no preflight, none of them sent. */
const droppedOnly = (slug: string, title: string, headers: CaseHeaders, digest: number) => {
  const path = `/forbidden/${slug}`;
  // The real Origin is asserted by sentActual; every other dropped name must be absent.
  const absent = Object.fromEntries(
    Object.keys(headers).map((name) => name.toLowerCase()).filter((name) => name !== 'origin').map((name) => [name, null]),
  );
  return {
    id: `forbidden/${slug}`,
    title,
    digest,
    steps: ['forbidden-request-header', 'cors-unsafe-request-header-names'] as const,
    level: 'must' as const,
    case: { request: { url: api(path), origin: PAGE, headers }, response: { status: 200, headers: allowOrigin() } },
    expect: {
      kind: 'verdict' as const, outcome: 'ok' as const, preflightSent: false,
      requests: [sentActual('GET', api(path), PAGE, absent)],
      status: 200, exposedHeaders: [],
    },
  };
};

export const forbiddenHeaderCases = [
  droppedOnly('method-override-trace', 'X-HTTP-Method-Override: TRACE is dropped: no preflight, not sent',
    { 'X-HTTP-Method-Override': 'TRACE' }, 56),
  droppedOnly('method-override-list-with-trace', 'X-HTTP-Method-Override: "PUT, trace" is dropped, one value is forbidden',
    { 'X-HTTP-Method-Override': 'PUT, trace' }, 56),
  droppedOnly('x-http-method-connect', 'X-HTTP-Method: CONNECT is dropped', { 'X-HTTP-Method': 'CONNECT' }, 56),
  droppedOnly('x-method-override-track', 'X-Method-Override: track is dropped', { 'X-Method-Override': 'track' }, 56),
  {
    id: 'forbidden/method-override-delete',
    title: 'X-HTTP-Method-Override: DELETE is kept, is CORS-unsafe and must be allowed',
    digest: 56,
    steps: ['forbidden-request-header', 'cors-preflight-fetch-0:7.7'],
    level: 'must',
    case: {
      request: { url: api('/forbidden/method-override-delete'), method: 'POST', origin: PAGE, body: true, headers: { 'X-HTTP-Method-Override': 'DELETE' } },
      preflight: { status: 204, headers: preflightOk({ headers: 'X-HTTP-Method-Override' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(api('/forbidden/method-override-delete'), 'POST', 'x-http-method-override'),
        sentActual('POST', api('/forbidden/method-override-delete'), PAGE, { 'x-http-method-override': 'DELETE' }),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'forbidden/method-override-delete-then-trace',
    title: 'X-HTTP-Method-Override appended as DELETE, then TRACE: the TRACE line is dropped, DELETE is kept (Chromium drops both)',
    digest: 56,
    steps: ['forbidden-request-header', 'cors-unsafe-request-header-names'],
    level: 'info',
    case: {
      request: { url: api('/forbidden/method-override-delete-then-trace'), origin: PAGE, headers: { 'X-HTTP-Method-Override': ['DELETE', 'TRACE'], 'X-A': '1' } },
      preflight: { status: 204, headers: preflightOk({ headers: 'x-a, x-http-method-override' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
      requests: [
        sentPreflight(api('/forbidden/method-override-delete-then-trace'), 'GET', 'x-a,x-http-method-override'),
        sentActual('GET', api('/forbidden/method-override-delete-then-trace'), PAGE, { 'x-http-method-override': 'DELETE' }),
      ],
    },
    // Measured in Chromium 156, Firefox 153 ESR and WebKitGTK 2.50: the combined value "DELETE, TRACE" is
    // forbidden, so no line is sent.
    profiles: combinedEverywhere({
      kind: 'verdict', outcome: 'ok', preflightSent: true, status: 200,
      requests: [
        sentPreflight(api('/forbidden/method-override-delete-then-trace'), 'GET', 'x-a'),
        sentActual('GET', api('/forbidden/method-override-delete-then-trace'), PAGE, { 'x-http-method-override': null }),
      ],
    }),
  },
  droppedOnly('origin-spoof', 'An author Origin header is dropped; the browser sends the real origin',
    { Origin: 'https://evil.example' }, 57),
  {
    id: 'forbidden/never-in-acrh',
    title: 'Cookie, Referer, Sec-*, Proxy-*, Content-Length set by script never reach ACRH; only X-Foo does',
    digest: 57,
    steps: ['forbidden-request-header', 'cors-unsafe-request-header-names', 'cors-preflight-fetch-0:5'],
    level: 'must',
    case: {
      request: {
        url: api('/forbidden/never-in-acrh'), origin: PAGE,
        headers: {
          'X-Foo': '1', Cookie: 'session=1', Referer: 'https://app.example/page', 'Sec-Fetch-Mode': 'no-cors',
          'Proxy-Authorization': 'Basic eDp5', 'Content-Length': '0', 'Access-Control-Request-Method': 'PUT',
        },
      },
      preflight: { status: 204, headers: preflightOk({ headers: 'x-foo' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(api('/forbidden/never-in-acrh'), 'GET', 'x-foo'),
        sentActual('GET', api('/forbidden/never-in-acrh'), PAGE, {
          'x-foo': '1', cookie: null, referer: null, 'sec-fetch-mode': null, 'proxy-authorization': null,
          'content-length': null, 'access-control-request-method': null,
        }),
      ],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'forbidden/user-agent-allowed',
    title: 'User-Agent is not a forbidden request-header: script\'s value is sent and preflighted (Chromium drops it)',
    steps: ['forbidden-request-header', 'cors-unsafe-request-header-names', 'cors-preflight-fetch-0:5'],
    level: 'info',
    case: {
      request: { url: api('/forbidden/user-agent-allowed'), origin: PAGE, headers: { 'User-Agent': 'probe/1' } },
      preflight: { status: 204, headers: preflightOk({ headers: 'user-agent' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [
        sentPreflight(api('/forbidden/user-agent-allowed'), 'GET', 'user-agent'),
        sentActual('GET', api('/forbidden/user-agent-allowed'), PAGE, { 'user-agent': 'probe/1' }),
      ],
      status: 200, exposedHeaders: [],
    },
    // Measured in Chromium 156: no preflight, and the request carries Chromium's own User-Agent.
    profiles: {
      chromium: {
        kind: 'verdict', outcome: 'ok', preflightSent: false,
        requests: [sentActual('GET', api('/forbidden/user-agent-allowed'), PAGE, { 'user-agent': null })],
        status: 200, exposedHeaders: [],
      },
    },
  },
] as const satisfies readonly EdgeCase[];
