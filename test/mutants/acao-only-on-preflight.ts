// Imitates CORS handled only in an OPTIONS route (`app.options('/items', ...)`): the preflight
// passes, and the actual response has no Access-Control-Allow-Origin.
import { CREDENTIALED, deviate, isPreflight, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'acao-only-on-preflight',
  imitates: 'CORS headers on the preflight only',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (!isPreflight(req)) head.headers = head.headers.filter(([name]) => !name.startsWith('access-control-'));
    },
  }),
  kills: { id: 'acao/missing', category: 'conformance', anchor: 'concept-cors-check:2' },
};
