// Imitates `res.setHeader('Access-Control-Allow-Credentials', True)` from Python (str(True)) or a
// config value "True": only the exact byte string `true` counts.
import { ACAC } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acac-capitalized',
  imitates: 'Access-Control-Allow-Credentials: True',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAC, () => 'True') }),
  kills: { id: 'acac/not-true', category: 'conformance', anchor: 'concept-cors-check:8' },
};
