// Imitates "allow our domain and its subdomains" (`hostname === d || hostname.endsWith('.' + d)`) when
// only the app was meant: any subdomain, including a user-content or a taken-over one, is trusted.
import { looseOriginCheck, UNCREDENTIALED, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'subdomain-not-intended',
  imitates: 'every subdomain accepted though only the app is listed',
  policy: UNCREDENTIALED,
  listener: (policy) => looseOriginCheck(policy, (origin) => /^https:\/\/([a-z0-9-]+\.)+app\.example$/.test(origin)),
  kills: { id: 'security/origin-subdomain', category: 'security', anchor: 'concept-cors-check:4' },
};
