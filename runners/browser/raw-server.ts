/**
 * A raw HTTP/1.1 server on `node:net`. Not `node:http`: it must accept any method token (browsers send
 * `patch` lowercase, which Node's parser rejects) and write exactly the header lines it is given,
 * repeated lines and odd bytes included, with nothing added (no Date, no Connection, no Content-Length).
 */
import { createServer, type Server, type Socket } from 'node:net';

/** A request as it arrived: header names as sent, values with the surrounding whitespace stripped. */
export interface RawRequest {
  readonly method: string;
  /** The request-target as sent (origin-form: path and query). */
  readonly target: string;
  readonly headers: readonly (readonly [string, string])[];
  /** The local port it arrived on: which origin of the harness it was sent to. */
  readonly port: number;
}

export interface RawResponse {
  readonly status: number;
  /** Header lines in order, written as given; values above U+00FF go out as their UTF-8 bytes. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: Buffer;
}

export type RawHandler = (request: RawRequest) => RawResponse;

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content', 300: 'Multiple Choices',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect',
  308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
};

const HEAD_END = Buffer.from('\r\n\r\n');
/** Requests bigger than this are cut off: the harness only ever sees browser requests. */
const MAX_HEAD = 256 * 1024;

function byteString(value: string): Buffer {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0xff) return Buffer.from(value, 'utf8');
  }
  return Buffer.from(value, 'latin1');
}

/** The response's bytes: status line, header lines exactly as given, blank line, body. */
export function serializeResponse(response: RawResponse): Buffer {
  const parts: Buffer[] = [Buffer.from(`HTTP/1.1 ${response.status} ${REASONS[response.status] ?? 'Status'}\r\n`, 'latin1')];
  for (const [name, value] of response.headers) parts.push(byteString(`${name}: `), byteString(value), Buffer.from('\r\n'));
  parts.push(Buffer.from('\r\n'));
  if (response.body !== undefined) parts.push(response.body);
  return Buffer.concat(parts);
}

interface Head {
  readonly method: string;
  readonly target: string;
  readonly headers: [string, string][];
}

function parseHead(text: string): Head | null {
  const [requestLine = '', ...lines] = text.split('\r\n');
  const match = /^(\S+) (\S+) HTTP\/1\.[01]$/.exec(requestLine);
  if (match === null) return null;
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }
  return { method: match[1]!, target: match[2]!, headers };
}

const headerValue = (headers: readonly (readonly [string, string])[], name: string): string | undefined =>
  headers.find(([n]) => n.toLowerCase() === name)?.[1];

/** Whether the client can tell where the response ends without the connection closing. */
function selfDelimited(method: string, response: RawResponse): boolean {
  if (method === 'HEAD' || response.status === 204 || response.status === 304 || response.status < 200) return true;
  const lengths = response.headers.filter(([name]) => name.toLowerCase() === 'content-length');
  return lengths.length === 1 && Number(lengths[0]![1].trim()) === (response.body?.length ?? 0);
}

/** Reads requests off one connection; answers each; closes when a response is not self-delimited. */
function serve(socket: Socket, port: number, handler: RawHandler): void {
  let buffer = Buffer.alloc(0);
  let closed = false;
  socket.on('error', () => { closed = true; });
  socket.on('close', () => { closed = true; });
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (closed) return;
      const end = buffer.indexOf(HEAD_END);
      if (end < 0) {
        if (buffer.length > MAX_HEAD) socket.destroy();
        return;
      }
      const head = parseHead(buffer.subarray(0, end).toString('latin1'));
      if (head === null) return void socket.destroy();
      const length = Number(headerValue(head.headers, 'content-length') ?? 0);
      // Browsers send fetch() bodies with Content-Length over HTTP/1.1 (streams need HTTP/2).
      if (!Number.isSafeInteger(length) || length < 0) return void socket.destroy();
      if (buffer.length < end + 4 + length) return;
      buffer = buffer.subarray(end + 4 + length);
      const response = handler({ method: head.method, target: head.target, headers: head.headers, port });
      socket.write(serializeResponse(response));
      const clientCloses = headerValue(head.headers, 'connection')?.toLowerCase() === 'close';
      if (clientCloses || !selfDelimited(head.method, response)) {
        closed = true;
        socket.end();
        return;
      }
    }
  });
}

export class RawHttpServer {
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {}

  static async listen(host: string, handler: RawHandler): Promise<RawHttpServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('the raw server has no TCP address');
    const raw = new RawHttpServer(server, address.port);
    server.on('connection', (socket) => {
      raw.sockets.add(socket);
      socket.on('close', () => raw.sockets.delete(socket));
      serve(socket, address.port, handler);
    });
    return raw;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
