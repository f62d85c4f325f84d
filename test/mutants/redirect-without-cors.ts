// Imitates a canonicalizing redirect (to the trailing-slash URL) issued by a router ahead of the CORS
// layer for GET: the redirect itself has no Access-Control-Allow-Origin, and each hop is checked.
import { CREDENTIALED, deviate, isPreflight, TARGET_PATH, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'redirect-without-cors',
  imitates: 'a redirect without CORS headers in front of a CORS-enabled resource',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    before: (req, res) => {
      if (req.url !== TARGET_PATH || isPreflight(req) || req.method !== 'GET') return false;
      res.writeHead(302, { location: `${TARGET_PATH}/` }).end();
      return true;
    },
  }),
  kills: { id: 'redirect/cors', category: 'conformance', anchor: 'concept-http-fetch:4.4' },
};
