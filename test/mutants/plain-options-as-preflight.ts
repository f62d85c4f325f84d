// Imitates `if (req.method === 'OPTIONS') return preflight(req, res)`: an OPTIONS request without
// Access-Control-Request-Method (WebDAV, a capabilities probe) never reaches the application.
import { ACRM } from '../../spec/headers.js';
import { CREDENTIALED, deviate, setRequestHeader, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'plain-options-as-preflight',
  imitates: 'every OPTIONS request answered as a preflight',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    request: (req) => {
      if (req.method === 'OPTIONS' && req.headers[ACRM] === undefined) setRequestHeader(req, ACRM, 'GET');
    },
  }),
  kills: { id: 'robustness/plain-options', category: 'robustness', anchor: 'cors-preflight-request' },
};
