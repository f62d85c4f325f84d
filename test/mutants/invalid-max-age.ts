// Imitates `Access-Control-Max-Age: 600s` (a duration string from a config file, as in "10m"):
// not delta-seconds, so browsers fall back to 5 seconds and preflight almost every request.
import { ACMA } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'invalid-max-age',
  imitates: 'Access-Control-Max-Age with a unit',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACMA, (value) => `${value}s`) }),
  kills: { id: 'preflight/max-age-invalid', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.8' },
};
