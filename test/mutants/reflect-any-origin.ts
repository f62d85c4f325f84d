// Imitates `cors({ origin: true })` and hand-written `res.setHeader('Access-Control-Allow-Origin',
// req.headers.origin)`: every Origin is echoed, so any site can read the responses.
import { looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'reflect-any-origin',
  imitates: 'the Origin header reflected unchecked (cors({ origin: true }))',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, () => true),
  kills: { id: 'security/origin-reflection', category: 'security', anchor: 'concept-cors-check:4' },
};
