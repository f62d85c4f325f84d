/**
 * Access-Control-Allow-Headers: parsed as a #field-name list (step 7.3), matched case-insensitively;
 * Authorization must be listed by name (step 7.6); every other CORS-unsafe name must be listed or,
 * without credentials, covered by "*" (step 7.7).
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
 */
import type { CaseHeaders, CredentialsMode } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowCredentials, allowOrigin, api, preflightOk, sentActual, sentPreflight } from '../fixtures.js';

interface HeaderCase {
  readonly path: string;
  readonly method?: string;
  readonly headers: CaseHeaders;
  /** ACAH on the preflight response; undefined: absent. */
  readonly acah?: string;
  readonly credentials?: CredentialsMode;
  /** The expected ACRH value. */
  readonly acrh: string;
  /** Expected author headers on the actual request (lowercase names). */
  readonly sent?: Readonly<Record<string, string>>;
}

const headerCase = (h: HeaderCase) => ({
  request: {
    url: api(h.path), method: h.method ?? 'GET', origin: PAGE, headers: h.headers,
    ...(h.method === 'POST' ? { body: true } : {}),
    ...(h.credentials ? { credentials: h.credentials } : {}),
  },
  preflight: {
    status: 204,
    headers: preflightOk({ credentials: h.credentials === 'include', ...(h.acah !== undefined ? { headers: h.acah } : {}) }),
  },
  response: { status: 200, headers: h.credentials === 'include' ? allowCredentials() : allowOrigin() },
});

type HeaderStep = 'cors-preflight-fetch-0:7.3' | 'cors-preflight-fetch-0:7.6' | 'cors-preflight-fetch-0:7.7';

const fails = (h: HeaderCase, failedAt: HeaderStep) => ({
  kind: 'verdict' as const,
  outcome: 'network-error' as const,
  failedAt,
  preflightSent: true,
  requests: [sentPreflight(api(h.path), h.method ?? 'GET', h.acrh)],
});

const passes = (h: HeaderCase) => ({
  kind: 'verdict' as const,
  outcome: 'ok' as const,
  preflightSent: true,
  requests: [
    sentPreflight(api(h.path), h.method ?? 'GET', h.acrh),
    sentActual(h.method ?? 'GET', api(h.path), PAGE, h.sent ?? {}),
  ],
  status: 200,
  exposedHeaders: [],
});

