// Imitates a subdomain pattern turned into a regular expression by replacing "*" with ".*" and
// nothing else: the dots stay unescaped, so https://evilapp.example and lookalikes such as
// https://xxxxxapp.example pass.
import { CREDENTIALED, looseOriginCheck, type Mutant } from './harness.js';

const PATTERN = 'https://*.app.example';
const regex = new RegExp(`^${PATTERN.replace('*', '.*')}$`);

export const mutant: Mutant = {
  id: 'pattern-as-regex',
  imitates: 'a subdomain pattern compiled to a regular expression without escaping dots',
  policy: { ...CREDENTIALED, origins: [PATTERN] },
  listener: (policy) => looseOriginCheck(policy, (origin) => regex.test(origin)),
  kills: { id: 'security/unescaped-dot', category: 'security', anchor: 'concept-cors-check:4' },
};
