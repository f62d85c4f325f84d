/** The input (a case) and the output (a verdict) of the reference state machine. DESIGN.md §4. */
import type { BeyondSpecRef, StepRef } from '../../spec/anchors.js';
import type { HeaderList } from '../../spec/header-list.js';
export type { HeaderList };

export type ProfileName = 'spec' | 'chromium' | 'firefox' | 'webkit';
export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate';
export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type RedirectMode = 'follow' | 'error' | 'manual';

/** A header value as written in a case: one line, or repeated lines in order. */
export type CaseHeaderValue = string | readonly string[];
export type CaseHeaders = Readonly<Record<string, CaseHeaderValue>>;

export interface CaseRequest {
  readonly url: string;
  readonly method?: string;
  /** The document's serialized origin, or "null" for an opaque origin. */
  readonly origin: string;
  readonly mode?: RequestMode;
  readonly credentials?: CredentialsMode;
  readonly redirect?: RedirectMode;
  /** Author request headers, as script set them with the Headers API (repeats append). */
  readonly headers?: CaseHeaders;
  /** The use-CORS-preflight flag (XHR upload listeners, stream bodies). */
  readonly useCorsPreflight?: boolean;
  /** Whether the request has a body (redirects of POST drop it). */
  readonly body?: boolean;
}

export interface CaseResponse {
  readonly status: number;
  readonly headers?: CaseHeaders;
}

export interface CaseAnswer extends CaseResponse {
  readonly for: 'preflight' | 'actual';
  readonly url?: string;
}

export interface CaseHistoryEntry {
  readonly at: number;
  readonly request: CaseRequest;
  readonly preflight?: CaseResponse;
  readonly response?: CaseResponse;
  readonly responses?: readonly CaseAnswer[];
}

export interface Case {
  readonly profile?: ProfileName;
  readonly request: CaseRequest;
  readonly preflight?: CaseResponse;
  readonly response?: CaseResponse;
  readonly responses?: readonly CaseAnswer[];
  readonly history?: readonly CaseHistoryEntry[];
  /** Seconds; the main request's time (default: the last history entry's). */
  readonly at?: number;
}




export interface SentRequest {
  readonly kind: 'preflight' | 'actual';
  readonly method: string;
  readonly url: string;
  /** Lowercase names; for preflights origin, ACRM and (if any) ACRH; for actual requests origin (when sent) and author headers. */
  readonly headers: Readonly<Record<string, string>>;
}

export type TraceResult = 'pass' | 'fail' | 'info';

export interface TraceStep {
  readonly step: StepRef | BeyondSpecRef;
  readonly result: TraceResult;
  readonly detail: string;
}

export interface Verdict {
  readonly profile: ProfileName;
  readonly outcome: 'ok' | 'network-error';
  readonly failedAt: StepRef | BeyondSpecRef | null;
  readonly reason: string;
  readonly requests: readonly SentRequest[];
  readonly preflight: { readonly sent: boolean; readonly fromCache: boolean };
  /** The status script sees (0 for opaque responses); null on a network error. */
  readonly status: number | null;
  /** Response type script sees, when not a network error. */
  readonly type: 'basic' | 'cors' | 'opaque' | 'opaqueredirect' | null;
  readonly exposedHeaders: readonly string[];
  readonly trace: readonly TraceStep[];
}