const absent: HeaderCase = { path: '/acah/absent', headers: { 'X-Requested-With': 'XMLHttpRequest' }, acrh: 'x-requested-with' };
const otherName: HeaderCase = { path: '/acah/other-name', headers: { 'X-Requested-With': 'XMLHttpRequest' }, acah: 'x-other', acrh: 'x-requested-with' };
const oneOfTwo: HeaderCase = { path: '/acah/one-of-two-missing', headers: { 'X-A': '1', 'X-B': '2' }, acah: 'x-a', acrh: 'x-a,x-b' };
const caseInsensitive: HeaderCase = {
  path: '/acah/case-insensitive', headers: { 'X-Api-Key': 'k' }, acah: 'x-api-key', acrh: 'x-api-key', sent: { 'x-api-key': 'k' },
};
const uppercaseListed: HeaderCase = {
  path: '/acah/uppercase-listed', headers: { 'x-api-key': 'k' }, acah: 'X-API-KEY', acrh: 'x-api-key', sent: { 'x-api-key': 'k' },
};
const jsonUnlisted: HeaderCase = {
  path: '/acah/json-content-type-unlisted', method: 'POST', headers: { 'Content-Type': 'application/json' }, acrh: 'content-type',
};
const jsonListed: HeaderCase = {
  path: '/acah/json-content-type-listed', method: 'POST', headers: { 'Content-Type': 'application/json' },
  acah: 'Content-Type', acrh: 'content-type', sent: { 'content-type': 'application/json' },
};
const wildcardCustom: HeaderCase = {
  path: '/acah/wildcard-custom-header', headers: { 'X-Foo': '1', 'X-Bar': '2' }, acah: '*', acrh: 'x-bar,x-foo',
  sent: { 'x-foo': '1', 'x-bar': '2' },
};
const wildcardAuthorization: HeaderCase = {
  path: '/acah/wildcard-authorization', headers: { Authorization: 'Bearer t' }, acah: '*', acrh: 'authorization',
  sent: { authorization: 'Bearer t' },
};
const wildcardCredentialed: HeaderCase = {
  path: '/acah/wildcard-credentialed', headers: { 'X-Foo': '1' }, acah: '*', credentials: 'include', acrh: 'x-foo',
};
const wildcardCredentialedAuthorization: HeaderCase = {
  path: '/acah/wildcard-credentialed-authorization', headers: { Authorization: 'Bearer t' }, acah: '*',
  credentials: 'include', acrh: 'authorization',
};
const wildcardAndAuthorization: HeaderCase = {
  path: '/acah/wildcard-and-authorization', headers: { Authorization: 'Bearer t', 'X-Foo': '1' }, acah: '*, Authorization',
  acrh: 'authorization,x-foo', sent: { authorization: 'Bearer t', 'x-foo': '1' },
};
const authorizationListed: HeaderCase = {
  path: '/acah/authorization-listed', headers: { Authorization: 'Bearer t' }, acah: 'authorization', acrh: 'authorization',
  sent: { authorization: 'Bearer t' },
};
const authorizationBeforeOthers: HeaderCase = {
  path: '/acah/authorization-checked-first', headers: { Authorization: 'Bearer t', 'X-Foo': '1' }, acah: 'x-bar',
  acrh: 'authorization,x-foo',
};
const syntaxSpace: HeaderCase = { path: '/acah/syntax-space', headers: { 'X-A': '1' }, acah: 'X-A X-B', acrh: 'x-a' };
const syntaxSemicolon: HeaderCase = { path: '/acah/syntax-semicolon', headers: { 'X-A': '1' }, acah: 'X-A;', acrh: 'x-a' };
const syntaxColon: HeaderCase = { path: '/acah/syntax-colon', headers: { 'X-A': '1' }, acah: 'X-A:', acrh: 'x-a' };
const syntaxNonAscii: HeaderCase = { path: '/acah/syntax-non-ascii', headers: { 'X-A': '1' }, acah: 'X-A, X-\u00c4', acrh: 'x-a' };

const chromiumFirefoxWebkitAllowAuthorization = {
  chromium: passes(wildcardAuthorization),
  firefox: passes(wildcardAuthorization),
  webkit: passes(wildcardAuthorization),
};

