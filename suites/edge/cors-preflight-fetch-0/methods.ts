/**
 * Access-Control-Allow-Methods: parsed as a #method list (any bad element fails the whole preflight,
 * step 7.3), matched byte for byte (step 7.5), "*" a wildcard only without credentials; safelisted
 * methods need no entry. The Request constructor normalizes only the six well-known methods.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
import { ACAM } from '../../../spec/headers.js';
import type { CaseHeaderValue, CaseRequest, CredentialsMode } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowCredentials, allowOrigin, api, preflightOk, sentActual, sentPreflight } from '../fixtures.js';

interface MethodCase {
  readonly path: string;
  /** The method as script passes it. */
  readonly method: string;
  /** The method after normalization, as sent. */
  readonly sent?: string;
  readonly acam?: CaseHeaderValue;
  readonly acah?: string;
  readonly headers?: CaseRequest['headers'];
  readonly credentials?: CredentialsMode;
}

const request = (m: MethodCase): CaseRequest => ({
  url: api(m.path), method: m.method, origin: PAGE, body: m.method !== 'GET',
  ...(m.headers ? { headers: m.headers } : {}),
  ...(m.credentials ? { credentials: m.credentials } : {}),
});

/** The case: the preflight answers with the origin (and ACAC if credentialed), `acam` and `acah`. */
const methodCase = (m: MethodCase) => ({
  request: request(m),
  preflight: {
    status: 204,
    headers: {
      ...preflightOk({ credentials: m.credentials === 'include', ...(m.acah !== undefined ? { headers: m.acah } : {}) }),
      ...(m.acam !== undefined ? { [ACAM]: m.acam } : {}),
    },
  },
  response: { status: 200, headers: m.credentials === 'include' ? allowCredentials() : allowOrigin() },
});

const acrhOf = (m: MethodCase): string | null =>
  m.headers ? Object.keys(m.headers).map((n) => n.toLowerCase()).sort().join(',') : null;

const fails = (m: MethodCase, failedAt: 'cors-preflight-fetch-0:7.3' | 'cors-preflight-fetch-0:7.5') => ({
  kind: 'verdict' as const,
  outcome: 'network-error' as const,
  failedAt,
  preflightSent: true,
  requests: [sentPreflight(api(m.path), m.sent ?? m.method, acrhOf(m))],
});

const passes = (m: MethodCase) => ({
  kind: 'verdict' as const,
  outcome: 'ok' as const,
  preflightSent: true,
  requests: [sentPreflight(api(m.path), m.sent ?? m.method, acrhOf(m)), sentActual(m.sent ?? m.method, api(m.path))],
  status: 200,
  exposedHeaders: [],
});

const put = (path: string, acam?: CaseHeaderValue): MethodCase => ({ path, method: 'PUT', ...(acam !== undefined ? { acam } : {}) });

const absentPut = put('/acam/absent-put');
const absentDelete: MethodCase = { path: '/acam/absent-delete', method: 'DELETE' };
const absentPatch: MethodCase = { path: '/acam/absent-patch', method: 'PATCH' };
const lowercaseForPut = put('/acam/lowercase-for-put', 'put');
const patchLower: MethodCase = { path: '/acam/patch-lowercase-request', method: 'patch', acam: 'PATCH' };
const patchLowerEchoed: MethodCase = { path: '/acam/patch-lowercase-echoed', method: 'patch', acam: 'patch' };
const patchUpper: MethodCase = { path: '/acam/patch-uppercase', method: 'PATCH', acam: 'PATCH' };
const normalizedPut: MethodCase = { path: '/method/normalized-put', method: 'put', sent: 'PUT', acam: 'PUT' };
const normalizedDelete: MethodCase = { path: '/method/normalized-delete', method: 'dElEtE', sent: 'DELETE', acam: 'DELETE' };
const customToken: MethodCase = { path: '/method/custom-token', method: 'REPORT', acam: 'REPORT' };
const wildcardPut = put('/acam/wildcard-put', '*');
const wildcardCustom: MethodCase = { path: '/acam/wildcard-custom-method', method: 'PURGE', acam: '*' };
const wildcardCredentialed: MethodCase = { ...put('/acam/wildcard-put-credentialed', '*'), credentials: 'include' };
const starMethod: MethodCase = { path: '/acam/star-method-credentialed', method: '*', acam: '*', credentials: 'include' };
const safelistedPost: MethodCase = { path: '/acam/safelisted-post-not-listed', method: 'POST', acam: 'PUT', acah: 'x-foo', headers: { 'X-Foo': '1' } };
const safelistedGet: MethodCase = { path: '/acam/safelisted-get-not-listed', method: 'GET', acam: 'DELETE', acah: 'x-foo', headers: { 'X-Foo': '1' } };
const syntaxSpace: MethodCase = { path: '/acam/syntax-space', method: 'GET', acam: 'GET POST', acah: 'x-foo', headers: { 'X-Foo': '1' } };
const syntaxSemicolon = put('/acam/syntax-semicolon', 'PUT;');
const syntaxSlash = put('/acam/syntax-slash', 'GET/PUT');
const syntaxQuoted = put('/acam/syntax-quoted', '"PUT"');
const syntaxSecondLine = put('/acam/syntax-bad-second-line', ['PUT', 'DEL ETE']);
const splitLines: MethodCase = { path: '/acam/split-lines', method: 'DELETE', acam: ['PUT', 'DELETE'] };
const emptyValue = put('/acam/empty-value', '');
const emptyValueSafelisted: MethodCase = { path: '/acam/empty-value-safelisted', method: 'POST', acam: '', acah: 'x-foo', headers: { 'X-Foo': '1' } };
const emptyElements: MethodCase = { path: '/acam/empty-elements', method: 'DELETE', acam: 'PUT, , DELETE' };

