// Imitates `Access-Control-Allow-Headers: *` relied on for `Authorization: Bearer …`: the spec never
// lets `*` cover Authorization (shipping engines still do, whatwg/fetch#1919, and may stop).
import { ACAH } from '../../spec/headers.js';
import { deviate, edit, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'wildcard-for-authorization',
  imitates: 'Access-Control-Allow-Headers * used to allow Authorization',
  policy: { ...UNCREDENTIALED, allowHeaders: ['authorization', 'content-type'] },
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAH, () => '*') }),
  kills: { id: 'preflight/authorization-wildcard', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.6' },
};
