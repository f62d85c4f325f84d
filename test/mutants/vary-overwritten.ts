// Imitates a later layer (compression middleware, a proxy) that sets `Vary: Accept-Encoding` and so
// replaces the `Vary: Origin` CORS wrote: a shared cache serves one origin's answer to the next.
import { VARY } from '../../spec/headers.js';
import { CREDENTIALED, deviate, set, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'vary-overwritten',
  imitates: 'Vary: Origin replaced by a later Vary',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, { head: (head) => set(head, VARY, 'Accept-Encoding') }),
  kills: { id: 'cache/vary-origin', category: 'cache', anchor: 'cors-protocol-and-http-caches' },
};
