// Imitates an error handler that resets the response (`res.removeHeader` of everything, or a
// framework's default 404 page written outside the CORS middleware): script cannot read the error.
import { CREDENTIALED, deviate, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'errors-lose-cors',
  imitates: '404 and 500 responses without CORS headers',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head) => {
      if (head.status >= 400) head.headers = head.headers.filter(([name]) => !name.startsWith('access-control-'));
    },
  }),
  kills: { id: 'robustness/error-status', category: 'robustness', anchor: 'http-responses' },
};
