// Imitates Access-Control-Allow-Methods written "GET POST PUT DELETE" (a space-joined list):
// not a #token list, so every preflight fails.
import { ACAM } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acam-space-separated',
  imitates: 'Access-Control-Allow-Methods separated by spaces',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAM, (value) => value.split(', ').join(' ')) }),
  kills: { id: 'preflight/acam-invalid', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.3' },
};
