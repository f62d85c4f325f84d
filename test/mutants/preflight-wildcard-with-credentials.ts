// Imitates a proxy that answers every OPTIONS itself with `add_header Access-Control-Allow-Origin *`
// (a common nginx snippet) in front of a credentialed API: the actual responses are right, but a
// credentialed request's preflight never passes.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, isPreflight, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'preflight-wildcard-with-credentials',
  imitates: 'Access-Control-Allow-Origin * on preflights of a credentialed API',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (isPreflight(req)) edit(head, ACAO, () => '*');
    },
  }),
  kills: { id: 'acao/wildcard-with-credentials', category: 'conformance', anchor: 'concept-cors-check:4' },
};
