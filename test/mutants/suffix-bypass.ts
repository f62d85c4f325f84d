// Imitates `origin.endsWith('app.example')`, meant to admit subdomains: https://evilapp.example passes.
import { looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'suffix-bypass',
  imitates: 'an origin check with endsWith and no label boundary',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => origin.endsWith('app.example')),
  kills: { id: 'security/origin-suffix', category: 'security', anchor: 'concept-cors-check:4' },
};
