// Imitates `Access-Control-Allow-Methods: *` on a credentialed API: with credentials `*` is a
// literal method name, so PUT and DELETE are refused.
import { ACAM } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'allow-methods-wildcard-with-credentials',
  imitates: 'Access-Control-Allow-Methods * with credentials',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAM, () => '*') }),
  kills: { id: 'preflight/method-wildcard-with-credentials', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.5' },
};
