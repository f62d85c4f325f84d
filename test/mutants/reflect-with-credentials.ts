// Imitates `cors({ origin: true, credentials: true })`, the most reported CORS misconfiguration
// (PortSwigger, "Exploiting CORS misconfigurations for Bitcoins and bounties"): any site reads a
// logged-in user's data.
import { CREDENTIALED, looseOriginCheck, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'reflect-with-credentials',
  imitates: 'the Origin header reflected unchecked with Access-Control-Allow-Credentials: true',
  policy: CREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, () => true),
  kills: { id: 'security/origin-reflection', category: 'security', anchor: 'concept-cors-check:4' },
};
