// Imitates a public API meant as `Access-Control-Allow-Origin: *` but written as
// `cors({ origin: true, credentials: true })` "so that cookies work too": every site then reads
// every user's credentialed responses, which `*` never allows.
import { ACAC, ACAO } from '../../spec/headers.js';
import { deviate, get, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'public-api-reflects-with-credentials',
  imitates: 'a public (*) API that reflects Origin with Access-Control-Allow-Credentials: true',
  policy: { origins: '*', methods: ['PUT'], allowHeaders: ['content-type'] },
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (req.headers.origin === undefined || get(head, ACAO) !== '*') return;
      set(head, ACAO, req.headers.origin);
      set(head, ACAC, 'true');
    },
  }),
  kills: { id: 'security/origin-reflection', category: 'security', anchor: 'concept-cors-check:4' },
};
