// Imitates `app.options('*', cors())` with the default (reflecting) config in front of routes that
// use the strict config: every preflight passes, so a browser sends any origin's PUT and DELETE,
// whose side effects happen even though their responses are then refused.
import { isPreflight, looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'preflight-without-origin-check',
  imitates: 'preflights answered for any origin, actual requests checked',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (_origin, req) => isPreflight(req)),
  kills: { id: 'security/preflight-admits-untrusted', category: 'security', anchor: 'concept-cors-check:4' },
};
