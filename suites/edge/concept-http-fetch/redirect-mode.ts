/**
 * Redirect modes: "error" turns any redirect into a network error, "manual" hands script an
 * opaque-redirect response (status 0) — in both cases only after the 3xx passed the CORS check.
 * @see https://fetch.spec.whatwg.org/#concept-http-fetch
 */
import type { CaseHeaders, RedirectMode } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, own, sentActual } from '../fixtures.js';
import { hop, land } from '../concept-http-redirect-fetch/chain.js';

const withMode = (url: string, redirect: RedirectMode, hopHeaders: CaseHeaders) => ({
  request: { url, origin: PAGE, redirect },
  responses: [hop(url, 302, url + '/next', hopHeaders), land(url + '/next', allowOrigin())],
});

const errorUrl = api('/redirect/mode-error');
const errorNoAcao = api('/redirect/mode-error-no-acao');
const errorSameOrigin = own('/redirect/mode-error-same-origin');
const manualUrl = api('/redirect/mode-manual');
const manualNoAcao = api('/redirect/mode-manual-no-acao');
const manualSameOrigin = own('/redirect/mode-manual-same-origin');

const errorNoLocation = api('/redirect/mode-error-no-location');

export const redirectModeCases = [
  {
    id: 'redirect/mode-error-no-location',
    title: 'Redirect mode "error" and a 302 without Location: network error (Chromium hands script the 302)',
    digest: 83, steps: ['concept-http-fetch:6.3'], level: 'info',
    case: { request: { url: errorNoLocation, origin: PAGE, redirect: 'error' }, responses: [hop(errorNoLocation, 302, null, allowOrigin())] },
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-http-fetch:6.3', preflightSent: false,
      requests: [sentActual('GET', errorNoLocation)],
    },
    // Measured in Chromium 156 and WebKitGTK 2.50.
    profiles: {
      chromium: { kind: 'verdict', outcome: 'ok', preflightSent: false, requests: [sentActual('GET', errorNoLocation)], status: 302, exposedHeaders: [] },
      webkit: { kind: 'verdict', outcome: 'ok', preflightSent: false, requests: [sentActual('GET', errorNoLocation)], status: 302, exposedHeaders: [] },
    },
  },
  {
    id: 'redirect/mode-error',
    title: 'Redirect mode "error" and a 302 that passes the CORS check: network error',
    digest: 83, steps: ['concept-http-fetch:6.3'], level: 'must',
    case: withMode(errorUrl, 'error', allowOrigin()),
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-http-fetch:6.3', preflightSent: false,
      requests: [sentActual('GET', errorUrl)],
    },
  },
  {
    id: 'redirect/mode-error-no-acao',
    title: 'Redirect mode "error" and a 302 without CORS headers: the CORS check fails first',
    digest: 83, steps: ['concept-http-fetch:4.4', 'concept-cors-check:2'], level: 'must',
    case: withMode(errorNoAcao, 'error', {}),
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: false,
      requests: [sentActual('GET', errorNoAcao)],
    },
  },
  {
    id: 'redirect/mode-error-same-origin',
    title: 'Redirect mode "error" on a same-origin GET answered 302: network error',
    digest: 83, steps: ['concept-http-fetch:6.3'], level: 'must',
    case: withMode(errorSameOrigin, 'error', {}),
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-http-fetch:6.3', preflightSent: false,
      requests: [sentActual('GET', errorSameOrigin, null)],
    },
  },
  {
    id: 'redirect/mode-manual',
    title: 'Redirect mode "manual" and a 302 with ACAO: an opaque-redirect response, status 0, no headers',
    digest: 83, steps: ['concept-http-fetch:6.3'], level: 'must',
    case: withMode(manualUrl, 'manual', { ...allowOrigin(), 'content-type': 'text/html' }),
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', manualUrl)], status: 0, exposedHeaders: [],
    },
  },
  {
    id: 'redirect/mode-manual-no-acao',
    title: 'Redirect mode "manual" and a cross-origin 302 without CORS headers: the CORS check fails first',
    digest: 83, steps: ['concept-http-fetch:4.4', 'concept-cors-check:2'], level: 'must',
    case: withMode(manualNoAcao, 'manual', {}),
    expect: {
      kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: false,
      requests: [sentActual('GET', manualNoAcao)],
    },
  },
  {
    id: 'redirect/mode-manual-same-origin',
    title: 'Redirect mode "manual" on a same-origin GET answered 302: an opaque-redirect response, status 0',
    digest: 83, steps: ['concept-http-fetch:6.3'], level: 'must',
    case: withMode(manualSameOrigin, 'manual', { 'content-type': 'text/html' }),
    expect: {
      kind: 'verdict', outcome: 'ok', preflightSent: false,
      requests: [sentActual('GET', manualSameOrigin, null)], status: 0, exposedHeaders: [],
    },
  },
] as const satisfies readonly EdgeCase[];
