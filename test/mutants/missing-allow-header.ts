// Imitates `allowedHeaders: ['Content-Type']` written once and never updated when the client
// started sending X-API-Key: the preflight passes for some requests and not for others.
import { ACAH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'missing-allow-header',
  imitates: 'Access-Control-Allow-Headers missing a header the client sends',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAH, () => 'Content-Type') }),
  kills: { id: 'preflight/header-not-allowed', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.7' },
};
