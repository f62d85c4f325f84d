/**
 * Requests script cannot make: a forbidden method (CONNECT, TRACE, TRACK, any case) or a no-cors
 * request with a method that is not CORS-safelisted make the Request constructor throw, so such a
 * case is invalid input rather than a verdict.
 * @see https://fetch.spec.whatwg.org/#forbidden-method
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
import type { EdgeCase } from '../types.js';
import { PAGE, allowOrigin, api } from '../fixtures.js';

const forbidden = (method: string): EdgeCase => ({
  id: `method/forbidden-${method.toLowerCase()}${method === method.toLowerCase() ? '-lowercase' : ''}`,
  title: `Method ${method} is forbidden: invalid input`,
  steps: ['forbidden-method'], level: 'must',
  case: {
    request: { url: api(`/method/forbidden-${method}`), method, origin: PAGE },
    preflight: { status: 204, headers: allowOrigin() },
    response: { status: 200, headers: allowOrigin() },
  },
  expect: { kind: 'input-error', message: 'forbidden method' },
});

export const inputErrorCases = [
  forbidden('TRACE'),
  forbidden('trace'),
  forbidden('CONNECT'),
  forbidden('TRACK'),
  {
    id: 'method/no-cors-put',
    title: 'A no-cors PUT: the method is not CORS-safelisted, invalid input',
    steps: ['cors-safelisted-method'], level: 'must',
    case: { request: { url: api('/method/no-cors-put'), method: 'PUT', origin: PAGE, mode: 'no-cors', body: true }, response: { status: 200 } },
    expect: { kind: 'input-error', message: 'no-cors' },
  },
] as const satisfies readonly EdgeCase[];
