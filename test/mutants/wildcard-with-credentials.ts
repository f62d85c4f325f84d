// Imitates `cors({ origin: '*', credentials: true })` and servers that add
// `Access-Control-Allow-Credentials: true` next to `*`: browsers refuse every credentialed read.
import { ACAC, ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, get, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'wildcard-with-credentials',
  imitates: 'Access-Control-Allow-Origin * with Access-Control-Allow-Credentials: true',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head) => {
      if (get(head, ACAO) === undefined) return;
      edit(head, ACAO, () => '*');
      set(head, ACAC, 'true');
    },
  }),
  kills: { id: 'acao/wildcard-with-credentials', category: 'conformance', anchor: 'concept-cors-check:4' },
};
