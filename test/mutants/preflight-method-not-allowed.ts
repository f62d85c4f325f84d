// Imitates CORS applied per route (a decorator on GET and PUT handlers) with no OPTIONS route: the
// router answers preflights 405 Method Not Allowed.
import { CREDENTIALED, deviate, isPreflight, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'preflight-method-not-allowed',
  imitates: 'a router answering 405 to OPTIONS',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    before: (req, res) => {
      if (!isPreflight(req)) return false;
      res.writeHead(405, { allow: 'GET, PUT, DELETE' }).end();
      return true;
    },
  }),
  kills: { id: 'preflight/ok-status', category: 'conformance', anchor: 'cors-preflight-fetch-0:7' },
};
