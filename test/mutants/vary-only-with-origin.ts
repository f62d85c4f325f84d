// Imitates handlers that write CORS headers, Vary included, only `if (req.headers.origin)`: the
// response to a request without Origin (a navigation, a crawler) is cached without
// Access-Control-Allow-Origin and then served to CORS requests.
import { VARY } from '../../spec/headers.js';
import { CREDENTIALED, deviate, remove, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'vary-only-with-origin',
  imitates: 'Vary: Origin sent only on requests that carry Origin',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (req.headers.origin === undefined) remove(head, VARY);
    },
  }),
  kills: { id: 'cache/vary-origin', category: 'cache', anchor: 'cors-protocol-and-http-caches' },
};
