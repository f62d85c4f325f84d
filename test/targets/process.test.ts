// Starting and stopping target servers, with Node itself standing in for nginx, Python or Java: the port
// reported on stdout or fixed, the wait until it answers, failures with the server's own words, cleanup.
import t from 'tap';
import { existsSync } from 'node:fs';
import { freePorts, makeTempDir, startServer } from '../../targets/debian/process.js';

const serverScript = (port: string) => `
  const http = require('node:http');
  const server = http.createServer((req, res) => res.end(req.url));
  server.listen(${port}, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;

async function answers(url: string): Promise<boolean> {
  try {
    await (await fetch(url, { signal: AbortSignal.timeout(1000) })).text();
    return true;
  } catch {
    return false;
  }
}

t.test('a server that reports its port on stdout: started, answered, stopped, its directory removed', async (t) => {
  const dir = await makeTempDir('test');
  const server = await startServer({ name: 'node', command: process.execPath, args: ['-e', serverScript('0')], cwd: dir, tempDir: dir, port: 'stdout' });
  t.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/items$/);
  t.equal(await (await fetch(server.url)).text(), '/items');
  await server.stop();
  t.notOk(await answers(server.url), 'stopped');
  t.notOk(existsSync(dir), 'temp dir removed');
  await server.stop();
  t.pass('stopping twice is harmless');
});

t.test('a server on a fixed port is waited for until it answers', async (t) => {
  const [port] = await freePorts(1);
  const dir = await makeTempDir('test');
  // It binds only after a while, like a server that loads its configuration first.
  const script = `setTimeout(() => { ${serverScript(String(port))} }, 300)`;
  const server = await startServer({ name: 'node', command: process.execPath, args: ['-e', script], cwd: dir, tempDir: dir, port: port! });
  t.equal(server.url, `http://127.0.0.1:${port}/items`);
  t.ok(await answers(server.url));
  await server.stop();
});

t.test('free ports are distinct', async (t) => {
  const ports = await freePorts(5);
  t.equal(new Set(ports).size, 5);
});

t.test('a server that exits before listening fails the start with its stderr, and leaves nothing behind', async (t) => {
  const dir = await makeTempDir('test');
  await t.rejects(startServer({
    name: 'broken', command: process.execPath, args: ['-e', 'console.error("bad config on line 3"); process.exit(1)'], cwd: dir, tempDir: dir, port: 'stdout',
  }), /broken exited \(1\) before listening:\nbad config on line 3/);
  t.notOk(existsSync(dir));
  const fixed = await makeTempDir('test');
  const [port] = await freePorts(1);
  await t.rejects(startServer({
    name: 'broken', command: process.execPath, args: ['-e', 'console.error("no"); process.exit(2)'], cwd: fixed, tempDir: fixed, port: port!,
  }), /broken exited \(2\) before answering:\nno/);
});

t.test('a missing binary, and a server that never reports its port, fail clearly', async (t) => {
  const dir = await makeTempDir('test');
  await t.rejects(startServer({ name: 'ghost', command: '/nonexistent/ghost', args: [], cwd: dir, tempDir: dir, port: 'stdout' }), /ghost could not be started/);
  const silent = await makeTempDir('test');
  await t.rejects(startServer({
    name: 'silent', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], cwd: silent, tempDir: silent, port: 'stdout', timeoutMs: 300,
  }), /silent did not report its port in time/);
  t.notOk(existsSync(silent), 'the silent server was stopped and its directory removed');
});

t.test('a server that never answers on its fixed port times out', async (t) => {
  const dir = await makeTempDir('test');
  const [port] = await freePorts(1);
  await t.rejects(startServer({
    name: 'mute', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], cwd: dir, tempDir: dir, port: port!, timeoutMs: 300,
  }), /mute did not answer http:\/\/127\.0\.0\.1:\d+\/items within the start timeout/);
});
