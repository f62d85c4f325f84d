/**
 * What a real browser can show of a verdict, and nothing more: the requests that reached the server
 * (with the CORS request headers a server can see), network error or response, the status and type
 * script sees, and the header names script can read. The browser runner compares only this. STYLE.md §12.
 */
import { ACRH, ACRM, ORIGIN } from '../../spec/headers.js';
import type { SentRequest, Verdict } from './types.js';

/** The request headers that carry CORS meaning on the wire; everything else a browser adds varies. */
export const observedRequestHeaders = [ORIGIN, ACRM, ACRH] as const;
export type ObservedRequestHeader = typeof observedRequestHeaders[number];

export interface ObservedRequest {
  readonly kind: 'preflight' | 'actual';
  readonly method: string;
  /**
   * The URL as the server sees it: with its origin (another origin is another server), without
   * credentials or fragment, which never go on the wire.
   */
  readonly url: string;
  /** Only `origin`, `access-control-request-method` and `access-control-request-headers`, when sent. */
  readonly headers: Readonly<Partial<Record<ObservedRequestHeader, string>>>;
}

export interface Observation {
  readonly requests: readonly ObservedRequest[];
  readonly outcome: 'ok' | 'network-error';
  /** The status script reads (0 for opaque and opaque-redirect responses); null on a network error. */
  readonly status: number | null;
  readonly type: Verdict['type'];
  /** Lowercase, sorted, unique. */
  readonly exposedHeaders: readonly string[];
}

function wireUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  return parsed.href;
}

/** One request as a server sees it, reduced to the observed headers. */
export function observeRequest(request: SentRequest): ObservedRequest {
  const headers: Partial<Record<ObservedRequestHeader, string>> = {};
  for (const name of observedRequestHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return { kind: request.kind, method: request.method, url: wireUrl(request.url), headers };
}

/** The browser-observable projection of a verdict. */
export function observe(verdict: Verdict): Observation {
  return {
    requests: verdict.requests.map(observeRequest),
    outcome: verdict.outcome,
    status: verdict.status,
    type: verdict.type,
    exposedHeaders: [...new Set(verdict.exposedHeaders.map((name) => name.toLowerCase()))].sort(),
  };
}
