// Imitates an OPTIONS handler that writes Allow-Methods and Allow-Headers but not Allow-Origin
// (set only by the response middleware, which OPTIONS never reaches).
import { ACAC, ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, isPreflight, remove, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acao-only-on-actual',
  imitates: 'Access-Control-Allow-Origin missing from the preflight',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (!isPreflight(req)) return;
      remove(head, ACAO);
      remove(head, ACAC);
    },
  }),
  kills: { id: 'preflight/acao-missing', category: 'conformance', anchor: 'concept-cors-check:2' },
};
