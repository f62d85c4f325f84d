/** Test-runner helpers: the suite as tap subtests, or as one node:test assertion. */
export { corsConformance, type TapLike } from './tap.js';
export { assertCorsConformance } from './assert.js';
export { checkCors, type CorsTarget } from './check.js';
export { findingDiagnostic, formatCheckFailure, formatFailures, type FindingDiagnostic } from './format.js';
