/**
 * The deterministic edge-case suite: every browser-observable case of the digest's §4, as data, one
 * folder per deciding Fetch anchor. `edgeCases` is the whole suite in a stable order.
 *
 * Digest §4 items that are not modelled (the verdict cannot show them):
 *   24  a credentialed response that fails CORS still stores its Set-Cookie: the model has no cookie jar.
 *   30  a server running the real operation on OPTIONS: server-side semantics, nothing a browser shows.
 *   88  reflected ACAO without Vary: Origin served from a shared cache: the model has no HTTP cache.
 *   89  ACAO sent only when Origin is present, without Vary: same, it needs an HTTP cache.
 *   90  a 304 revalidation merged into the stored response: same, it needs an HTTP cache.
 *   96  Timing-Allow-Origin: only zeroes timing data, never changes the outcome; the verdict has no timing.
 * Partly modelled: 86 (no-cors POST Origin) only with the default referrer policy, as a case has no
 * referrer-policy field.
 */
import type { EdgeCase } from './types.js';
import { acaoCases } from './concept-cors-check/acao.js';
import { anyStatusCases } from './concept-cors-check/any-status.js';
import { credentialsCases } from './concept-cors-check/credentials.js';
import { preflightStatusCases } from './cors-preflight-fetch-0/status.js';
import { methodCases } from './cors-preflight-fetch-0/methods.js';
import { headerCases } from './cors-preflight-fetch-0/headers.js';
import { acrhCases } from './cors-unsafe-request-header-names/acrh.js';
import { contentTypeCases } from './cors-safelisted-request-header/content-type.js';
import { languageCases } from './cors-safelisted-request-header/languages.js';
import { rangeCases } from './cors-safelisted-request-header/range.js';
import { acceptCases } from './cors-safelisted-request-header/accept.js';
import { chromiumExtraCases } from './cors-safelisted-request-header/chromium-extras.js';
import { forbiddenHeaderCases } from './forbidden-request-header/dropped.js';
import { inputErrorCases } from './forbidden-method/input.js';
import { maxAgeCases } from './cors-preflight-cache/max-age.js';
import { cacheKeyCases } from './cors-preflight-cache/keys.js';
import { cacheWildcardCases } from './cors-preflight-cache/wildcards.js';
import { cacheClearCases } from './cors-preflight-cache/clear.js';
import { cacheFlagCases } from './cors-preflight-cache/flag.js';
import { exposeHeaderCases } from './concept-filtered-response-cors/expose-headers.js';
import { redirectHopCases } from './concept-http-redirect-fetch/hops.js';
import { redirectTaintCases } from './concept-http-redirect-fetch/taint.js';
import { redirectLocationCases } from './concept-http-redirect-fetch/location.js';
import { redirectMethodCases } from './concept-http-redirect-fetch/method-rewrite.js';
import { redirectAuthorizationCases } from './concept-http-redirect-fetch/authorization.js';
import { redirectClientHintCases } from './concept-http-redirect-fetch/client-hints.js';
import { redirectStreamBodyCases } from './concept-http-redirect-fetch/stream-body.js';
import { redirectModeCases } from './concept-http-fetch/redirect-mode.js';
import { mainFetchModeCases } from './concept-main-fetch/modes.js';
import { originHeaderCases } from './append-a-request-origin-header/origin.js';
import { corpCases } from './cross-origin-resource-policy-internal-check/corp.js';

export type { EdgeCase, Expectation, ExpectedVerdict, Level } from './types.js';

/** Digest §4 items the suite leaves out, each with the reason; a test checks every item is covered or listed. */
export const notModelled: readonly { readonly digest: number; readonly reason: string }[] = [
  { digest: 24, reason: 'Set-Cookie of a response that fails CORS is still stored: the model has no cookie jar' },
  { digest: 30, reason: 'a server performing the operation on OPTIONS: server-side semantics, not browser-observable' },
  { digest: 88, reason: 'reflected ACAO without Vary: Origin in a shared cache: the model has no HTTP cache' },
  { digest: 89, reason: 'ACAO only when Origin is present, without Vary: needs an HTTP cache' },
  { digest: 90, reason: '304 revalidation merged into the stored response: needs an HTTP cache' },
  { digest: 96, reason: 'Timing-Allow-Origin only affects timing data, which the verdict does not carry' },
];

export const edgeCases: readonly EdgeCase[] = [
  ...acaoCases,
  ...credentialsCases,
  ...anyStatusCases,
  ...preflightStatusCases,
  ...methodCases,
  ...headerCases,
  ...acrhCases,
  ...contentTypeCases,
  ...languageCases,
  ...rangeCases,
  ...acceptCases,
  ...chromiumExtraCases,
  ...forbiddenHeaderCases,
  ...inputErrorCases,
  ...maxAgeCases,
  ...cacheKeyCases,
  ...cacheWildcardCases,
  ...cacheClearCases,
  ...cacheFlagCases,
  ...exposeHeaderCases,
  ...redirectHopCases,
  ...redirectTaintCases,
  ...redirectLocationCases,
  ...redirectMethodCases,
  ...redirectAuthorizationCases,
  ...redirectClientHintCases,
  ...redirectStreamBodyCases,
  ...redirectModeCases,
  ...mainFetchModeCases,
  ...originHeaderCases,
  ...corpCases,
];
