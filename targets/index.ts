/** Every implementation x configuration REPORT.md covers: the npm packages first, then the Debian ones. */
import { debianTargets } from './debian/index.js';
import { nodeTargets } from './node/index.js';
import type { TargetDefinition } from './types.js';

export type { StartedTarget, TargetDefinition } from './types.js';

export const allTargets: readonly TargetDefinition[] = [...nodeTargets, ...debianTargets];
