/** The ways the machine refuses to answer: bad input, a missing answer, and a step it does not model. */
import type { SentRequest } from './types.js';

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

/**
 * The case has no answer for a request the machine makes. A live runner catches it, sends exactly
 * that request to the server, adds the answer to the case, and runs the (deterministic) machine again.
 */
export class MissingAnswerError extends CaseError {
  constructor(readonly request: SentRequest, message: string) {
    super(message);
  }
}
