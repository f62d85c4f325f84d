/**
 * The demo's deliberately broken server: CORS bugs that real middleware has shipped, on one handler.
 * Not a reference for anything; `npm start` shows what the suite says about it.
 */
import { createServer, type Server } from 'node:http';

export function createBrokenServer(): Server {
  return createServer((req, res) => {
    const origin = req.headers.origin;
    // Bug: reflects any Origin, with credentials, and forgets Vary: Origin.
    if (origin !== undefined) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method === 'OPTIONS') {
      // Bugs: a lowercase method, no content-type or authorization, and a max-age with a unit.
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, put, DELETE, PATCH');
      res.setHeader('Access-Control-Allow-Headers', 'x-api-key');
      res.setHeader('Access-Control-Max-Age', '600s');
      res.writeHead(204).end();
      return;
    }
    if (req.url?.includes('not-found')) {
      // Bug: error responses are written by a handler that knows nothing of CORS.
      res.removeHeader('Access-Control-Allow-Origin');
      res.removeHeader('Access-Control-Allow-Credentials');
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': '7' }).end('{"ok":true}');
  });
}
