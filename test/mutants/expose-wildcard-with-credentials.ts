// Imitates `Access-Control-Expose-Headers: *` on a credentialed API: with credentials `*` is a
// literal name and exposes nothing beyond the safelist.
import { ACEH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, edit, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'expose-wildcard-with-credentials',
  imitates: 'Access-Control-Expose-Headers * with credentials',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACEH, () => '*') }),
  kills: { id: 'expose/wildcard-with-credentials', category: 'conformance', anchor: 'concept-main-fetch:14.1' },
};
