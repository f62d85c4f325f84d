// Imitates an allow-list with "null" added to test from file:// pages (or `origins.includes(origin)`
// over a list read from an empty environment variable): sandboxed iframes on any site send
// `Origin: null` and are let in.
import { looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'null-origin-allowed',
  imitates: 'Origin null on the allow-list (left in for file:// testing)',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => origin === 'null'),
  kills: { id: 'security/null-origin', category: 'security', anchor: 'concept-cors-check:4' },
};
