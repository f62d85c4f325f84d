/**
 * A `node:http` request listener in front of a Fetch-style handler (`Request -> Response`, e.g. a Hono
 * app's `fetch`), so the suite's bytes reach the handler as a `Request` and its `Response` goes back out.
 *
 * What the Fetch API itself cannot carry, and so this bridge cannot either:
 * - `Headers` combines repeated header lines into one `a, b` value (set-cookie excepted, via
 *   `getSetCookie()`), and iterates names lowercased and sorted: wire order and repeats are lost in both
 *   directions. A handler that appends a second Access-Control-Allow-Origin line is seen sending one
 *   line `a, b`, which a browser's CORS check refuses just the same.
 * - Methods: node:http's parser answers 400 itself to any method outside its uppercase list (`patch`,
 *   `FOO`), so those never reach a Node listener or this bridge; CONNECT, TRACE and TRACK cannot be made
 *   into a `Request` at all (answered 501 here).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export type FetchStyleHandler = (request: Request) => Response | Promise<Response>;

/** Bodies larger than this are refused with 413 (the suite sends small ones; this bounds a test run). */
export const MAX_BRIDGED_BODY = 1024 * 1024;

export function fetchBridge(handler: FetchStyleHandler): RequestListener {
  return (req, res) => {
    bridge(handler, req, res).catch(() => {
      // The handler threw or the body could not be written: answer 500 if the head is still ours.
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else {
        res.destroy();
      }
    });
  };
}

async function bridge(handler: FetchStyleHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await toRequest(req);
  if (typeof request === 'number') {
    res.statusCode = request;
    res.end();
    return;
  }
  const response = await handler(request);
  await writeResponse(response, req.method === 'HEAD', res);
}

/** The incoming message as a `Request`, or the status to answer when it cannot be one. */
async function toRequest(req: IncomingMessage): Promise<Request | number> {
  const url = requestUrl(req);
  if (url === null) return 400;
  // node:http has already refused names and values that Headers would (its parser is as strict).
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const method = req.method ?? 'GET';
  const body = await readBody(req);
  if (body === null) return 413;
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  try {
    return new Request(url, { method, headers, ...(hasBody && { body: new Uint8Array(body) }) });
  } catch {
    // A forbidden method (CONNECT, TRACE, TRACK) has no Request.
    return 501;
  }
}

// The Host header names the authority, as behind any server; an absolute-form target is taken as is.
function requestUrl(req: IncomingMessage): string | null {
  const target = req.url ?? '/';
  if (!target.startsWith('/')) return URL.canParse(target) ? target : null;
  const local = req.socket.localAddress === undefined ? '127.0.0.1' : `${req.socket.localAddress}:${req.socket.localPort}`;
  const host = req.headers.host ?? local;
  const url = `http://${host}${target}`;
  return URL.canParse(url) ? url : null;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BRIDGED_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function writeResponse(response: Response, head: boolean, res: ServerResponse): Promise<void> {
  // Response.error() is a network error: the connection is dropped, as a platform would.
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  res.statusCode = response.status;
  if (response.statusText !== '') res.statusMessage = response.statusText;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (response.body === null || head) {
    await response.body?.cancel();
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await drained(res);
    // Leaving the loop cancels the body stream.
    if (res.destroyed) return;
  }
  res.end();
}

// Waits for the socket to take more, or to close (then there is nobody left to write to).
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
