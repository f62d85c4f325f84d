// Imitates a HEAD handler registered separately from GET (or a proxy answering HEAD from its own
// cache) without the CORS headers GET has.
import { CREDENTIALED, deviate, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'head-loses-cors',
  imitates: 'HEAD answered without CORS headers',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (req.method === 'HEAD') head.headers = head.headers.filter(([name]) => !name.startsWith('access-control-'));
    },
  }),
  kills: { id: 'robustness/head', category: 'robustness', anchor: 'http-responses' },
};
