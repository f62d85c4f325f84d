// Imitates `Access-Control-Allow-Headers: *` added "to allow everything" on a credentialed API: with
// credentials the `*` is a literal header name, so nothing is allowed.
import { ACAH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'allow-headers-wildcard-with-credentials',
  imitates: 'Access-Control-Allow-Headers * with credentials',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAH, () => '*') }),
  kills: { id: 'preflight/header-wildcard-with-credentials', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.7' },
};
