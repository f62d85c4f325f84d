/** The in-process runner: an application in this process, judged as the URL runner judges a server. */
export { runInProcess, runOptions, type InProcessOptions } from './run.js';
export { serveInProcess, toRequestListener, listenOnLoopback } from './serve.js';
export type { AppKind, FastifyLike, FetchLike, InProcessApp, KoaLike, ServedApp } from './serve.js';
export { fetchBridge, MAX_BRIDGED_BODY, type FetchStyleHandler } from './fetch-bridge.js';
