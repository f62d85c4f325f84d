// Imitates Python's `if origin in ALLOWED_ORIGINS:` where the setting is a string, not a list (and
// `allowed.join(',').includes(origin)` in JavaScript): every prefix of a trusted origin passes, such
// as https://app.exampl, a domain anyone could register.
import { APP, looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

const ALLOWED_ORIGINS = `${APP}`;

export const mutant: Mutant = {
  id: 'origin-in-string',
  imitates: 'an origin looked up as a substring of a string of allowed origins',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => ALLOWED_ORIGINS.includes(origin)),
  kills: { id: 'security/origin-substring', category: 'security', anchor: 'concept-cors-check:4' },
};
