/**
 * The Node adapter: a connect/express-style middleware and a small reference server built on
 * `node:http`. The only code here is I/O; every decision comes from `decide`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { VARY } from '../../spec/headers.js';
import { decide, isAnsweredByMiddleware } from './decide.js';
import type { ServerRequest } from './decide.js';
import { toCompiledPolicy } from './policy.js';
import { appendVary } from './vary.js';

export type NextFunction = (error?: unknown) => void;
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => void;
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** The CORS middleware: answers preflights itself and adds CORS headers to everything else. */
export function corsMiddleware(policy: unknown): NodeMiddleware {
  const compiled = toCompiledPolicy(policy);
  return (req, res, next) => {
    const decision = decide(compiled, nodeServerRequest(req));
    if (isAnsweredByMiddleware(decision)) {
      res.statusCode = decision.status;
      for (const [name, value] of decision.headers) res.setHeader(name, value);
      mergeVary(res, decision.vary);
      res.end();
      return;
    }
    for (const [name, value] of decision.headers) res.setHeader(name, value);
    if (decision.vary.length > 0) appendVaryOnWriteHead(res, decision.vary);
    next();
  };
}

function nodeServerRequest(req: IncomingMessage): ServerRequest {
  const raw = req.rawHeaders;
  const headers: (readonly [string, string])[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] as string, raw[i + 1] as string]);
  return { method: req.method ?? 'GET', path: requestPath(req.url ?? '/'), headers };
}

// An absolute-form request target (sent to proxies) is reduced to its path and query.
function requestPath(target: string): string {
  if (target.startsWith('/') || target === '*' || !URL.canParse(target)) return target;
  const url = new URL(target);
  return url.pathname + url.search;
}

function mergeVary(res: ServerResponse, names: readonly string[]): void {
  const current = res.getHeader(VARY);
  const existing = current === undefined ? null : Array.isArray(current) ? current.join(', ') : String(current);
  const merged = appendVary(existing, names);
  if (merged !== null && merged !== existing) res.setHeader(VARY, merged);
}

/**
 * Appends `names` to `Vary` at the moment the headers are written, so a `Vary` the application sets
 * (with setHeader or in writeHead) is kept and extended, never replaced. `end()` without writeHead
 * goes through writeHead too.
 */
function appendVaryOnWriteHead(res: ServerResponse, names: readonly string[]): void {
  const writeHead = res.writeHead as (this: ServerResponse, statusCode: number, reason?: string) => ServerResponse;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]): ServerResponse {
    const reason = typeof rest[0] === 'string' ? rest[0] : undefined;
    const headers = typeof rest[0] === 'string' ? rest[1] : rest[0];
    // Apply the writeHead headers first, with writeHead's precedence, so the merge sees them.
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) this.removeHeader(String(headers[i]));
      for (let i = 0; i + 1 < headers.length; i += 2) this.appendHeader(String(headers[i]), headers[i + 1] as string);
    } else if (typeof headers === 'object' && headers !== null) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) this.setHeader(name, value);
    }
    mergeVary(this, names);
    return reason === undefined ? writeHead.call(this, statusCode) : writeHead.call(this, statusCode, reason);
  } as typeof res.writeHead;
}

export interface ReferenceServerOptions {
  /** A policy config (validated; throws `PolicyError`) or a compiled policy. */
  readonly policy: unknown;
  /** The application behind the middleware; defaults to `referenceApp`. */
  readonly handler?: NodeHandler;
}

/** A `node:http` server: the CORS middleware in front of `handler`. Call `listen` yourself. */
export function createReferenceServer(options: ReferenceServerOptions): Server {
  const middleware = corsMiddleware(options.policy);
  const handler = options.handler ?? referenceApp();
  return createServer((req, res) => {
    middleware(req, res, (error) => {
      if (error === undefined) {
        handler(req, res);
        return;
      }
      res.statusCode = 500;
      res.end();
    });
  });
}

/**
 * The default application: 200 with a small JSON body for every method and path (paths outside the
 * policy's `paths` too, so out-of-scope requests show plain behaviour rather than 404s), an
 * `x-request-id` counting requests from 1, and `cache-control: max-age=60` (cacheable on purpose: a
 * missing `Vary: Origin` must matter). HEAD gets no body.
 */
export function referenceApp(): NodeHandler {
  let requests = 0;
  return (req, res) => {
    requests += 1;
    const body = JSON.stringify({ ok: true, method: req.method, path: req.url });
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.setHeader('cache-control', 'max-age=60');
    res.setHeader('x-request-id', String(requests));
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
