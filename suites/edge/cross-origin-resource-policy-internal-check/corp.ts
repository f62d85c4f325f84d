/**
 * Cross-Origin-Resource-Policy applies to opaque (no-cors) responses only: `same-origin` blocks a
 * cross-origin embed; any value other than the three exact tokens (a case change, a repeated header
 * combined by get) counts as absent and allows, as the page has no embedder policy here.
 * @see https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check
 * @see https://fetch.spec.whatwg.org/#concept-http-fetch
 */
import { ACAO } from '../../../spec/headers.js';
import type { CaseHeaderValue, RequestMode } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, api, sentActual } from '../fixtures.js';

const CORP = 'cross-origin-resource-policy';

const corp = (slug: string, title: string, digest: number, value: CaseHeaderValue, mode: RequestMode, blocked: boolean): EdgeCase => {
  const url = api(`/corp/${slug}`);
  const request = sentActual('GET', url, mode === 'no-cors' ? null : PAGE);
  return {
    id: `corp/${slug}`, title, digest,
    steps: ['concept-http-fetch:5', 'cross-origin-resource-policy-internal-check'], level: 'must',
    case: {
      request: { url, origin: PAGE, mode },
      response: { status: 200, headers: { [CORP]: value, 'content-type': 'image/png', ...(mode === 'cors' ? { [ACAO]: PAGE } : {}) } },
    },
    expect: blocked
      ? { kind: 'verdict', outcome: 'network-error', preflightSent: false, requests: [request] }
      : {
        kind: 'verdict', outcome: 'ok', preflightSent: false, requests: [request],
        status: mode === 'no-cors' ? 0 : 200, exposedHeaders: mode === 'no-cors' ? [] : ['content-type'],
      },
  };
};

export const corpCases = [
  corp('same-origin-blocks-embed', 'CORP same-origin on a cross-origin no-cors response: blocked', 94, 'same-origin', 'no-cors', true),
  corp('cross-origin-allows-embed', 'CORP cross-origin on a no-cors response: allowed (opaque)', 94, 'cross-origin', 'no-cors', false),
  corp('ignored-for-cors', 'CORP same-origin on a CORS response that passes the CORS check: no effect, shared', 94, 'same-origin', 'cors', false),
  corp('wrong-case', 'CORP "Same-Origin": not one of the case-sensitive tokens, treated as absent, allowed', 95, 'Same-Origin', 'no-cors', false),
  corp('duplicated', 'Two CORP same-origin lines combine into "same-origin, same-origin": treated as absent, allowed', 95,
    ['same-origin', 'same-origin'], 'no-cors', false),
] as const satisfies readonly EdgeCase[];
