/**
 * The wire: keep-alive connections per target origin (one undici Client each), bounded concurrency, an
 * optional request rate, a timeout on every request, and raw response header lines kept in order.
 * Redirects are never followed here; the state machine decides what a browser would do with them.
 */
import { createRequire } from 'node:module';
import type { Client as UndiciClient, Dispatcher } from 'undici';
import { memoizeString } from '../../spec/memo.js';
import { TargetError } from '../errors.js';

/**
 * undici's entry module loads fetch, WebSocket, caches and more (about 100 ms of start-up); the client
 * alone costs a third of that. undici 7 has no `exports` map, so its own module is reachable; the
 * entry module stays the fallback if a release moves it.
 */
function loadClient(): typeof UndiciClient {
  const require = createRequire(import.meta.url);
  try {
    return require('undici/lib/dispatcher/client.js') as typeof UndiciClient;
  } catch {
    return (require('undici') as { Client: typeof UndiciClient }).Client;
  }
}
const Client = loadClient();

export interface WireRequest {
  readonly method: string;
  readonly url: string;
  /** Lowercase names, exactly the headers to send (Host is added from the URL). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface WireResponse {
  readonly status: number;
  /** Header lines in wire order, duplicates separate; values as byte strings (latin1). */
  readonly headers: readonly (readonly [string, string])[];
  readonly durationMs: number;
}

export interface TransportOptions {
  readonly concurrency: number;
  /** Requests per second across all targets; 0 for no limit. */
  readonly rate: number;
  readonly timeoutMs: number;
  readonly insecure: boolean;
  readonly userAgent: string;
  /** Aborts every request in flight and fails later ones (SIGINT, the run's deadline). */
  readonly signal?: AbortSignal;
}

/** Why a request got no response, in one phrase a user can act on. */
function describeError(error: unknown, timeoutMs: number): string {
  const e = error as NodeJS.ErrnoException & { code?: string };
  switch (e.code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return 'the server closed or reset the connection';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'the host name does not resolve';
    case 'UND_ERR_HEADERS_TIMEOUT': case 'UND_ERR_BODY_TIMEOUT': case 'UND_ERR_CONNECT_TIMEOUT': case 'ETIMEDOUT':
      return `no complete response within ${timeoutMs} ms`;
    case 'UND_ERR_HEADERS_OVERFLOW': return 'the response headers are larger than 16 KiB';
    case 'ABORTED': return 'stopped (interrupted, or the run\'s deadline passed)';
    case 'HPE_INVALID_CONSTANT': case 'HPE_INVALID_STATUS': case 'HPE_INVALID_HEADER_TOKEN':
      return `the server sent a response that is not valid HTTP/1.1 (${e.code})`;
    default:
      if (e.code?.startsWith('HPE_') || e.name === 'HTTPParserError') return `the server sent a response that is not valid HTTP/1.1 (${e.message})`;
      if (e.code?.startsWith('ERR_TLS') || /certificate/i.test(e.message)) return `TLS failed: ${e.message} (--insecure accepts self-signed certificates)`;
      return e.message || String(error);
  }
}

