// Imitates an origin compared case-insensitively and answered from the config, written
// "https://App.Example": the browser compares byte for byte with its lowercase origin.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acao-case',
  imitates: 'Access-Control-Allow-Origin in the config\'s capitalization',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAO, () => 'https://App.Example') }),
  kills: { id: 'acao/case', category: 'conformance', anchor: 'concept-cors-check:4' },
};
