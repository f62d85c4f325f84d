// Imitates `origin: allowed.includes(o) ? o : '*'` ("fall back to public"): origins off the list are
// refused credentials but still read every uncredentialed response.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, get, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'fallback-to-wildcard',
  imitates: 'Access-Control-Allow-Origin * for origins not on the list',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (req.headers.origin !== undefined && get(head, ACAO) === undefined) set(head, ACAO, '*');
    },
  }),
  kills: { id: 'security/origin-reflection', category: 'security', anchor: 'concept-cors-check:4' },
};
