/** Before judging, learn what the server says about itself (inference mode) and that it answers at all. */
import { ACRM } from '../../spec/headers.js';
import { inferIntent, intentFromPolicy, PUBLIC_ORIGIN, type Discovery, type Intent } from '../../suites/intent.js';
import type { CompiledPolicy } from '../../reference/server/index.js';
import type { TargetContext } from './context.js';
import { sendRaw } from './phases/raw.js';

type Probe = Pick<TargetContext, 'transport' | 'target'>;

/**
 * A plain GET (no Origin) proves the target answers; without a policy, a preflight and a CORS GET
 * from the first trusted origin read the methods, headers and credentials the server advertises.
 * Errors (unreachable, hostile) propagate as TargetError.
 */
export async function discoverIntent(probe: Probe, policy: CompiledPolicy | null, origins: readonly string[]): Promise<Intent> {
  const ctx = probe as TargetContext;
  await sendRaw(ctx, 'GET', probe.target, null);
  if (policy !== null) return intentFromPolicy(policy, probe.target);
  const origin = origins[0] ?? PUBLIC_ORIGIN;
  const [preflight, get] = await Promise.all([
    sendRaw(ctx, 'OPTIONS', probe.target, origin, { [ACRM]: 'GET' }),
    sendRaw(ctx, 'GET', probe.target, origin),
  ]);
  const discovery: Discovery = {
    origin,
    preflight: { status: preflight.response.status, headers: preflight.response.headers },
    get: { status: get.response.status, headers: get.response.headers },
  };
  return inferIntent(origins, discovery);
}
