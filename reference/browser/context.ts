/** What one run of the machine shares across its algorithms. */
import type { Answers, NetworkResponse, Send } from './network.js';
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
  /** Who answers what is sent: the case, or a live runner's wire (see exchangeMachine). */
  readonly answers: Answers;
}

/** Sends `request`: records it and returns the answer (the case's, or the wire's). */
export function send(ctx: FetchContext, request: Send['request'], url: URL): NetworkResponse {
  ctx.sent.push(request);
  return ctx.answers.send(request, url);
}
