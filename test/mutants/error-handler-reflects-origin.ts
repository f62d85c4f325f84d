// Imitates an error handler that adds `Access-Control-Allow-Origin: <Origin>` "so the frontend can
// show errors", ahead of the allow-list: any site reads error bodies, with the user's cookies.
import { ACAC, ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'error-handler-reflects-origin',
  imitates: 'error responses that reflect any Origin',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (head.status < 400 || req.headers.origin === undefined || req.method === 'OPTIONS') return;
      set(head, ACAO, req.headers.origin);
      set(head, ACAC, 'true');
    },
  }),
  kills: { id: 'security/origin-reflection', category: 'security', anchor: 'concept-cors-check:4' },
};
