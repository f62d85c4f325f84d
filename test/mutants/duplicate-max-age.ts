// Imitates Access-Control-Max-Age added by both a proxy and the application: two lines combine into
// "600, 600", which is not delta-seconds, so browsers fall back to 5 seconds.
import { ACMA } from '../../spec/headers.js';
import { CREDENTIALED, deviate, get, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'duplicate-max-age',
  imitates: 'Access-Control-Max-Age sent twice',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head) => {
      const value = get(head, ACMA);
      if (value !== undefined) head.headers.push([ACMA, value]);
    },
  }),
  kills: { id: 'preflight/max-age-invalid', category: 'conformance', anchor: 'cors-preflight-fetch-0:7.8' },
};
