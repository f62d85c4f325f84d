/**
 * One builder for the classification cases of this folder: a request carrying one author header
 * either goes out without a preflight (the header is CORS-safelisted) or is preflighted with that
 * name in ACRH, which the preflight then allows.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import type { CaseHeaderValue } from '../../../reference/browser/types.js';
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api, preflightOk, sentActual, sentPreflight } from '../fixtures.js';

export interface Classification {
  /** The slug; the id and the URL path are derived from it. */
  readonly id: string;
  readonly title: string;
  readonly digest?: number;
  readonly steps: EdgeCase['steps'];
  readonly name: string;
  readonly value: CaseHeaderValue;
  /** POST (with a body) for Content-Type cases, GET otherwise. */
  readonly method?: 'GET' | 'POST';
  readonly safelisted: boolean;
}

/** The verdict for a header that is safelisted (`true`) or not (`false`). */
export const classified = (c: Classification, safelisted: boolean): Extract<EdgeCase['expect'], { kind: 'verdict' }> => {
  const method = c.method ?? 'GET';
  const url = api('/' + c.id);
  const lower = c.name.toLowerCase();
  const sent = typeof c.value === 'string' ? c.value : c.value.join(', ');
  const actual = sentActual(method, url, PAGE, { [lower]: sent });
  return safelisted
    ? { kind: 'verdict', outcome: 'ok', preflightSent: false, requests: [actual], status: 200, exposedHeaders: [] }
    : {
      kind: 'verdict', outcome: 'ok', preflightSent: true,
      requests: [sentPreflight(url, method, lower), actual], status: 200, exposedHeaders: [],
    };
};

/** The edge case: the preflight (used only if one is sent) allows exactly this header name. */
export const classification = (c: Classification): EdgeCase => ({
  id: c.id,
  title: c.title,
  ...(c.digest !== undefined ? { digest: c.digest } : {}),
  steps: c.steps,
  level: 'must',
  case: {
    request: {
      url: api('/' + c.id), method: c.method ?? 'GET', origin: PAGE, headers: { [c.name]: c.value },
      ...(c.method === 'POST' ? { body: true } : {}),
    },
    preflight: { status: 204, headers: preflightOk({ headers: c.name.toLowerCase() }) },
    response: { status: 200, headers: allowOrigin() },
  },
  expect: classified(c, c.safelisted),
});