/** A FIFO semaphore, so at most N requests are in flight. */
class Slots {
  private waiting: (() => void)[] = [];
  private free: number;
  constructor(size: number) {
    this.free = size;
  }
  /** Takes a slot: at once (undefined) when one is free, else a promise that settles when one is given back. */
  take(): Promise<void> | undefined {
    if (this.free > 0) {
      this.free -= 1;
      return undefined;
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

/**
 * The connections to one origin, each an undici Client with at most one request in flight: a request
 * takes an idle one (the most recently used) or opens another. The transport's slots bound how many
 * are busy. (undici's Pool did the same bookkeeping at about 40% of the client's CPU per request on
 * loopback, measured with bench/transport-child.)
 */
class Connections {
  private readonly idle: UndiciClient[] = [];
  readonly all: UndiciClient[] = [];

  constructor(private readonly open: () => UndiciClient) {}

  take(): UndiciClient {
    const client = this.idle.pop();
    if (client !== undefined) return client;
    const opened = this.open();
    this.all.push(opened);
    return opened;
  }

  give(client: UndiciClient): void {
    this.idle.push(client);
  }
}

/** A URL's origin and request target, parsed once per distinct URL (a run asks the same few URLs over and over). */
const urlParts = memoizeString((href: string): { readonly origin: string; readonly path: string } => {
  const url = new URL(href);
  return { origin: url.origin, path: url.pathname + url.search };
});

export class Transport {
  private readonly origins = new Map<string, Connections>();
  private readonly slots: Slots;
  private nextStart = 0;
  private readonly inFlight = new Set<(error: Error) => void>();
  /** Requests sent so far (answered or not). */
  count = 0;

  constructor(private readonly options: TransportOptions) {
    this.slots = new Slots(Math.max(1, options.concurrency));
    options.signal?.addEventListener('abort', () => {
      for (const abort of this.inFlight) abort(Object.assign(new Error('aborted'), { code: 'ABORTED' }));
    }, { once: true });
  }

  private connections(origin: string): Connections {
    let connections = this.origins.get(origin);
    if (connections === undefined) {
      connections = new Connections(() => new Client(origin, {
        pipelining: 1, headersTimeout: this.options.timeoutMs, bodyTimeout: this.options.timeoutMs,
        connectTimeout: this.options.timeoutMs, keepAliveTimeout: 4_000,
        connect: { rejectUnauthorized: !this.options.insecure },
      }));
      this.origins.set(origin, connections);
    }
    return connections;
  }

  /** Waits for the rate limit, if any: requests start at least 1/rate seconds apart. */
  private async pace(): Promise<void> {
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.options.rate;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  }

  async send(request: WireRequest): Promise<WireResponse> {
    const wait = this.slots.take();
    if (wait !== undefined) await wait;
    try {
      if (this.options.signal?.aborted) throw new TargetError(`${request.method} ${request.url}: not sent, the run was stopped`);
      if (this.options.rate > 0) await this.pace();
      this.count += 1;
      return await this.dispatch(request);
    } finally {
      this.slots.give();
    }
  }

  private dispatch(request: WireRequest): Promise<WireResponse> {
    const url = urlParts(request.url);
    const started = performance.now();
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...request.headers };
    const connections = this.connections(url.origin);
    const client = connections.take();
    return new Promise((resolve, reject) => {
      let status = 0;
      let lines: [string, string][] = [];
      let abort: ((error?: Error) => void) | undefined;
      const stop = (error: Error) => abort?.(error);
      this.inFlight.add(stop);
      const timer = setTimeout(() => stop(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), this.options.timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.inFlight.delete(stop);
        connections.give(client);
      };
      const fail = (error: unknown) => {
        settle();
        reject(new TargetError(`${request.method} ${request.url}: ${describeError(error, this.options.timeoutMs)}`));
      };
      const handler: Dispatcher.DispatchHandler = {
        onConnect: (abortRequest) => {
          abort = abortRequest;
          if (this.options.signal?.aborted) abortRequest(Object.assign(new Error('aborted'), { code: 'ABORTED' }));
        },
        onHeaders: (statusCode, raw) => {
          status = statusCode;
          lines = [];
          for (let i = 0; i + 1 < raw.length; i += 2) lines.push([raw[i]!.toString('latin1'), raw[i + 1]!.toString('latin1')]);
          return true;
        },
        onData: () => true,
        onComplete: () => {
          settle();
          resolve({ status, headers: lines, durationMs: performance.now() - started });
        },
        onError: fail,
      };
      // reset: false keeps the connection after a HEAD, as browsers do. undici closes it by default in
      // case a server sends a body anyway; such bytes arriving with the response make undici drop the
      // idle connection by itself (measured), and reconnecting for every HEAD cost the suite a quarter
      // of its throughput (the server pays for each new connection too).
      client.dispatch({
        origin: url.origin, path: url.path, method: request.method, headers, reset: false,
        headersTimeout: this.options.timeoutMs, bodyTimeout: this.options.timeoutMs,
      }, handler);
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.origins.values()].flatMap((connections) => connections.all.map((client) => client.destroy())));
    this.origins.clear();
  }
}
