/**
 * Any common Node server application, started on an ephemeral loopback port: a `node:http` request
 * listener (connect and express apps are ones), a Fastify instance, a Koa app, or a Fetch-style handler
 * (a `Request -> Response` function, or an object with `fetch` such as a Hono app).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fetchBridge, type FetchStyleHandler } from './fetch-bridge.js';

/** A Fastify instance, as far as it is used here: `ready()`, then `routing` is its request listener. */
export interface FastifyLike {
  ready(): PromiseLike<unknown>;
  readonly routing: RequestListener;
}

/** A Koa application: `callback()` returns its request listener. */
export interface KoaLike {
  callback(): RequestListener;
}

/** An object with a Fetch-style `fetch` method, such as a Hono app. */
export interface FetchLike {
  fetch(request: Request): Response | Promise<Response>;
}

/** Everything `runInProcess` and `serveInProcess` accept. */
export type InProcessApp = RequestListener | FetchStyleHandler | FastifyLike | KoaLike | FetchLike;

/**
 * How a plain function is called: `node` as `(req, res)`, `fetch` as `(request) => Response`. By default
 * a function declaring at most one parameter (`() => new Response()`, `(req) => …`) is taken as a Fetch
 * handler, one declaring two or more (`(req, res)`, express's `(req, res, next)`) as a Node listener.
 */
export type AppKind = 'node' | 'fetch';

export interface ServedApp {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string;
  /** Closes the server and every open connection. The application itself is left as it was. */
  stop(): Promise<void>;
}

function isFastify(app: object): app is FastifyLike {
  return typeof (app as Partial<FastifyLike>).ready === 'function' && typeof (app as Partial<FastifyLike>).routing === 'function';
}

function isKoa(app: object): app is KoaLike {
  return typeof (app as Partial<KoaLike>).callback === 'function';
}

function isFetchLike(app: object): app is FetchLike {
  return typeof (app as Partial<FetchLike>).fetch === 'function';
}

/** The Node request listener that serves `app`. */
export async function toRequestListener(app: InProcessApp, kind?: AppKind): Promise<RequestListener> {
  // Checked before the plain-function case: an express app is a function too, with none of these.
  if (isFastify(app)) {
    await app.ready();
    return app.routing;
  }
  if (isKoa(app)) return app.callback();
  if (isFetchLike(app)) return fetchBridge((request) => app.fetch(request));
  if (typeof app !== 'function') throw new TypeError('runInProcess: expected a request listener, a Fastify, Koa or Hono app, or a Fetch handler');
  const asFetch = kind === 'fetch' || (kind === undefined && app.length <= 1);
  return asFetch ? fetchBridge(app as FetchStyleHandler) : guarded(app as RequestListener);
}

// A listener that throws synchronously answers 500 instead of taking the test process down.
function guarded(listener: RequestListener): RequestListener {
  return (req, res) => {
    try {
      listener(req, res);
    } catch {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  };
}

/** Starts `app` on 127.0.0.1 with an ephemeral port. */
export async function serveInProcess(app: InProcessApp, kind?: AppKind): Promise<ServedApp> {
  const server = createServer(await toRequestListener(app, kind));
  return listenOnLoopback(server);
}

/** Listens on 127.0.0.1:0 and tracks connections so `stop` does not wait for idle keep-alive sockets. */
export async function listenOnLoopback(server: Server): Promise<ServedApp> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
