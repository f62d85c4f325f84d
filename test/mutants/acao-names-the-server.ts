// Imitates Access-Control-Allow-Origin set to the API's own origin ("allow this server"), a common
// misreading of the header: it must name the calling page's origin.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acao-names-the-server',
  imitates: 'Access-Control-Allow-Origin set to the server\'s own origin',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => edit(head, ACAO, () => `http://${req.headers.host ?? 'localhost'}`),
  }),
  kills: { id: 'acao/mismatch', category: 'conformance', anchor: 'concept-cors-check:4' },
};
