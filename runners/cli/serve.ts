/** `cors-conformance serve`: the strict reference middleware on loopback, printing its URL. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compilePolicy, createReferenceServer, type CompiledPolicy } from '../../reference/server/index.js';

/** The policy `serve` and the demo use when none is given. */
export const DEFAULT_POLICY = {
  origins: ['https://app.example', 'https://*.app.example'], methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
  allowHeaders: ['content-type', 'x-api-key', 'authorization'], exposeHeaders: ['x-request-id'],
  credentials: true, maxAge: 600,
} as const;

export function defaultPolicy(): CompiledPolicy {
  const compiled = compilePolicy(DEFAULT_POLICY);
  if (!compiled.ok) throw new Error('the default policy is invalid');
  return compiled.policy;
}

/** Starts a server on 127.0.0.1 and resolves with its base URL. */
export async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function serveCommand(policy: CompiledPolicy | null, port: number, signal: AbortSignal): Promise<{ url: string; done: Promise<void> }> {
  const server = createReferenceServer({ policy: policy ?? defaultPolicy() });
  const url = await listen(server, port);
  const done = new Promise<void>((resolve) => {
    signal.addEventListener('abort', () => server.close(() => resolve()), { once: true });
  });
  return { url, done };
}
