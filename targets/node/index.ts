/** The npm implementations REPORT.md covers, run in-process (also in `npm test`). */
import type { NodeTargetDefinition } from './define.js';
import { expressCorsTargets } from './express-cors.js';
import { fastifyCorsTargets } from './fastify-cors.js';
import { honoCorsTargets } from './hono-cors.js';
import { koaCorsTargets } from './koa-cors.js';

export type { NodeTargetDefinition, TargetConfig } from './define.js';

export const nodeTargets: readonly NodeTargetDefinition[] = [...expressCorsTargets, ...fastifyCorsTargets, ...koaCorsTargets, ...honoCorsTargets];
