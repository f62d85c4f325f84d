/**
 * The network. The machine yields each request it sends (a `Send`) and resumes with the response: a
 * pure run answers from the case (`Network`: the first unused answer with the same `for`, and URL when
 * given), a live runner from the wire (`wireHeaderList`).
 */
import type { HeaderList } from '../../spec/header-list.js';
import { memoizeString } from '../../spec/memo.js';
import { MissingAnswerError } from './errors.js';
import type { CaseAnswer, CaseHeaders, CaseResponse, SentRequest } from './types.js';

/** A response as it came off the wire. */
export interface NetworkResponse {
  readonly url: URL;
  readonly status: number;
  readonly headers: HeaderList;
}

/** Header values are bytes on the wire: characters above U+00FF are sent as their UTF-8 bytes. */
function toByteString(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0xff) return Buffer.from(value, 'utf8').toString('latin1');
  }
  return value;
}

/** The same answer is read on every run of the machine (live runners rerun it per request): converted once. */
const converted = new WeakMap<CaseHeaders, HeaderList>();

/** Response header lines in order; HTTP parsing strips the whitespace around each value. */
export function responseHeaderList(headers: CaseHeaders | undefined): HeaderList {
  if (headers === undefined) return [];
  let list = converted.get(headers);
  if (list === undefined) converted.set(headers, list = convertHeaders(headers));
  return list;
}

function convertHeaders(headers: CaseHeaders): HeaderList {
  const list: (readonly [string, string])[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const one of typeof value === 'string' ? [value] : value) {
      list.push([name, toByteString(one).replace(/^[ \t]+|[ \t]+$/g, '')]);
    }
  }
  return list;
}

const withoutFragment = memoizeString((url: string): string => {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
});

interface Slot {
  readonly for: CaseAnswer['for'];
  readonly answer: CaseResponse;
  /** The answer's URL without its fragment, as requests name it. */
  readonly url: string | undefined;
  used: boolean;
}

function slot(kind: CaseAnswer['for'], answer: CaseResponse & { readonly url?: string }): Slot {
  return { for: kind, answer, url: answer.url === undefined ? undefined : withoutFragment(answer.url), used: false };
}

/** What the machine yields: the request exactly as sent, and its URL as parsed. */
export interface Send {
  readonly request: SentRequest;
  readonly url: URL;
}

/** A part of the machine that may send requests: it yields them and is resumed with each response. */
export type Sending<T> = Generator<Send, T, NetworkResponse>;

/** Runs `machine` to its end, answering every request from `network`. */
export function answerFromCase<T>(machine: Sending<T>, network: Network): T {
  let step = machine.next();
  while (step.done !== true) step = machine.next(network.send(step.value.request, step.value.url));
  return step.value;
}

/** Raw header lines off the wire (byte strings already), with the whitespace HTTP parsing strips. */
export function wireHeaderList(lines: readonly (readonly [string, string])[]): HeaderList {
  return lines.map((line) => (padded(line[1]) ? [line[0], line[1].replace(/^[ \t]+|[ \t]+$/g, '')] as const : line));
}

/** Whether a value starts or ends with a space or tab (HTTP parsers leave almost none). */
function padded(value: string): boolean {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first === 0x20 || first === 0x09 || last === 0x20 || last === 0x09;
}

export class Network {
  private readonly answers: Slot[] = [];

  private constructor() {}

  static fromCase(source: { preflight?: CaseResponse; response?: CaseResponse; responses?: readonly CaseAnswer[] }): Network {
    const network = new Network();
    if (source.preflight) network.answers.push(slot('preflight', source.preflight));
    if (source.response) network.answers.push(slot('actual', source.response));
    if (source.responses) for (const answer of source.responses) network.answers.push(slot(answer.for, answer));
    return network;
  }

  /** The case's answer to a request; a request with no answer in the case is an input error. */
  send(request: SentRequest, url: URL): NetworkResponse {
    const found = this.unused(request);
    if (found === undefined) {
      const field = request.kind === 'preflight' ? 'preflight' : 'response';
      throw new MissingAnswerError(request, `no answer for the ${request.kind} request ${request.method} ${request.url}: ` +
        `add "${field}" or a "responses" entry with "for": "${request.kind}"`);
    }
    found.used = true;
    return { url, status: found.answer.status, headers: responseHeaderList(found.answer.headers) };
  }

  /** The first unused answer for the request's kind, and its URL when the answer names one. */
  private unused(request: SentRequest): Slot | undefined {
    for (const s of this.answers) {
      if (!s.used && s.for === request.kind && (s.url === undefined || s.url === request.url)) return s;
    }
    return undefined;
  }
}
