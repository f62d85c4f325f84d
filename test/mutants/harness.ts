// The mutant zoo's building blocks: the reference middleware in front of a small routed application,
// and ways to deviate from it one step at a time, the way real servers do (an origin check that is
// too loose, a layer that edits headers on the way out, a handler that answers before CORS runs).
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { allowsOrigin, corsMiddleware, type CompiledPolicy, type NodeHandler, type PolicyConfig } from '../../reference/server/index.js';
import { byteLowercase } from '../../spec/header-list.js';
import { ACAO, ORIGIN } from '../../spec/headers.js';
import type { Category } from '../../suites/checks/registry.js';

/** What a mutant must make the suite report: a finding with this id (a prefix), category and anchor. */
export interface Kill {
  readonly id: string;
  readonly category: Category;
  readonly anchor: string;
}

export interface Mutant {
  /** A slug, the mutant's file name. */
  readonly id: string;
  /** The real-world bug it imitates. */
  readonly imitates: string;
  /** The policy it was derived from: the owner's intent, given to the suite. */
  readonly policy: PolicyConfig;
  readonly listener: (policy: CompiledPolicy) => RequestListener;
  readonly kills: Kill;
}

/** The path every run targets; the application serves it (and below it), and 404s elsewhere. */
export const TARGET_PATH = '/items';
export const APP = 'https://app.example';

/** A policy with credentials, one trusted origin, and something of everything. */
export const CREDENTIALED: PolicyConfig = {
  origins: [APP], methods: ['PUT', 'DELETE'], allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['x-request-id'], credentials: true, maxAge: 600,
};

/** The same without credentials. */
export const UNCREDENTIALED: PolicyConfig = { ...CREDENTIALED, credentials: false };

/**
 * A routed application: 200 with JSON and an `x-request-id` at TARGET_PATH (with or without a
 * trailing slash) and at TARGET_PATH/<id>, 404 elsewhere, so that error responses exist to be judged.
 */
export function routedApp(): NodeHandler {
  let requests = 0;
  return (req, res) => {
    requests += 1;
    const path = (req.url ?? '/').split('?')[0]!;
    const found = path === TARGET_PATH || path === `${TARGET_PATH}/` || /^\/[0-9]+$/.test(path.slice(TARGET_PATH.length)) && path.startsWith(TARGET_PATH);
    const body = found ? JSON.stringify({ ok: true }) : 'not found';
    res.statusCode = found ? 200 : 404;
    res.setHeader('content-type', found ? 'application/json' : 'text/plain');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.setHeader('cache-control', 'max-age=60');
    res.setHeader('x-request-id', String(requests));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** A response head as it leaves the server: lowercase names, lines in order, repeats kept. */
export interface Head {
  status: number;
  headers: [string, string][];
}

export const get = (head: Head, name: string): string | undefined => head.headers.find(([n]) => n === name)?.[1];
export const remove = (head: Head, name: string): void => {
  head.headers = head.headers.filter(([n]) => n !== name);
};
export const set = (head: Head, name: string, value: string): void => {
  remove(head, name);
  head.headers.push([name, value]);
};
/** Edits the header in place when present. */
export const edit = (head: Head, name: string, change: (value: string) => string): void => {
  head.headers = head.headers.map(([n, v]) => [n, n === name ? change(v) : v]);
};

export const isPreflight = (req: IncomingMessage): boolean => req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;

export interface Deviation {
  /** Runs first; returns true when it answered the request itself (the reference never runs). */
  readonly before?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Edits the request before the reference middleware reads it. */
  readonly request?: (req: IncomingMessage) => void;
  /** Edits every response head on its way out, preflights included. */
  readonly head?: (head: Head, req: IncomingMessage) => void;
  readonly app?: NodeHandler;
}

/** The reference middleware and application with one deviation; with none, the reference itself. */
export function deviate(policy: CompiledPolicy, deviation: Deviation = {}): RequestListener {
  const middleware = corsMiddleware(policy);
  const app = deviation.app ?? routedApp();
  return (req, res) => {
    if (deviation.before?.(req, res)) return;
    deviation.request?.(req);
    if (deviation.head !== undefined) onHead(res, (head) => deviation.head!(head, req));
    middleware(req, res, () => app(req, res));
  };
}

/** Sets (or removes, with null) a request header, in `headers` and in `rawHeaders`, which the middleware reads. */
export function setRequestHeader(req: IncomingMessage, name: string, value: string | null): void {
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (byteLowercase(req.rawHeaders[i]!) !== name) raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  if (value === null) delete req.headers[name];
  else {
    raw.push(name, value);
    req.headers[name] = value;
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

/**
 * The reference with its origin check replaced: an origin `accepts` admits is answered as if it were
 * `standIn` (a trusted origin), and then echoed; the classic "check loosely, then reflect".
 */
export function looseOriginCheck(policy: CompiledPolicy, accepts: (origin: string, req: IncomingMessage) => boolean, more: Deviation = {}): RequestListener {
  const standIn = [...policy.exactOrigins][0] ?? [...policy.subdomainBases].map((base) => base.replace('://', '://a.'))[0] ?? APP;
  const echoed = new WeakMap<IncomingMessage, string>();
  return deviate(policy, {
    ...more,
    request: (req) => {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowsOrigin(policy, origin) && accepts(origin, req)) {
        echoed.set(req, origin);
        setRequestHeader(req, ORIGIN, standIn);
      }
      more.request?.(req);
    },
    head: (head, req) => {
      const origin = echoed.get(req);
      if (origin !== undefined) edit(head, ACAO, (value) => (value === standIn ? origin : value));
      more.head?.(head, req);
    },
  });
}

/**
 * Calls `change` with the final head (status and every header line, however the handlers set them)
 * just before it is written. The reference middleware wraps writeHead after this does, so its `Vary`
 * merge has happened by then; `end()` without writeHead comes through here too.
 */
function onHead(res: ServerResponse, change: (head: Head) => void): void {
  const writeHead = res.writeHead as (this: ServerResponse, status: number) => ServerResponse;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]): ServerResponse {
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
    if (typeof headers === 'object' && headers !== null && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) this.setHeader(name, value);
    }
    const head: Head = { status, headers: [] };
    for (const [name, value] of Object.entries(this.getHeaders())) {
      for (const one of Array.isArray(value) ? value : [value]) head.headers.push([name, String(one)]);
    }
    change(head);
    for (const name of this.getHeaderNames()) this.removeHeader(name);
    const grouped = new Map<string, string[]>();
    for (const [name, value] of head.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    for (const [name, values] of grouped) this.setHeader(name, values.length === 1 ? values[0]! : values);
    this.statusCode = head.status;
    return writeHead.call(this, head.status);
  } as typeof res.writeHead;
}
