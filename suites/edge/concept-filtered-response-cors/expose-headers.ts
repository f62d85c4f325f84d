/**
 * What script can read of a CORS response: the seven safelisted response-header names that are
 * present, plus the names listed in Access-Control-Expose-Headers (all names for "*" without
 * credentials), never Set-Cookie. An unparseable ACEH exposes nothing extra but blocks nothing.
 * @see https://fetch.spec.whatwg.org/#concept-filtered-response-cors
 * @see https://fetch.spec.whatwg.org/#concept-main-fetch
 */
import { ACAC, ACAO, ACEH, SET_COOKIE } from '../../../spec/headers.js';
import type { CaseHeaders, CredentialsMode } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, api, preflightOk, sentActual, sentPreflight } from '../fixtures.js';

/** Response headers a typical API sends besides the CORS ones. */
const typical: CaseHeaders = {
  'content-type': 'application/json',
  'x-request-id': 'r1',
  etag: '"v1"',
  date: 'Tue, 01 Dec 2026 00:00:00 GMT',
  [SET_COOKIE]: 'session=1; Secure',
};

/** A GET whose response carries `headers`; credentialed requests also get the exact origin and ACAC. */
const exposing = (
  slug: string, title: string, digest: number | undefined, headers: CaseHeaders, exposed: readonly string[],
  credentials: CredentialsMode = 'same-origin',
): EdgeCase => ({
  id: `aceh/${slug}`,
  title,
  ...(digest !== undefined ? { digest } : {}),
  steps: ['concept-main-fetch:14.1', 'concept-filtered-response-cors', 'cors-safelisted-response-header-name'],
  level: 'must',
  case: {
    request: { url: api(`/aceh/${slug}`), origin: PAGE, credentials },
    response: {
      status: 200,
      headers: credentials === 'include' ? { [ACAO]: PAGE, [ACAC]: 'true', ...headers } : { [ACAO]: PAGE, ...headers },
    },
  },
  expect: {
    kind: 'verdict', outcome: 'ok', preflightSent: false,
    requests: [sentActual('GET', api(`/aceh/${slug}`))], status: 200, exposedHeaders: exposed,
  },
});

export const exposeHeaderCases = [
  exposing('absent-all-safelisted', 'No ACEH: only the seven safelisted names are readable, not ETag, Date, X-Request-Id or ACAO', 67, {
    'cache-control': 'no-cache', 'content-language': 'en', 'content-length': '2', 'content-type': 'application/json',
    expires: '0', 'last-modified': 'Tue, 01 Dec 2026 00:00:00 GMT', pragma: 'no-cache',
    etag: '"v1"', date: 'Tue, 01 Dec 2026 00:00:00 GMT', 'x-request-id': 'r1', link: '</next>; rel="next"',
  }, ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']),
  exposing('absent-only-present', 'No ACEH: a safelisted name is listed only if the response has it', 67,
    typical, ['content-type']),
  exposing('listed', 'ACEH X-Request-Id, ETag: those become readable', undefined,
    { ...typical, [ACEH]: 'X-Request-Id, ETag' }, ['content-type', 'etag', 'x-request-id']),
  exposing('wildcard-uncredentialed', 'ACEH "*" without credentials: every name is readable except Set-Cookie', 68,
    { ...typical, [ACEH]: '*' },
    [ACAO, ACEH, 'content-type', 'date', 'etag', 'x-request-id'].sort()),
  exposing('wildcard-credentialed', 'ACEH "*" with credentials: "*" is a literal name, only the safelisted names are readable', 69,
    { ...typical, [ACEH]: '*' }, ['content-type'], 'include'),
  {
    ...exposing('wildcard-credentialed-literal-star', 'ACEH "*" with credentials exposes a header literally named "*"', 69,
      { ...typical, [ACEH]: '*', '*': 'star' }, ['*', 'content-type'], 'include'),
    level: 'info',
  },
  exposing('set-cookie-listed', 'ACEH listing Set-Cookie: still hidden, a forbidden response-header name', 70,
    { ...typical, [ACEH]: 'Set-Cookie, X-Request-Id' }, ['content-type', 'x-request-id']),
  exposing('malformed-space', 'ACEH "X-A X-B" does not parse: nothing beyond the safelist, the response is still readable', 71,
    { ...typical, 'x-a': '1', 'x-b': '2', [ACEH]: 'X-A X-B' }, ['content-type']),
  exposing('malformed-semicolon', 'ACEH "X-A;X-B" does not parse: nothing beyond the safelist', 71,
    { ...typical, 'x-a': '1', 'x-b': '2', [ACEH]: 'X-A;X-B' }, ['content-type']),
  exposing('malformed-second-line', 'One valid ACEH line and one malformed: the whole header fails, nothing extra', 71,
    { ...typical, 'x-a': '1', 'x-b': '2', [ACEH]: ['x-a', 'x b'] }, ['content-type']),
  exposing('split-lines', 'ACEH split over two lines: both names are readable', undefined,
    { ...typical, 'x-a': '1', 'x-b': '2', [ACEH]: ['x-a', 'x-b'] }, ['content-type', 'x-a', 'x-b']),
  exposing('case-insensitive', 'ACEH "X-REQUEST-ID" exposes x-request-id', undefined,
    { ...typical, [ACEH]: 'X-REQUEST-ID' }, ['content-type', 'x-request-id']),
  exposing('empty-element', 'ACEH ",x-a": the empty element is tolerated, x-a is readable', 71,
    { ...typical, 'x-a': '1', [ACEH]: ',x-a' }, ['content-type', 'x-a']),
  exposing('listed-but-absent', 'ACEH naming a header the response does not have: nothing to read', undefined,
    { 'x-request-id': 'r1', [ACEH]: 'x-missing' }, []),
  {
    id: 'aceh/only-on-preflight',
    title: 'ACEH sent only on the preflight response: no effect, it must be on the actual response',
    digest: 72,
    steps: ['concept-main-fetch:14.1', 'concept-filtered-response-cors'],
    level: 'must',
    case: {
      request: { url: api('/aceh/only-on-preflight'), method: 'PUT', origin: PAGE, body: true },
      preflight: { status: 204, headers: { ...preflightOk({ methods: 'PUT' }), [ACEH]: 'x-request-id' } },
      response: { status: 200, headers: { [ACAO]: PAGE, 'x-request-id': 'r1' } },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [sentPreflight(api('/aceh/only-on-preflight'), 'PUT', null), sentActual('PUT', api('/aceh/only-on-preflight'))],
      status: 200, exposedHeaders: [],
    },
  },
] as const satisfies readonly EdgeCase[];
