/**
 * Builders for redirect chains: each hop is an answer to one actual request (matched by URL), and a
 * preflight to a redirect target is an answer of its own.
 */
import { LOCATION } from '../../../spec/headers.js';
import type { CaseAnswer, CaseHeaders } from '../../../reference/browser/types.js';

/** A redirect answer at `url` with `status` and a Location (null: none), plus `headers`. */
export const hop = (url: string, status: number, location: string | readonly string[] | null, headers: CaseHeaders = {}): CaseAnswer => ({
  for: 'actual', url, status, headers: { ...headers, ...(location !== null ? { [LOCATION]: location } : {}) },
});

/** The final answer at `url`. */
export const land = (url: string, headers: CaseHeaders, status = 200): CaseAnswer => ({ for: 'actual', url, status, headers });

/** A preflight answer at `url` (status 204 unless given). */
export const preflightAt = (url: string, headers: CaseHeaders, status = 204): CaseAnswer => ({ for: 'preflight', url, status, headers });
