// Loopback servers for tests: raw `net` servers that misbehave on purpose, and a helper to start any server.
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function start(server: Server | NetServer): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    base: `http://127.0.0.1:${port}`, port,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A raw server that calls `onRequest` once per request head it reads (keep-alive aware enough for tests). */
export function rawServer(onRequest: (socket: Socket, head: string) => void): NetServer {
  return createNetServer((socket) => {
    let buffer = '';
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n\r\n')) !== -1) {
        const head = buffer.slice(0, end);
        buffer = buffer.slice(end + 4);
        onRequest(socket, head);
      }
    });
  });
}

/** The request line's path. */
export const pathOf = (head: string): string => head.split(' ')[1] ?? '/';
/** A request header's value from a raw head (first match, case-insensitive). */
export const headerOf = (head: string, name: string): string | undefined =>
  head.split('\r\n').slice(1).find((line) => line.toLowerCase().startsWith(name + ':'))?.slice(name.length + 1).trim();
