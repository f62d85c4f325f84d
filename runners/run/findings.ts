/** Findings from exchanges: the exchange as sent and received, a curl line, secrets redacted. */
import { anchorUrl, type StepRef } from '../../spec/anchors.js';
import type { Check } from '../../suites/checks/registry.js';
import type { Exchange, ExchangeRequest, ExchangeResponse, Finding, FindingLevel, Severity } from '../report-types.js';
import type { WireExchange } from '../target/browser-exchange.js';
import type { Verdict } from '../../reference/browser/index.js';

export const REDACTED = '[redacted]';

/** Replaces every secret value (from --header and --cookie) wherever it appears. */
export class Redactor {
  constructor(private readonly secrets: readonly string[]) {}

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) if (secret.length > 0) out = out.split(secret).join(REDACTED);
    return out;
  }

  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, this.text(value)]));
  }
}

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** A curl command that sends the same request (HEAD via -I, other methods via -X). */
export function curlLine(request: ExchangeRequest): string {
  const method = request.method === 'GET' ? '' : request.method === 'HEAD' ? ' -I' : ` -X ${shellQuote(request.method)}`;
  const headers = Object.entries(request.headers).map(([name, value]) => ` -H ${shellQuote(`${name}: ${value}`)}`).join('');
  return `curl -i${method}${headers} ${shellQuote(request.url)}`;
}

function exchangeOf(wire: readonly WireExchange[], redactor: Redactor): Exchange {
  const request = (w: WireExchange): ExchangeRequest => ({ method: w.sent.method, url: w.sent.url, headers: redactor.headers(w.headers) });
  const response = (w: WireExchange): ExchangeResponse =>
    ({ status: w.response.status, headers: w.response.headers.map(([name, value]) => [name, redactor.text(value)] as const) });
  const preflight = wire.find((w) => w.sent.kind === 'preflight');
  const actual = [...wire].reverse().find((w) => w.sent.kind === 'actual');
  return {
    preflight: preflight ? { request: request(preflight), response: response(preflight) } : null,
    request: actual ? request(actual) : null,
    response: actual ? response(actual) : null,
  };
}

export interface FindingInput {
  readonly check: Check;
  readonly target: string;
  readonly wire: readonly WireExchange[];
  readonly verdict: Pick<Verdict, 'outcome' | 'failedAt'>;
  readonly expected: string;
  readonly actual: string;
  readonly level?: FindingLevel;
  readonly severity?: Severity;
  readonly seed?: number;
  readonly path?: string;
}

function anchorLink(check: Check): string {
  if (check.source !== undefined) return check.source;
  const anchor = check.anchor;
  return /^(practice|security|browser):/.test(anchor) ? 'https://fetch.spec.whatwg.org/#http-cors-protocol' : anchorUrl(anchor as StepRef);
}

export function makeFinding(input: FindingInput, redactor: Redactor): Finding {
  const { check } = input;
  const exchange = exchangeOf(input.wire, redactor);
  const last = input.wire[input.wire.length - 1];
  const level = input.level ?? check.level;
  return {
    id: check.id, level, category: check.category,
    severity: input.severity ?? (level === 'must' ? 'high' : level === 'should' ? 'medium' : 'info'),
    anchor: check.anchor, url: anchorLink(check), title: check.title,
    expected: redactor.text(input.expected), actual: redactor.text(input.actual), exchange,
    browser: { outcome: input.verdict.outcome, failedAt: input.verdict.failedAt },
    reproduce: {
      curl: last ? curlLine({ method: last.sent.method, url: last.sent.url, headers: redactor.headers(last.headers) }) : '',
      ...(input.seed !== undefined && { seed: input.seed }), ...(input.path !== undefined && { path: input.path }),
    },
    fix: check.fix, target: input.target,
  };
}
