// Imitates Access-Control-Allow-Credentials set by the response middleware only: the preflight is
// judged with the request's credentials mode and fails without it.
import { ACAC } from '../../spec/headers.js';
import { CREDENTIALED, deviate, isPreflight, remove, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'preflight-without-credentials',
  imitates: 'Access-Control-Allow-Credentials missing from the preflight',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head, req) => {
      if (isPreflight(req)) remove(head, ACAC);
    },
  }),
  kills: { id: 'preflight/acac', category: 'conformance', anchor: 'concept-cors-check:8' },
};
