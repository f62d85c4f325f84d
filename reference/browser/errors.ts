/** The two ways the machine refuses to answer: bad input, and a step it does not model. */

/** The case itself is invalid (unknown field, bad JSON shape, a request with no answer). Exit 2. */
export class CaseError extends Error {
  override readonly name = 'CaseError';
}

/** A step of the algorithm that the machine does not model; it never answers "ok" instead. */
export class NotModelledError extends Error {
  override readonly name = 'NotModelledError';
  constructor(readonly step: string, what: string) {
    super(`not modelled: ${what} (${step})`);
  }
}
