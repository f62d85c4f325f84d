/**
 * A browser-faithful exchange against a live server. The state machine says what the browser sends;
 * each request it asks for is sent exactly, its raw answer added to the case, and the (pure,
 * deterministic) machine run again, until it reaches a verdict.
 */
import {
  MissingAnswerError, runCase, type CaseAnswer, type CaseRequest, type ProfileName, type SentRequest, type Verdict,
} from '../../reference/browser/index.js';
import type { Transport, WireResponse } from './transport.js';

export interface WireExchange {
  readonly sent: SentRequest;
  /** The headers actually written, credentials included (redact before reporting). */
  readonly headers: Readonly<Record<string, string>>;
  readonly response: WireResponse;
}

export type BrowserExchange =
  | { readonly kind: 'verdict'; readonly request: CaseRequest; readonly verdict: Verdict; readonly wire: readonly WireExchange[] }
  /** The browser would follow a redirect to a URL outside the named targets: not sent. */
  | { readonly kind: 'off-target'; readonly request: CaseRequest; readonly url: string; readonly wire: readonly WireExchange[] }
  /** With `stopAfterPreflight`: the preflight passed and the browser would now send the actual request. */
  | { readonly kind: 'preflight-passed'; readonly request: CaseRequest; readonly wire: readonly WireExchange[] };

export interface ExchangeContext {
  readonly transport: Transport;
  readonly profile: ProfileName;
  /** Origins (scheme://host:port) the run may send to. */
  readonly allowedOrigins: ReadonlySet<string>;
  /** Sent on credentialed actual requests only (cookies, Authorization from --header/--cookie). */
  readonly credentialHeaders: Readonly<Record<string, string>>;
}

/**
 * Runs the (synchronous) machine without capturing stack traces: every missing answer is thrown as
 * an error, and building its stack would cost more than the rest of the run.
 */
function quietly<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** At most 21 actual requests (20 redirects) and as many preflights. */
const MAX_ROUNDS = 44;

function toAnswer(sent: SentRequest, response: WireResponse): CaseAnswer {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of response.headers) (headers[name] ??= []).push(value);
  return { for: sent.kind, url: sent.url, status: response.status, headers };
}

/**
 * Runs `request` as a browser would against the live targets. `stopAfterPreflight` stops before an
 * actual request that follows a passed preflight (security probes judge the preflight alone, and
 * spare the server the side effects).
 */
export async function browserExchange(request: CaseRequest, ctx: ExchangeContext, stopAfterPreflight = false): Promise<BrowserExchange> {
  const responses: CaseAnswer[] = [];
  const wire: WireExchange[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let missing: SentRequest;
    try {
      return { kind: 'verdict', request, verdict: quietly(() => runCase({ request, responses }, ctx.profile)), wire };
    } catch (error) {
      if (!(error instanceof MissingAnswerError)) throw error;
      missing = error.request;
    }
    if (!ctx.allowedOrigins.has(new URL(missing.url).origin)) return { kind: 'off-target', request, url: missing.url, wire };
    if (stopAfterPreflight && missing.kind === 'actual' && wire.some((w) => w.sent.kind === 'preflight')) return { kind: 'preflight-passed', request, wire };
    const credentialed = missing.kind === 'actual' && request.credentials === 'include';
    const headers = credentialed ? { ...missing.headers, ...ctx.credentialHeaders } : missing.headers;
    const response = await ctx.transport.send({ method: missing.method, url: missing.url, headers });
    wire.push({ sent: missing, headers, response });
    responses.push(toAnswer(missing, response));
  }
  throw new Error(`the exchange for ${request.method ?? 'GET'} ${request.url} did not settle in ${MAX_ROUNDS} requests`);
}
