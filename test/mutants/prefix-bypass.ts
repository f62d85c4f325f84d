// Imitates `origin.startsWith('https://app.example')` (and unanchored regexps such as
// /^https:\/\/app\.example/): https://app.example.evil.test passes.
import { APP, looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'prefix-bypass',
  imitates: 'an origin check with startsWith',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => origin.startsWith(APP)),
  kills: { id: 'security/origin-prefix', category: 'security', anchor: 'concept-cors-check:4' },
};
