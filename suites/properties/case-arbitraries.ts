/**
 * fast-check arbitraries for whole cases: browser-realistic requests (as script makes them) and the
 * server answers that exercise the edges of the spec. One arbitrary per piece; simplest value first.
 */
import fc from 'fast-check';
import type {
  Case, CaseAnswer, CaseHeaders, CaseRequest, CaseResponse, CredentialsMode,
} from '../../reference/browser/types.js';

export const PAGE_ORIGIN = 'https://app.example';
export const TARGET = 'https://api.example';

/** Methods script can use: safelisted first, then unsafe, then a lowercase non-normalized one. */
export const method = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'patch', 'OPTIONS', 'X-Custom');

export const credentials = fc.constantFrom<CredentialsMode>('same-origin', 'omit', 'include');

/** Request headers script sets: safelisted values, values just over the limits, and unsafe names. */
export const requestHeaderEntry: fc.Arbitrary<readonly [string, string]> = fc.oneof(
  fc.constantFrom<readonly [string, string]>(
    ['accept', 'application/json'], ['content-type', 'text/plain'], ['content-type', 'application/json'],
    ['content-type', 'text/plain; charset="utf-8"'], ['content-type', 'multipart/form-data; boundary=x'],
    ['accept-language', 'en-US'], ['accept-language', 'en_US'], ['content-language', 'de'],
    ['range', 'bytes=0-'], ['range', 'bytes=-500'], ['range', 'Bytes=0-1'],
    ['x-api-key', 'k'], ['X-Requested-With', 'XMLHttpRequest'], ['authorization', 'Bearer t'],
    ['save-data', 'on'], ['dpr', '2'],
  ),
  fc.integer({ min: 120, max: 136 }).map((n) => ['accept', 'a'.repeat(n)] as const),
  fc.integer({ min: 120, max: 136 }).map((n) => ['content-language', 'x'.repeat(n)] as const),
);

function headerObject(entries: readonly (readonly [string, string])[]): CaseHeaders {
  const out: Record<string, string[]> = {};
  for (const [name, value] of entries) (out[name] ??= []).push(value);
  return Object.fromEntries(Object.entries(out).map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

export const requestHeaders = fc.array(requestHeaderEntry, { maxLength: 4 }).map(headerObject);

export const path = fc.constantFrom('/items', '/items/1', '/a?q=1');

export const request: fc.Arbitrary<CaseRequest> = fc.record({
  method, credentials, headers: requestHeaders, path,
}).map(({ method: m, credentials: c, headers, path: p }) => ({
  url: TARGET + p, method: m, origin: PAGE_ORIGIN, credentials: c, headers,
  ...((m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'patch') && { body: true }),
}));

/** Access-Control-Allow-Origin values around the right one. */
export const acao = fc.constantFrom<string | readonly string[] | undefined>(
  PAGE_ORIGIN, '*', undefined, 'null', PAGE_ORIGIN + '/', 'HTTPS://APP.EXAMPLE', PAGE_ORIGIN + ':443',
  [PAGE_ORIGIN, PAGE_ORIGIN], `${PAGE_ORIGIN}, https://other.example`, 'https://other.example',
);
export const acac = fc.constantFrom<string | undefined>('true', undefined, 'True', 'false', ' true');
export const tokenList = fc.constantFrom<string | readonly string[] | undefined>(
  undefined, '*', 'PUT', 'PUT, DELETE', 'put', 'patch', 'PATCH', 'GET POST', ['PUT', 'DELETE'], '',
  'x-api-key', 'X-Api-Key, content-type', 'authorization', '*, authorization', 'content-type,x-api-key,range,accept,accept-language,content-language,x-requested-with,save-data,dpr',
);
export const maxAge = fc.constantFrom<string | readonly string[] | undefined>(undefined, '0', '5', '600', '86400', '-1', '+60', '1.5', 'abc', ['600', '600'], '99999999999999999999');
export const status = fc.constantFrom(200, 204, 299, 201, 300, 301, 302, 304, 307, 400, 403, 404, 500);

function responseHeaders(entries: Record<string, string | readonly string[] | undefined>): CaseHeaders {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined));
}

export const preflightResponse: fc.Arbitrary<CaseResponse> = fc.record({
  status, acao, acac, acam: tokenList, acah: tokenList, acma: maxAge,
}).map(({ status: s, acao: o, acac: c, acam, acah, acma }) => ({
  status: s,
  headers: responseHeaders({
    'access-control-allow-origin': o, 'access-control-allow-credentials': c,
    'access-control-allow-methods': acam, 'access-control-allow-headers': acah, 'access-control-max-age': acma,
  }),
}));

export const actualResponse: fc.Arbitrary<CaseResponse> = fc.record({
  status: fc.constantFrom(200, 201, 204, 404, 500), acao, acac,
  aceh: fc.constantFrom<string | undefined>(undefined, '*', 'x-request-id', 'X-Request-Id, set-cookie', 'x-a x-b'),
}).map(({ status: s, acao: o, acac: c, aceh }) => ({
  status: s,
  headers: responseHeaders({
    'access-control-allow-origin': o, 'access-control-allow-credentials': c, 'access-control-expose-headers': aceh,
    'content-type': 'application/json', 'x-request-id': '42', 'set-cookie': 'a=b', 'etag': '"1"',
  }),
}));

/** An optional redirect hop before the final response, same-origin or to another origin. */
export const redirectHop = fc.option(fc.record({
  status: fc.constantFrom(301, 302, 303, 307, 308),
  to: fc.constantFrom(`${TARGET}/moved`, 'https://cdn.example/moved', `${PAGE_ORIGIN}/back`),
  acao: fc.constantFrom<string | undefined>(PAGE_ORIGIN, '*', undefined),
}), { nil: undefined });

/** A whole case: request, preflight answer, optional redirect, final answer(s). */
export const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  request, preflight: preflightResponse, response: actualResponse, hop: redirectHop,
  secondPreflight: preflightResponse, finalResponse: actualResponse,
}).map(({ request: r, preflight, response, hop, secondPreflight, finalResponse }) => {
  if (hop === undefined) return { request: r, preflight, response };
  const responses: CaseAnswer[] = [
    { for: 'actual', url: r.url, status: hop.status, headers: responseHeaders({ 'access-control-allow-origin': hop.acao, location: hop.to }) },
    { for: 'preflight', url: hop.to, ...secondPreflight },
    { for: 'actual', url: hop.to, ...finalResponse },
  ];
  return { request: r, preflight, responses };
});
