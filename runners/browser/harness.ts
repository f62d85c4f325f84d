/**
 * The loopback harness: a set of raw HTTP/1.1 servers on 127.0.0.1, one port (one origin) each. The
 * first also serves the page that runs the fetches. Each case registers a session under its own path
 * prefix; a session answers every request from the case (the first unused answer of the same kind and
 * URL, as the model's network does) and records every request that reaches it.
 */
import { ACAM, ACAO, ACMA, ACRM } from '../../spec/headers.js';
import type { CaseAnswer, CaseHeaders } from '../../reference/browser/types.js';
import type { Exchange } from './case-map.js';
import type { BrowserStep, RunSteps } from './driver.js';
import { RawHttpServer, type RawRequest, type RawResponse } from './raw-server.js';

export const HOST = '127.0.0.1';
const PAGE_PATH = '/__harness/page';
const OPAQUE_PAGE_PATH = '/__harness/opaque-page';
const PAGE_HTML = Buffer.from('<!doctype html><meta charset="utf-8"><title>cors-conformance browser harness</title>\n', 'latin1');
/** Bodies longer than this are not written even if Content-Length asks for them. */
const MAX_BODY = 1 << 20;

/** A request as the harness recorded it. */
export interface RecordedRequest {
  readonly kind: 'preflight' | 'actual';
  readonly method: string;
  /** Absolute harness URL. */
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  /** False when the case had no answer for it (it got a bare 500). */
  readonly answered: boolean;
}

function normalizedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

function headerLines(headers: CaseHeaders | undefined): [string, string][] {
  return Object.entries(headers ?? {}).flatMap(([name, value]) =>
    (typeof value === 'string' ? [value] : value).map((one): [string, string] => [name, one]));
}

/** The body a case response implies: as many bytes as a single Content-Length says, else none. */
function bodyFor(method: string, status: number, lines: readonly (readonly [string, string])[]): Buffer | undefined {
  if (method === 'HEAD' || status === 204 || status === 304) return undefined;
  const lengths = lines.filter(([name]) => name.toLowerCase() === 'content-length');
  const encodings = lines.filter(([name]) => name.toLowerCase() === 'transfer-encoding');
  if (encodings.length === 1 && encodings[0]![1].trim().toLowerCase() === 'chunked') return Buffer.from('0\r\n\r\n');
  if (lengths.length !== 1 || !/^\s*\d+\s*$/.test(lengths[0]![1])) return undefined;
  const length = Number(lengths[0]![1]);
  return length <= MAX_BODY ? Buffer.alloc(length, 'x') : undefined;
}

/** One case on the harness: its exchanges' answers, which exchange is running, and what arrived. */
export class CaseSession {
  private readonly answers: { readonly answer: CaseAnswer; used: boolean }[][];
  private current = 0;
  /** Requests recorded per exchange. */
  readonly logs: RecordedRequest[][];

  constructor(readonly prefix: string, exchanges: readonly Exchange[], private readonly release: () => void) {
    this.answers = exchanges.map((exchange) => [
      ...(exchange.preflight ? [{ ...exchange.preflight, for: 'preflight' as const }] : []),
      ...(exchange.response ? [{ ...exchange.response, for: 'actual' as const }] : []),
      ...(exchange.responses ?? []),
    ].map((answer) => ({ answer, used: false })));
    this.logs = exchanges.map(() => []);
  }

  /** Requests from now on belong to exchange `index`. */
  select(index: number): void {
    this.current = index;
  }

  answer(request: RawRequest, url: string): RawResponse {
    const preflight = request.method === 'OPTIONS' && request.headers.some(([name]) => name.toLowerCase() === ACRM);
    const kind = preflight ? 'preflight' : 'actual';
    const slot = this.answers[this.current]?.find(({ answer, used }) =>
      !used && answer.for === kind && (answer.url === undefined || normalizedUrl(answer.url) === url));
    this.logs[this.current]?.push({ kind, method: request.method, url, headers: request.headers, answered: slot !== undefined });
    if (slot === undefined) return { status: 500, headers: [] };
    slot.used = true;
    const lines = headerLines(slot.answer.headers);
    const body = bodyFor(request.method, slot.answer.status, lines);
    return { status: slot.answer.status, headers: lines, ...(body && { body }) };
  }

