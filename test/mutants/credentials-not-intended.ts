// Imitates `cors({ origin: allowList, credentials: true })` copied into a token-based API that never
// meant to share cookie-authenticated responses: trusted pages (and any script injected into them)
// read responses with the user's cookies.
import { ACAC, ACAO } from '../../spec/headers.js';
import { deviate, get, set, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'credentials-not-intended',
  imitates: 'Access-Control-Allow-Credentials: true on an API whose policy has no credentials',
  policy: UNCREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head) => {
      if (get(head, ACAO) !== undefined) set(head, ACAC, 'true');
    },
  }),
  kills: { id: 'security/unintended-credentials', category: 'security', anchor: 'concept-cors-check:8' },
};