export const headerCases = [
  {
    id: 'acah/absent', title: 'X-Requested-With with no ACAH on the preflight: fails',
    digest: 42, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(absent), expect: fails(absent, 'cors-preflight-fetch-0:7.7'),
  },
  {
    id: 'acah/other-name', title: 'X-Requested-With with ACAH listing another name: fails',
    digest: 42, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(otherName), expect: fails(otherName, 'cors-preflight-fetch-0:7.7'),
  },
  {
    id: 'acah/one-of-two-missing', title: 'Two custom headers, ACAH lists one: fails',
    digest: 42, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(oneOfTwo), expect: fails(oneOfTwo, 'cors-preflight-fetch-0:7.7'),
  },
  {
    id: 'acah/case-insensitive', title: 'X-Api-Key with ACAH "x-api-key": passes, names match case-insensitively',
    digest: 43, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(caseInsensitive), expect: passes(caseInsensitive),
  },
  {
    id: 'acah/uppercase-listed', title: 'x-api-key with ACAH "X-API-KEY": passes',
    digest: 43, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(uppercaseListed), expect: passes(uppercaseListed),
  },
  {
    id: 'acah/json-content-type-unlisted', title: 'POST with Content-Type application/json and no ACAH: fails',
    digest: 44, steps: ['cors-safelisted-request-header', 'cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(jsonUnlisted), expect: fails(jsonUnlisted, 'cors-preflight-fetch-0:7.7'),
  },
  {
    id: 'acah/json-content-type-listed', title: 'POST with Content-Type application/json and ACAH Content-Type: passes',
    digest: 44, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(jsonListed), expect: passes(jsonListed),
  },
  {
    id: 'acah/wildcard-custom-header', title: 'ACAH "*" on an uncredentialed request with custom headers: passes',
    digest: 45, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(wildcardCustom), expect: passes(wildcardCustom),
  },
  {
    id: 'acah/wildcard-authorization',
    title: 'ACAH "*" does not cover Authorization (spec); Chromium, Firefox and WebKit let it pass',
    digest: 45, steps: ['cors-non-wildcard-request-header-name', 'cors-preflight-fetch-0:7.6'], level: 'must',
    case: headerCase(wildcardAuthorization), expect: fails(wildcardAuthorization, 'cors-preflight-fetch-0:7.6'),
    profiles: chromiumFirefoxWebkitAllowAuthorization,
  },
  {
    id: 'acah/wildcard-credentialed', title: 'ACAH "*" on a credentialed request: "*" is literal, X-Foo fails',
    digest: 46, steps: ['cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(wildcardCredentialed), expect: fails(wildcardCredentialed, 'cors-preflight-fetch-0:7.7'),
  },
  {
    id: 'acah/wildcard-credentialed-authorization', title: 'ACAH "*" on a credentialed request with Authorization: fails in every profile',
    digest: 46, steps: ['cors-preflight-fetch-0:7.6'], level: 'must',
    case: headerCase(wildcardCredentialedAuthorization), expect: fails(wildcardCredentialedAuthorization, 'cors-preflight-fetch-0:7.6'),
  },
  {
    id: 'acah/wildcard-and-authorization', title: 'ACAH "*, Authorization" with Authorization and X-Foo: passes',
    digest: 47, steps: ['cors-preflight-fetch-0:7.6', 'cors-preflight-fetch-0:7.7'], level: 'must',
    case: headerCase(wildcardAndAuthorization), expect: passes(wildcardAndAuthorization),
  },
  {
    id: 'acah/authorization-listed', title: 'Authorization listed by name in ACAH: passes',
    digest: 47, steps: ['cors-preflight-fetch-0:7.6'], level: 'must',
    case: headerCase(authorizationListed), expect: passes(authorizationListed),
  },
  {
    id: 'acah/authorization-checked-first', title: 'Authorization and X-Foo, neither listed: fails at the Authorization step first',
    digest: 45, steps: ['cors-preflight-fetch-0:7.6'], level: 'must',
    case: headerCase(authorizationBeforeOthers), expect: fails(authorizationBeforeOthers, 'cors-preflight-fetch-0:7.6'),
  },
  {
    id: 'acah/syntax-space', title: 'ACAH "X-A X-B": not a token, the whole preflight fails',
    digest: 48, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: headerCase(syntaxSpace), expect: fails(syntaxSpace, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acah/syntax-semicolon', title: 'ACAH "X-A;": not a token, the whole preflight fails',
    digest: 48, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: headerCase(syntaxSemicolon), expect: fails(syntaxSemicolon, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acah/syntax-colon', title: 'ACAH "X-A:": not a token, the whole preflight fails',
    digest: 48, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: headerCase(syntaxColon), expect: fails(syntaxColon, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acah/syntax-non-ascii', title: 'ACAH with a non-ASCII name: the whole preflight fails',
    digest: 48, steps: ['extract-header-list-values', 'cors-preflight-fetch-0:7.3'], level: 'must',
    case: headerCase(syntaxNonAscii), expect: fails(syntaxNonAscii, 'cors-preflight-fetch-0:7.3'),
  },
  {
    id: 'acah/syntax-error-not-needed',
    title: 'A PUT with no custom headers and a malformed ACAH: the whole preflight still fails',
    digest: 48, steps: ['cors-preflight-fetch-0:7.3'], level: 'must',
    case: {
      request: { url: api('/acah/syntax-error-not-needed'), method: 'PUT', origin: PAGE, body: true },
      preflight: { status: 204, headers: preflightOk({ methods: 'PUT', headers: 'x a' }) },
      response: { status: 200, headers: allowOrigin() },
    },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7.3', preflightSent: true,
      requests: [sentPreflight(api('/acah/syntax-error-not-needed'), 'PUT', null)],
    },
  },
] as const satisfies readonly EdgeCase[];
