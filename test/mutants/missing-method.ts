// Imitates the `cors` package's default methods ("GET,HEAD,PUT,PATCH,POST,DELETE") left in place
// for an API that also takes PURGE: every preflight for it fails.
import { ACAM } from '../../spec/headers.js';
import { deviate, edit, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'missing-method',
  imitates: 'a default Access-Control-Allow-Methods list that lacks a method the API takes',
  policy: { ...UNCREDENTIALED, methods: ['PUT', 'PURGE'] },
  listener: (policy) => deviate(policy, { head: (head) => edit(head, ACAM, () => 'GET,HEAD,PUT,PATCH,POST,DELETE') }),
  kills: { id: 'preflight/method-not-allowed', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.5' },
};
