/** The reference state machine of the browser's CORS algorithm. DESIGN.md §4. */
export { exchangeMachine, runCase } from './fetch.js';
export { parseCase } from './case.js';
export { CaseError, MissingAnswerError, NotModelledError } from './errors.js';
export { responseHeaderList, wireHeaderList, type NetworkResponse, type Send, type Sending } from './network.js';
export { observe, observeRequest, observedRequestHeaders, type Observation, type ObservedRequest } from './observe.js';
export { profiles, profileNames, type Profile, type Deviation } from './profiles.js';
export type * from './types.js';

import { parseCase } from './case.js';
import { runCase } from './fetch.js';
import type { ProfileName, Verdict } from './types.js';

/** Validates a JSON value as a case and runs it: what `cors-conformance explain` prints. */
export function explain(json: unknown, profile?: ProfileName): Verdict {
  return runCase(parseCase(json), profile);
}
