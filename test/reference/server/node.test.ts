import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import t from 'tap';
import { request } from 'undici';
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, ACRH, ACRM, ORIGIN, VARY } from '../../../spec/headers.js';
import { corsMiddleware, createReferenceServer, PolicyError } from '../../../reference/server/index.js';
import type { NodeHandler } from '../../../reference/server/index.js';

const APP = 'https://app.example';
const policy = {
  origins: [APP, 'https://*.app.example'], methods: ['GET', 'POST', 'PUT'], allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['x-request-id'], credentials: true, maxAge: 600, paths: ['/items'],
};
const CORS_NAMES = [ACAO, ACAC, ACAM, ACAH, ACMA, ACEH];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

// Every CORS response header and Vary, as received.
function corsHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const picked: Record<string, string | string[]> = {};
  for (const name of [...CORS_NAMES, VARY]) {
    const value = headers[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}

interface Teardown {
  teardown(fn: () => unknown): void;
}

async function serve(t: Teardown, handler?: NodeHandler): Promise<string> {
  const server = createReferenceServer(handler === undefined ? { policy } : { policy, handler });
  const base = await listen(server);
  t.teardown(() => close(server));
  return base;
}

t.test('a preflight is answered by the middleware over real HTTP', async (t) => {
  const base = await serve(t);
  const res = await request(`${base}/items`, { method: 'OPTIONS', headers: { [ORIGIN]: APP, [ACRM]: 'PUT', [ACRH]: 'content-type,x-api-key' } });
  t.equal(res.statusCode, 204);
  t.same(corsHeaders(res.headers), {
    [ACAO]: APP, [ACAC]: 'true', [ACAM]: 'GET, POST, PUT', [ACAH]: 'content-type, x-api-key', [ACMA]: '600',
    [VARY]: `${ORIGIN}, ${ACRM}, ${ACRH}`,
  });
  t.equal(res.headers['x-request-id'], undefined, 'the application was not reached');
  t.equal(await res.body.text(), '');
});

t.test('a refused preflight gets 403, no CORS headers, and never reaches the application', async (t) => {
  let reached = 0;
  const base = await serve(t, (_req, res) => {
    reached += 1;
    res.end('app');
  });
  for (const headers of [{ [ORIGIN]: 'https://evil.example', [ACRM]: 'PUT' }, { [ORIGIN]: APP, [ACRM]: 'DELETE' }, { [ORIGIN]: APP, [ACRM]: 'PUT', [ACRH]: 'x-other' }]) {
    const res = await request(`${base}/items`, { method: 'OPTIONS', headers });
    t.equal(res.statusCode, 403);
    t.same(corsHeaders(res.headers), { [VARY]: `${ORIGIN}, ${ACRM}, ${ACRH}` });
    await res.body.dump();
  }
  t.equal(reached, 0);
});

t.test('the default application answers 200 JSON with CORS headers for allowed origins', async (t) => {
  const base = await serve(t);
  const res = await request(`${base}/items/7?x=1`, { headers: { [ORIGIN]: 'https://x.app.example' } });
  t.equal(res.statusCode, 200);
  t.same(corsHeaders(res.headers), { [ACAO]: 'https://x.app.example', [ACAC]: 'true', [ACEH]: 'x-request-id', [VARY]: ORIGIN });
  t.equal(res.headers['x-request-id'], '1');
  t.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  t.same(await res.body.json(), { ok: true, method: 'GET', path: '/items/7?x=1' });
  const head = await request(`${base}/items`, { method: 'HEAD' });
  t.equal(head.statusCode, 200);
  t.equal(head.headers['x-request-id'], '2');
  t.same(corsHeaders(head.headers), { [VARY]: ORIGIN }, 'no Origin: only Vary');
  t.equal(await head.body.text(), '');
  const outside = await request(`${base}/other`, { headers: { [ORIGIN]: APP } });
  t.equal(outside.statusCode, 200, 'paths outside the policy reach the application too');
  t.same(corsHeaders(outside.headers), {}, 'and get nothing from the middleware');
  await outside.body.dump();
  const plain = await request(`${base}/items`, { method: 'OPTIONS', headers: { [ORIGIN]: APP } });
  t.equal(plain.headers['x-request-id'], '4', 'a plain OPTIONS (no Access-Control-Request-Method) reaches the application');
  t.same(corsHeaders(plain.headers), { [VARY]: `${ORIGIN}, ${ACRM}, ${ACRH}` }, 'OPTIONS is not in the policy: no CORS headers');
  await plain.body.dump();
});

t.test('hostile requests over HTTP: duplicated and oversized Origin get no CORS headers', async (t) => {
  const base = await serve(t);
  const twice = await request(`${base}/items`, { headers: [ORIGIN, APP, ORIGIN, APP] });
  t.same(corsHeaders(twice.headers), { [VARY]: ORIGIN });
  await twice.body.dump();
  const huge = await request(`${base}/items`, { headers: { [ORIGIN]: `https://${'a'.repeat(5000)}.app.example` } });
  t.equal(huge.statusCode, 200);
  t.same(corsHeaders(huge.headers), { [VARY]: ORIGIN });
  await huge.body.dump();
  const acrh = await request(`${base}/items`, { method: 'OPTIONS', headers: { [ORIGIN]: APP, [ACRM]: 'PUT', [ACRH]: 'x-api-key,'.repeat(1000) } });
  t.equal(acrh.statusCode, 403);
  await acrh.body.dump();
});

t.test("an application's Vary is kept and Origin appended, however it was set", async (t) => {
  const handlers: [string, NodeHandler, string][] = [
    ['setHeader', (_req, res) => { res.setHeader('Vary', 'Accept'); res.end('x'); }, 'Accept, origin'],
    ['writeHead object', (_req, res) => { res.writeHead(200, { Vary: 'Accept-Encoding' }).end('x'); }, 'Accept-Encoding, origin'],
    ['writeHead with reason', (_req, res) => { res.writeHead(200, 'Fine', { vary: 'Accept' }).end('x'); }, 'Accept, origin'],
    ['writeHead flat array', (_req, res) => { res.writeHead(200, ['Vary', 'Accept', 'Vary', 'Cookie']).end('x'); }, 'Accept, Cookie, origin'],
    ['already Origin', (_req, res) => { res.setHeader('vary', 'Origin'); res.end('x'); }, 'Origin'],
    ['Vary: *', (_req, res) => { res.setHeader('vary', '*'); res.end('x'); }, '*'],
    ['no Vary', (_req, res) => { res.end('x'); }, 'origin'],
  ];
  for (const [name, handler, expected] of handlers) {
    const base = await serve(t, handler);
    const res = await request(`${base}/items`, { headers: { [ORIGIN]: APP } });
    t.equal(res.headers[VARY], expected, name);
    t.equal(res.headers[ACAO], APP, name);
    await res.body.dump();
  }
});

t.test('the middleware works in a connect-style chain and rejects bad policies up front', async (t) => {
  const middleware = corsMiddleware({ origins: [APP] });
  const server = createReferenceServer({ policy: { origins: '*' } });
  t.teardown(() => close(server));
  t.type(middleware, 'function');
  t.throws(() => corsMiddleware({ origins: ['https://a.example/'], maxAge: -1 }), PolicyError);
  t.throws(() => createReferenceServer({ policy: { origins: '*', credentials: true } }), PolicyError);
  const base = await listen(server);
  const res = await request(`${base}/anything`, { method: 'POST', body: 'x' });
  t.same(corsHeaders(res.headers), { [ACAO]: '*' }, 'origins "*": static ACAO even without Origin, no Vary');
  await res.body.dump();
});