export const methodCases = [
  {
    id: 'acam/absent-put', title: 'PUT with no ACAM on the preflight: fails the method check',
    digest: 32, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(absentPut), expect: fails(absentPut, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/absent-delete', title: 'DELETE with no ACAM on the preflight: fails the method check',
    digest: 32, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(absentDelete), expect: fails(absentDelete, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/absent-patch', title: 'PATCH with no ACAM on the preflight: fails the method check',
    digest: 32, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(absentPatch), expect: fails(absentPatch, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/lowercase-for-put', title: 'ACAM "put" for a PUT: fails, methods match case-sensitively',
    digest: 33, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(lowercaseForPut), expect: fails(lowercaseForPut, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/patch-lowercase-request',
    title: 'Method "patch" (not normalized) with ACAM PATCH: ACRM is "patch" and the preflight fails',
    digest: 34, steps: ['concept-method-normalize', 'cors-preflight-fetch-0:3', 'cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(patchLower), expect: fails(patchLower, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/patch-lowercase-echoed', title: 'Method "patch" with ACAM "patch": passes, the lowercase method is sent',
    digest: 34, steps: ['concept-method-normalize', 'cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(patchLowerEchoed), expect: passes(patchLowerEchoed),
  },
  {
    id: 'acam/patch-uppercase', title: 'Method PATCH with ACAM PATCH: passes',
    digest: 34, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(patchUpper), expect: passes(patchUpper),
  },
  {
    id: 'method/normalized-put', title: 'Method "put" is normalized to PUT: ACRM PUT, ACAM PUT passes',
    steps: ['concept-method-normalize', 'cors-preflight-fetch-0:3'], level: 'must',
    case: methodCase(normalizedPut), expect: passes(normalizedPut),
  },
  {
    id: 'method/normalized-delete', title: 'Method "dElEtE" is normalized to DELETE',
    steps: ['concept-method-normalize', 'cors-preflight-fetch-0:3'], level: 'must',
    case: methodCase(normalizedDelete), expect: passes(normalizedDelete),
  },
  {
    id: 'method/normalized-post-no-preflight', title: 'Method "post" is normalized to POST, a safelisted method: no preflight',
    steps: ['concept-method-normalize', 'cors-safelisted-method', 'concept-main-fetch:12'], level: 'must',
    case: {
      request: { url: api('/method/normalized-post-no-preflight'), method: 'post', origin: PAGE, body: true },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('POST', api('/method/normalized-post-no-preflight'))],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'method/custom-token', title: 'A custom method REPORT listed in ACAM: passes',
    steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(customToken), expect: passes(customToken),
  },
  {
    id: 'acam/wildcard-put', title: 'ACAM "*" on an uncredentialed PUT: passes',
    digest: 35, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(wildcardPut), expect: passes(wildcardPut),
  },
  {
    id: 'acam/wildcard-custom-method', title: 'ACAM "*" on an uncredentialed PURGE: passes',
    digest: 35, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(wildcardCustom), expect: passes(wildcardCustom),
  },
  {
    id: 'acam/wildcard-put-credentialed', title: 'ACAM "*" on a credentialed PUT: fails, "*" is literal with credentials',
    digest: 36, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(wildcardCredentialed), expect: fails(wildcardCredentialed, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/star-method-credentialed', title: 'A credentialed request whose method is literally "*" matches ACAM "*"',
    digest: 36, steps: ['cors-preflight-fetch-0:7.5'], level: 'info',
    case: methodCase(starMethod), expect: passes(starMethod),
  },
  {
    id: 'acam/safelisted-post-not-listed',
    title: 'POST preflighted for a header, ACAM lists only PUT: passes, safelisted methods need no entry',
    digest: 37, steps: ['cors-preflight-fetch-0:7.5', 'cors-safelisted-method'], level: 'must',
    case: methodCase(safelistedPost), expect: passes(safelistedPost),
  },
  {
    id: 'acam/safelisted-get-not-listed',
    title: 'GET preflighted for a header, ACAM lists only DELETE: passes',
    digest: 37, steps: ['cors-preflight-fetch-0:7.5', 'cors-safelisted-method'], level: 'must',
    case: methodCase(safelistedGet), expect: passes(safelistedGet),
  },
  {
    id: 'acam/syntax-space', title: 'ACAM "GET POST" (space-separated): the whole preflight fails, even for a GET',
    digest: 38, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: methodCase(syntaxSpace), expect: fails(syntaxSpace, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acam/syntax-semicolon', title: 'ACAM "PUT;": not a token, the preflight fails',
    digest: 38, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: methodCase(syntaxSemicolon), expect: fails(syntaxSemicolon, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acam/syntax-slash', title: 'ACAM "GET/PUT": not a token, the preflight fails',
    digest: 38, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: methodCase(syntaxSlash), expect: fails(syntaxSlash, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acam/syntax-quoted', title: 'ACAM "\\"PUT\\"" (a quoted string): not a token, the preflight fails',
    digest: 38, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: methodCase(syntaxQuoted), expect: fails(syntaxQuoted, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acam/syntax-bad-second-line', title: 'A valid ACAM line plus one with "DEL ETE": the whole preflight fails',
    digest: 38, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: methodCase(syntaxSecondLine), expect: fails(syntaxSecondLine, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acam/split-lines', title: 'ACAM split over two lines (PUT, DELETE) for a DELETE: passes, the values concatenate',
    digest: 39, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(splitLines), expect: passes(splitLines),
  },
  {
    id: 'acam/empty-value', title: 'ACAM present but empty for a PUT: an empty list, the method check fails',
    digest: 40, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(emptyValue), expect: fails(emptyValue, 'cors-preflight-fetch-0:7.5'),
  },
  {
    id: 'acam/empty-value-safelisted', title: 'ACAM present but empty for a POST preflighted for a header: passes',
    digest: 40, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: methodCase(emptyValueSafelisted), expect: passes(emptyValueSafelisted),
  },
  {
    id: 'acam/empty-elements', title: 'ACAM "PUT, , DELETE" for a DELETE: empty list elements are tolerated',
    digest: 38, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.5'], level: 'should',
    case: methodCase(emptyElements), expect: passes(emptyElements),
  },
  {
    id: 'flag/post-without-acam',
    title: 'POST with a stream body (use-CORS-preflight flag), preflight without ACAM: passes, methods defaults to the request method',
    digest: 41, steps: ['concept-main-fetch:12', 'cors-preflight-fetch-0:7.4', 'cors-preflight-fetch-0:7.5'], level: 'must',
    case: {
      request: { url: api('/flag/post-without-acam'), method: 'POST', origin: PAGE, useCorsPreflight: true, body: true },
      preflight: { status: 204, headers: preflightOk() },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [sentPreflight(api('/flag/post-without-acam'), 'POST', null), sentActual('POST', api('/flag/post-without-acam'))],
      status: 200, exposedHeaders: [],
    },
  },
  {
    id: 'flag/post-acam-other-method',
    title: 'POST with the use-CORS-preflight flag, ACAM lists only PUT: passes, POST is safelisted',
    digest: 41, steps: ['cors-preflight-fetch-0:7.5'], level: 'must',
    case: {
      request: { url: api('/flag/post-acam-other-method'), method: 'POST', origin: PAGE, useCorsPreflight: true, body: true },
      preflight: { status: 204, headers: preflightOk({ methods: 'PUT' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [sentPreflight(api('/flag/post-acam-other-method'), 'POST', null), sentActual('POST', api('/flag/post-acam-other-method'))],
      status: 200, exposedHeaders: [],
    },
  },
] as const satisfies readonly EdgeCase[];
