// Imitates servers that "deny" an origin with `Access-Control-Allow-Origin: null` (advice once given
// by several tutorials): documents with an opaque origin, such as sandboxed iframes on any site,
// send `Origin: null` and match it.
import { ACAC, ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, get, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'deny-with-null',
  imitates: 'Access-Control-Allow-Origin: null sent to refused origins',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (req.headers.origin === undefined || get(head, ACAO) !== undefined) return;
      set(head, ACAO, 'null');
      set(head, ACAC, 'true');
    },
  }),
  kills: { id: 'security/null-origin', category: 'security', anchor: 'concept-cors-check:4' },
};
