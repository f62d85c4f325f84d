/**
 * A browser-faithful exchange against a live server. The state machine says what the browser sends:
 * it yields each request, which is sent exactly, and is resumed with the raw answer, until it returns
 * the verdict (one pass: the machine never reruns).
 */
import {
  exchangeMachine, wireHeaderList, type CaseRequest, type ProfileName, type SentRequest, type Verdict,
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

/** At most 21 actual requests (20 redirects) and as many preflights. */
const MAX_ROUNDS = 44;

/**
 * Runs `request` as a browser would against the live targets. `stopAfterPreflight` stops before an
 * actual request that follows a passed preflight (security probes judge the preflight alone, and
 * spare the server the side effects).
 */
export async function browserExchange(request: CaseRequest, ctx: ExchangeContext, stopAfterPreflight = false): Promise<BrowserExchange> {
  const wire: WireExchange[] = [];
  const machine = exchangeMachine(request, ctx.profile);
  let step = machine.next();
  for (let round = 0; ; round++) {
    if (step.done === true) return { kind: 'verdict', request, verdict: step.value, wire };
    if (round === MAX_ROUNDS) throw new Error(`the exchange for ${request.method ?? 'GET'} ${request.url} did not settle in ${MAX_ROUNDS} requests`);
    const { request: missing, url } = step.value;
    if (!ctx.allowedOrigins.has(url.origin)) return { kind: 'off-target', request, url: missing.url, wire };
    if (stopAfterPreflight && missing.kind === 'actual' && wire.some((w) => w.sent.kind === 'preflight')) return { kind: 'preflight-passed', request, wire };
    const credentialed = missing.kind === 'actual' && request.credentials === 'include';
    const headers = credentialed ? { ...missing.headers, ...ctx.credentialHeaders } : missing.headers;
    const response = await ctx.transport.send({ method: missing.method, url: missing.url, headers });
    wire.push({ sent: missing, headers, response });
    step = machine.next({ url, status: response.status, headers: wireHeaderList(response.headers) });
  }
}
