// Imitates an authentication middleware mounted before CORS: preflights carry no cookies, so OPTIONS
// gets 401, and every request that needs a preflight fails.
import { CREDENTIALED, deviate, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'preflight-unauthorized',
  imitates: 'an auth middleware answering 401 to preflights',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    before: (req, res) => {
      if (req.headers.cookie !== undefined) return false;
      res.writeHead(401, { 'www-authenticate': 'Cookie realm="app"', 'content-type': 'text/plain' }).end('log in');
      return true;
    },
  }),
  kills: { id: 'preflight/ok-status', category: 'conformance', anchor: 'cors-preflight-fetch-0:7' },
};
