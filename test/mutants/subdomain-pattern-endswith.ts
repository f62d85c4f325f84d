// Imitates "*.app.example" implemented as `origin.endsWith('app.example')` (the label boundary, the
// dot, forgotten): https://evilapp.example, a domain anyone can register, passes.
import { CREDENTIALED, looseOriginCheck, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'subdomain-pattern-endswith',
  imitates: 'a subdomain pattern matched with endsWith and no dot',
  policy: { ...CREDENTIALED, origins: ['https://*.app.example'] },
  listener: (policy) => looseOriginCheck(policy, (origin) => origin.startsWith('https://') && origin.endsWith('app.example')),
  kills: { id: 'security/origin-suffix', category: 'security', anchor: 'concept-cors-check:4' },
};
