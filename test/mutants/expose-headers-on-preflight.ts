// Imitates Access-Control-Expose-Headers written in the OPTIONS handler only, next to the other
// Access-Control-* headers: it counts only on the actual response.
import { ACEH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, isPreflight, remove, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'expose-headers-on-preflight',
  imitates: 'Access-Control-Expose-Headers on the preflight instead of the response',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (isPreflight(req) && head.status === 204) set(head, ACEH, 'x-request-id');
      else remove(head, ACEH);
    },
  }),
  kills: { id: 'expose/missing', category: 'conformance', anchor: 'concept-filtered-response-cors' },
};
