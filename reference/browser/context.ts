/** What one run of the machine shares across its algorithms. */
import type { Send } from './network.js';
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

/**
 * Records `request` as sent and returns it for the caller to yield to whoever answers (the case, or the
 * wire): `const response = yield send(...)`. A plain function, not a generator level of its own.
 */
export function send(ctx: FetchContext, request: Send['request'], url: URL): Send {
  ctx.sent.push(request);
  return { request, url };
}
