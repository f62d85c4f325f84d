// Imitates an origin check on the scheme and hostname, dropping the port: every service on the
// trusted host (a dev server, an admin panel on :8443) is trusted too.
import { looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'port-ignored',
  imitates: 'an origin compared by scheme and hostname, ignoring the port',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => {
    if (!URL.canParse(origin)) return false;
    const url = new URL(origin);
    return url.protocol === 'https:' && url.hostname === 'app.example';
  }),
  kills: { id: 'security/origin-port', category: 'security', anchor: 'concept-cors-check:4' },
};
