// Imitates an nginx `location` block that answers CORS for OPTIONS with `add_header
// Access-Control-Allow-Origin $http_origin` while proxying to an application that sets it too:
// preflights carry two lines, which the browser combines into one invalid value.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, get, isPreflight, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'duplicate-acao-on-preflight',
  imitates: 'Access-Control-Allow-Origin sent twice on preflights',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      const acao = get(head, ACAO);
      if (isPreflight(req) && acao !== undefined) head.headers.push([ACAO, acao]);
    },
  }),
  kills: { id: 'acao/multiple-values', category: 'conformance', anchor: 'concept-cors-check:4' },
};
