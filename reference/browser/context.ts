/** What one run of the machine shares across its algorithms. */
import type { Network } from './network.js';
import type { PreflightCache } from './preflight-cache.js';
import type { Profile } from './profiles.js';
import type { Trace } from './trace.js';

export interface FetchContext {
  readonly profile: Profile;
  readonly cache: PreflightCache;
  readonly trace: Trace;
  readonly network: Network;
  /** Seconds. */
  readonly now: number;
  /** Whether a preflight was sent, and whether the cache answered where one was needed. */
  readonly preflight: { sent: boolean; fromCache: boolean };
}
