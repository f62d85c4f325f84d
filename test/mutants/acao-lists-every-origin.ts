// Imitates `res.setHeader('Access-Control-Allow-Origin', allowed.join(', '))`: the header takes one
// origin, so the list matches none.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

const ORIGINS = ['https://app.example', 'https://admin.example'];

export const mutant: Mutant = {
  id: 'acao-lists-every-origin',
  imitates: 'Access-Control-Allow-Origin set to the whole allow-list',
  policy: { ...CREDENTIALED, origins: ORIGINS },
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAO, () => ORIGINS.join(', ')) }),
  kills: { id: 'acao/multiple-values', category: 'conformance', anchor: 'concept-cors-check:4' },
};
