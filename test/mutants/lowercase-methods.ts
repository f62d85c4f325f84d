// Imitates `methods.map((m) => m.toLowerCase())` or a config written as "put, delete": methods
// match case-sensitively, so the browser's PUT is not in the list.
import { ACAM } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'lowercase-methods',
  imitates: 'Access-Control-Allow-Methods in lowercase',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAM, (value) => value.toLowerCase()) }),
  kills: { id: 'preflight/method-case', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.5' },
};
