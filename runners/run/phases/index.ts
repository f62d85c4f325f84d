/** The run's phases, in order. Loaded once the first request is on its way (see run.ts). */
import { cachePhase } from './cache.js';
import { conformancePhase } from './conformance.js';
import { robustnessPhase } from './robustness.js';
import { securityPhase } from './security.js';

export const phases = [conformancePhase, securityPhase, cachePhase, robustnessPhase] as const;
