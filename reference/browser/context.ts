/** What one run of the machine shares across its algorithms. */
import type { NetworkResponse, Send, Sending } from './network.js';
import type { PreflightCache } from './preflight-cache.js';
import type { Profile } from './profiles.js';
import type { Trace } from './trace.js';

export interface FetchContext {
  readonly profile: Profile;
  readonly cache: PreflightCache;
  readonly trace: Trace;
  /** Every request sent, in order (the verdict's `requests`). */
  readonly sent: Send['request'][];
  /** Seconds. */
  readonly now: number;
  /** Whether a preflight was sent, and whether the cache answered where one was needed. */
  readonly preflight: { sent: boolean; fromCache: boolean };
}

/** Sends `request`: records it, yields it to whoever answers (the case, or the wire), returns the answer. */
export function* send(ctx: FetchContext, request: Send['request'], url: URL): Sending<NetworkResponse> {
  ctx.sent.push(request);
  return yield { request, url };
}
