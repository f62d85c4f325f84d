// Imitates a CORS config without `exposedHeaders`: the response carries X-Request-Id, but script
// sees only the CORS-safelisted headers.
import { ACEH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, remove, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'missing-expose-headers',
  imitates: 'no Access-Control-Expose-Headers',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => remove(head, ACEH) }),
  kills: { id: 'expose/missing', category: 'conformance', anchor: 'concept-filtered-response-cors' },
};
