// Imitates `new RegExp('^' + allowed + '$')` built from "https://app.example" without escaping: the
// dot matches any character, so https://appxexample (a domain anyone can register) passes.
import { APP, looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

const pattern = new RegExp(`^${APP}$`);

export const mutant: Mutant = {
  id: 'unescaped-dot',
  imitates: 'an origin regular expression with an unescaped dot',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => pattern.test(origin)),
  kills: { id: 'security/unescaped-dot', category: 'security', anchor: 'concept-cors-check:4' },
};
