// Imitates a server that splits Access-Control-Request-Headers on ", " while browsers join the names
// with a bare "," (cors-preflight-fetch-0 step 5): a preflight for two headers asks for one unknown
// name, "content-type,x-api-key", and is refused.
import { ACRH } from '../../spec/headers.js';
import { CREDENTIALED, deviate, isPreflight, type Mutant } from './harness.js';

const ALLOWED = ['content-type', 'x-api-key'];

export const mutant: Mutant = {
  id: 'acrh-split-on-comma-space',
  imitates: 'Access-Control-Request-Headers split on ", "',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    before: (req, res) => {
      const names = String(req.headers[ACRH] ?? '').split(', ').filter((name) => name !== '');
      if (!isPreflight(req) || names.every((name) => ALLOWED.includes(name.toLowerCase()))) return false;
      res.writeHead(403).end();
      return true;
    },
  }),
  kills: { id: 'preflight/ok-status', category: 'conformance', anchor: 'cors-preflight-fetch-0:7' },
};
