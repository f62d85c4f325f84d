// Imitates an allowed origin configured as "https://app.example/" (copied from the address bar) and
// sent as configured: the comparison is byte for byte, so it never matches.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'trailing-slash',
  imitates: 'Access-Control-Allow-Origin with a trailing slash',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAO, (value) => `${value}/`) }),
  kills: { id: 'acao/trailing-slash', category: 'conformance', anchor: 'concept-cors-check:4' },
};
