// Hostile and broken targets: every run ends within its deadline with a clear result, exit 3 when
// nothing could be judged, never a stack trace; redirects outside the targets are reported, not followed.
import t from 'tap';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { cli } from '../support/paths.js';
import { headerOf, pathOf, rawServer, start } from '../support/servers.js';

interface Result { code: number | null; stdout: string; stderr: string; ms: number }

function runCli(args: readonly string[], options: { interruptAfterMs?: number } = {}): Promise<Result> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  if (options.interruptAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), options.interruptAfterMs);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started })));
}

const quick = ['--origin', 'https://app.example', '--timeout', '400', '--deadline', '8000', '--runs', '3'];

function noStack(t: { notMatch: (found: string, wanted: RegExp, message: string) => void }, result: Result): void {
  t.notMatch(result.stderr, /\n\s+at /, 'no stack trace');
  t.notMatch(result.stdout, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
}

t.test('a server that never answers: exit 3 within the deadline, the timeout named', async (t) => {
  const server = await start(rawServer(() => {}));
  t.teardown(server.close);
  const result = await runCli([`${server.base}/items`, ...quick, '--format', 'json']);
  t.equal(result.code, 3);
  t.ok(result.ms < 8000, `ended in ${Math.round(result.ms)} ms`);
  const report = JSON.parse(result.stdout);
  t.equal(report.summary.checks, 0);
  noStack(t, result);
});

t.test('connection refused, reset, garbage status line, 1 MB header, slow drip: exit 3 with the reason', async (t) => {
  const refused = await start(rawServer(() => {}));
  const refusedUrl = `${refused.base}/items`;
  await refused.close();
  const reset = await start(rawServer((socket) => socket.resetAndDestroy()));
  const garbage = await start(rawServer((socket) => socket.end('SMTP ready\r\n\r\n')));
  const huge = await start(rawServer((socket) => socket.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(1 << 20)}\r\nContent-Length: 0\r\n\r\n`)));
  const drip = await start(rawServer((socket) => {
    const bytes = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';
    let i = 0;
    const timer = setInterval(() => (i < bytes.length && !socket.destroyed ? socket.write(bytes[i++]!) : clearInterval(timer)), 150);
    socket.on('close', () => clearInterval(timer));
  }));
  t.teardown(async () => { await Promise.all([reset.close(), garbage.close(), huge.close(), drip.close()]); });
  const cases: [string, string, RegExp][] = [
    ['refused', refusedUrl, /connection refused/],
    ['reset', `${reset.base}/items`, /closed or reset the connection/],
    ['garbage', `${garbage.base}/items`, /not valid HTTP\/1\.1/],
    ['huge header', `${huge.base}/items`, /larger than 16 KiB/],
    ['slow drip', `${drip.base}/items`, /no complete response within 400 ms/],
  ];
  for (const [name, url, reason] of cases) {
    const result = await runCli([url, ...quick]);
    t.equal(result.code, 3, `${name}: exit 3`);
    t.match(result.stdout, reason, `${name}: the reason is named`);
    t.ok(result.ms < 8000, `${name}: ended in ${Math.round(result.ms)} ms`);
    noStack(t, result);
  }
});

t.test('a redirect loop ends at the 21st request and is reported with its anchor', async (t) => {
  const server = await start(createServer((req, res) => {
    res.writeHead(302, { location: req.url ?? '/', 'access-control-allow-origin': req.headers.origin ?? '*' }).end();
  }));
  t.teardown(server.close);
  const result = await runCli([`${server.base}/loop`, ...quick, '--suite', 'redirect/', '--suite', 'acao/', '--format', 'json']);
  const report = JSON.parse(result.stdout);
  const loop = report.findings.find((f: { id: string }) => f.id === 'redirect/location');
  t.ok(loop, 'redirect/location reported');
  t.equal(loop?.browser.failedAt, 'concept-http-redirect-fetch:7');
  t.equal(result.code, 1);
  noStack(t, result);
});

t.test('a redirect to another host is not followed and is reported (info)', async (t) => {
  let offTargetRequests = 0;
  const server = await start(rawServer((socket, head) => {
    if (pathOf(head).startsWith('/elsewhere')) offTargetRequests++;
    const origin = headerOf(head, 'origin') ?? '*';
    socket.write(`HTTP/1.1 302 Found\r\nLocation: http://other.invalid/elsewhere\r\nAccess-Control-Allow-Origin: ${origin}\r\nVary: Origin\r\nContent-Length: 0\r\n\r\n`);
  }));
  t.teardown(server.close);
  const result = await runCli([`${server.base}/moved`, ...quick, '--suite', 'redirect/', '--format', 'json']);
  const report = JSON.parse(result.stdout);
  t.ok(report.findings.some((f: { id: string; level: string }) => f.id === 'redirect/leaves-targets' && f.level === 'info'));
  t.equal(offTargetRequests, 0);
  noStack(t, result);
});

t.test('SIGINT writes what was gathered; the JSONL stays valid', async (t) => {
  const server = await start(rawServer(() => {}));
  t.teardown(server.close);
  const result = await runCli([`${server.base}/items`, '--origin', 'https://app.example', '--timeout', '20000', '--format', 'jsonl'], { interruptAfterMs: 1500 });
  const lines = result.stdout.trim().split('\n');
  const events = lines.map((line) => JSON.parse(line) as { type: string });
  t.equal(events[0]?.type, 'start');
  t.equal(events[events.length - 1]?.type, 'summary');
  t.ok(events.some((e) => e.type === 'error'), 'the interruption is an error event');
  t.equal(result.code, 3);
  t.ok(result.ms < 10_000, `stopped in ${Math.round(result.ms)} ms`);
});

t.test('bad URL, bad policy, bad flags: one line, exit 2', async (t) => {
  const cases: [string[], RegExp][] = [
    [['ftp://example.test/'], /unknown command|not an http\(s\) URL/],
    [['http://'], /not an absolute URL/],
    [['http://127.0.0.1:9/x', '--origin', 'https://app.example/'], /--origin .* is not a serialized origin/],
    [['http://127.0.0.1:9/x', '--runs', 'many'], /--runs must be an integer/],
    [['http://127.0.0.1:9/x', '--format', 'xml'], /--format must be one of/],
    [['http://127.0.0.1:9/x', '--policy', '/nonexistent.json'], /cannot read the policy/],
    [['http://127.0.0.1:9/x', '--suite', 'nosuch/'], /no check id starts with "nosuch\/"/],
    [['http://127.0.0.1:9/x', '--header', 'nocolon'], /--header "nocolon" is not "Name: value"/],
    [['http://127.0.0.1:9/x', '--path', '1:2'], /--path replays a failure and needs the --seed/],
    [['http://127.0.0.1:9/x', '--frobnicate'], /Unknown option/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(args);
    t.equal(result.code, 2, args.join(' '));
    t.match(result.stderr, message, args.join(' '));
    t.equal(result.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
  }
});
