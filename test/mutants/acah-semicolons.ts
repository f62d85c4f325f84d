// Imitates Access-Control-Allow-Headers joined with ";" (as in a Content-Type parameter list): not a
// #token list, so every preflight fails.
import { ACAH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acah-semicolons',
  imitates: 'Access-Control-Allow-Headers separated by semicolons',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAH, (value) => value.split(', ').join('; ')) }),
  kills: { id: 'preflight/acah-invalid', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.3' },
};
