// Imitates an allowed origin configured as "https://app.example:443" and sent as configured:
// serialized origins omit the default port, so it never matches.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acao-default-port',
  imitates: 'Access-Control-Allow-Origin with the default port written out',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAO, (value) => `${value}:443`) }),
  kills: { id: 'acao/default-port', category: 'conformance', anchor: 'concept-cors-check:4' },
};