  close(): void {
    this.release();
  }
}

export class Harness {
  private readonly servers: RawHttpServer[] = [];
  private readonly sessions = new Map<string, CaseSession>();
  private counter = 0;
  /** Requests that matched no page and no session (e.g. a favicon), for diagnosis. */
  readonly stray: string[] = [];

  static async start(): Promise<Harness> {
    const harness = new Harness();
    await harness.origins(3);
    return harness;
  }

  /** At least `n` harness origins, starting servers as needed. */
  async origins(n: number): Promise<string[]> {
    while (this.servers.length < n) this.servers.push(await RawHttpServer.listen(HOST, (request) => this.handle(request)));
    return this.servers.map((server) => `http://${HOST}:${server.port}`);
  }

  /** The page whose fetches run a case: on `origin`, or an opaque-origin (sandboxed) one. */
  pageUrl(origin: string | null): string {
    return origin === null ? `http://${HOST}:${this.servers[0]!.port}${OPAQUE_PAGE_PATH}` : origin + PAGE_PATH;
  }

  /** Registers a case under a fresh path prefix; close the session when done. */
  open(exchanges: (prefix: string) => readonly Exchange[]): CaseSession {
    const prefix = `/c${++this.counter}`;
    const session = new CaseSession(prefix, exchanges(prefix), () => this.sessions.delete(prefix));
    this.sessions.set(prefix, session);
    return session;
  }

  /**
   * Runs rounds of two preflighted PUTs to a fresh URL (max-age 600) until the second one is answered
   * from the preflight cache, at most `rounds` times; returns the rounds it took (0: never cached).
   * Firefox needs this: in a new browsing context, the first preflight results are often not found by
   * the next request to the same URL, whatever the wait (measured with Firefox 153 ESR: one to three
   * results are lost, then every later one is kept), which would read as a cache miss in a case.
   */
  async warmUp(run: RunSteps, rounds = 8): Promise<number> {
    const [page, api] = await this.origins(2);
    for (let round = 1; round <= rounds; round++) {
      const prefix = `/warm${++this.counter}`;
      const url = `${api}${prefix}/warm-up`;
      const exchange: Exchange = {
        at: 0, request: { url, method: 'PUT', origin: page! },
        preflight: { status: 204, headers: { [ACAO]: page!, [ACAM]: 'PUT', [ACMA]: '600' } },
        response: { status: 200, headers: { [ACAO]: page!, 'Content-Length': '0' } },
      };
      const session = new CaseSession(prefix, [exchange, exchange], () => this.sessions.delete(prefix));
      this.sessions.set(prefix, session);
      try {
        const step = (i: number): BrowserStep => ({
          pageUrl: this.pageUrl(page!), waitMs: 0, before: () => session.select(i),
          fetch: { url, method: 'PUT', mode: 'cors', credentials: 'same-origin', redirect: 'follow', headers: [], body: true },
        });
        const results = await run([step(0), step(1)]);
        const cached = results.every((result) => result.kind === 'response') && !session.logs[1]!.some((request) => request.kind === 'preflight');
        if (cached) return round;
      } finally {
        session.close();
      }
    }
    return 0;
  }

  private handle(request: RawRequest): RawResponse {
    const path = request.target.split('?')[0]!;
    if (request.method === 'GET' && path === PAGE_PATH) return { status: 200, headers: [['Content-Type', 'text/html'], ['Content-Length', String(PAGE_HTML.length)]], body: PAGE_HTML };
    if (request.method === 'GET' && path === OPAQUE_PAGE_PATH) {
      return { status: 200, headers: [['Content-Type', 'text/html'], ['Content-Security-Policy', 'sandbox allow-scripts'], ['Content-Length', String(PAGE_HTML.length)]], body: PAGE_HTML };
    }
    const session = this.sessions.get('/' + (path.split('/')[1] ?? ''));
    if (session === undefined) {
      this.stray.push(`${request.method} http://${HOST}:${request.port}${request.target}`);
      return { status: 404, headers: [['Content-Length', '0']] };
    }
    return session.answer(request, normalizedUrl(`http://${HOST}:${request.port}${request.target}`));
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.close()));
    this.servers.length = 0;
  }
}
