// Imitates an origin check on the host alone (`new URL(origin).host === 'app.example'`): the http
// origin, which any network attacker can forge, is trusted like the https one.
import { looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'http-scheme-accepted',
  imitates: 'an origin compared by host, ignoring the scheme',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => URL.canParse(origin) && new URL(origin).host === 'app.example'),
  kills: { id: 'security/origin-scheme', category: 'security', anchor: 'concept-cors-check:4' },
};
