// Imitates nginx `add_header Access-Control-Allow-Origin` in front of an application that sets it
// too: two header lines, which the browser combines into one invalid value.
import { ACAO } from '../../spec/headers.js';
import { CREDENTIALED, deviate, get, type Mutant } from './harness.js';

export const mutant: Mutant = {
  id: 'duplicate-acao',
  imitates: 'Access-Control-Allow-Origin sent twice (proxy and application)',
  policy: CREDENTIALED,
  listener: (policy) => deviate(policy, {
    head: (head) => {
      const acao = get(head, ACAO);
      if (acao !== undefined) head.headers.push([ACAO, acao]);
    },
  }),
  kills: { id: 'acao/multiple-values', category: 'conformance', anchor: 'concept-cors-check:4' },
};
