/**
 * Comparing what the reference machine said with what an edge case expects. Pure: a list of
 * human-readable mismatches, empty when the verdict (or the input error) matches.
 */
import type { ProfileName, SentRequest, Verdict } from '../../reference/browser/types.js';
import type { EdgeCase, Expectation, ExpectedVerdict } from './types.js';

/** An input error as the machine throws it (a `CaseError` is one); only the message is compared. */
export interface CaseErrorLike {
  readonly name: string;
  readonly message: string;
}

type ExpectedRequest = NonNullable<ExpectedVerdict['requests']>[number];

/** The expectation for `profile`: its override if the case has one, the spec expectation otherwise. */
export function expectationFor(edge: EdgeCase, profile: ProfileName): Expectation {
  if (profile === 'spec') return edge.expect;
  return edge.profiles?.[profile] ?? edge.expect;
}

/** Every way `actual` differs from `expect`; absent expectation fields are not checked. */
export function matchExpectation(actual: Verdict | CaseErrorLike, expect: Expectation): string[] {
  const isVerdict = 'outcome' in actual;
  if (expect.kind === 'input-error') {
    if (isVerdict) return [`expected an input error mentioning ${show(expect.message)}, got a verdict (${actual.outcome})`];
    return actual.message.toLowerCase().includes(expect.message.toLowerCase())
      ? []
      : [`input error message ${show(actual.message)} does not mention ${show(expect.message)}`];
  }
  if (!isVerdict) return [`expected a verdict (${expect.outcome}), got an input error: ${actual.message}`];
  return matchVerdict(actual, expect);
}

function matchVerdict(actual: Verdict, expect: ExpectedVerdict): string[] {
  const problems: string[] = [];
  const field = (name: string, got: unknown, want: unknown): void => {
    if (want !== undefined && got !== want) problems.push(`${name}: expected ${show(want)}, got ${show(got)}`);
  };
  field('outcome', actual.outcome, expect.outcome);
  field('failedAt', actual.failedAt, expect.failedAt);
  field('preflight.sent', actual.preflight.sent, expect.preflightSent);
  field('preflight.fromCache', actual.preflight.fromCache, expect.fromCache);
  field('status', actual.status, expect.status);
  if (expect.exposedHeaders !== undefined && !sameList(actual.exposedHeaders, expect.exposedHeaders)) {
    problems.push(`exposedHeaders: expected ${show(expect.exposedHeaders)}, got ${show(actual.exposedHeaders)}`);
  }
  if (expect.requests !== undefined) problems.push(...matchRequests(actual.requests, expect.requests));
  if (problems.length > 0 && actual.reason !== '') problems.push(`(machine's reason: ${actual.reason})`);
  return problems;
}

function matchRequests(actual: readonly SentRequest[], expected: readonly ExpectedRequest[]): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) {
    problems.push(`requests: expected ${expected.length} (${summary(expected)}), got ${actual.length} (${summary(actual)})`);
  }
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) problems.push(...matchRequest(i, actual[i]!, expected[i]!));
  return problems;
}

function matchRequest(index: number, got: SentRequest, want: ExpectedRequest): string[] {
  const problems: string[] = [];
  const at = `requests[${index}]`;
  if (got.kind !== want.kind) problems.push(`${at}.kind: expected ${want.kind}, got ${got.kind}`);
  if (want.method !== undefined && got.method !== want.method) problems.push(`${at}.method: expected ${want.method}, got ${got.method}`);
  if (want.url !== undefined && got.url !== want.url) problems.push(`${at}.url: expected ${want.url}, got ${got.url}`);
  for (const [name, value] of Object.entries(want.headers ?? {})) {
    const actualValue = headerValue(got.headers, name);
    if (value === null && actualValue !== undefined) problems.push(`${at} header ${name}: expected absent, got ${show(actualValue)}`);
    if (value !== null && actualValue !== value) {
      problems.push(`${at} header ${name}: expected ${show(value)}, got ${actualValue === undefined ? 'absent' : show(actualValue)}`);
    }
  }
  return problems;
}

/** Verdict header names are lowercase; a mixed-case key in an expectation still finds its header. */
function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(headers, lower) ? headers[lower] : undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function summary(requests: readonly { readonly kind: string; readonly method?: string; readonly url?: string }[]): string {
  return requests.map((r) => [r.kind, r.method, r.url].filter((part) => part !== undefined).join(' ')).join('; ') || 'none';
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
