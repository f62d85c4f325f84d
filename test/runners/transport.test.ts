// The transport's connection handling: HEAD keeps the connection (as browsers do), and a server that
// answers HEAD with a body anyway costs a reconnect, never a wrong answer to the next request.
import t from 'tap';
import { Transport } from '../../runners/target/transport.js';
import { rawServer, start } from '../support/servers.js';

const options = { concurrency: 1, rate: 0, timeoutMs: 2000, insecure: false, userAgent: 'test' };

t.test('HEAD, then GET: one connection', async (t) => {
  let connections = 0;
  const server = rawServer((socket, head) => {
    socket.write(head.startsWith('HEAD') ? 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n' : 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });
  server.on('connection', () => connections++);
  const target = await start(server);
  const transport = new Transport(options);
  t.teardown(async () => { await transport.close(); await target.close(); });
  for (const method of ['HEAD', 'GET', 'HEAD', 'GET']) {
    t.equal((await transport.send({ method, url: `${target.base}/items`, headers: {} })).status, 200, method);
  }
  t.equal(connections, 1);
});

t.test('a body sent with a HEAD response does not become the next response', async (t) => {
  const server = rawServer((socket, head) => {
    socket.write(head.startsWith('HEAD')
      ? 'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\nX-Kind: head\r\n\r\nhello'
      : 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Kind: get\r\n\r\nok');
  });
  const target = await start(server);
  const transport = new Transport(options);
  t.teardown(async () => { await transport.close(); await target.close(); });
  for (const method of ['HEAD', 'GET', 'HEAD', 'GET']) {
    const response = await transport.send({ method, url: `${target.base}/items`, headers: {} });
    t.equal(response.status, method === 'HEAD' ? 204 : 200, `${method} status`);
    t.same(response.headers.find(([name]) => name.toLowerCase() === 'x-kind'), ['X-Kind', method === 'HEAD' ? 'head' : 'get']);
  }
});
