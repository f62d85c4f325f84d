// The suite against live loopback servers through the CLI: inference mode, formats, redaction,
// check selection, and replaying a shrunk property failure from its seed and path.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { createReferenceServer, corsMiddleware } from '../../reference/server/index.js';
import { createBrokenServer } from '../../runners/demo/broken-server.js';
import { DEFAULT_POLICY, defaultPolicy } from '../../runners/cli/serve.js';
import { reportJsonSchema } from '../../runners/reporters/index.js';
import { checks } from '../../suites/checks/registry.js';
import { checkSchema } from './reporters/schema-check.js';
import { cli } from '../support/paths.js';
import { start } from '../support/servers.js';

function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const dir = mkdtempSync(join(tmpdir(), 'cc-run-'));

t.test('inference mode against the reference server: nothing to report, exit 0, JSON per DESIGN §6', async (t) => {
  // --origin names exact origins, so the reference server trusts exactly those here.
  const server = await start(createReferenceServer({ policy: { ...DEFAULT_POLICY, origins: ['https://app.example'] } }));
  t.teardown(server.close);
  const { code, stdout, stderr } = await runCli([`${server.base}/items`, '--origin', 'https://app.example', '--seed', '7', '--runs', '10', '--level', 'info', '--format', 'json']);
  t.equal(code, 0, stderr);
  const report = JSON.parse(stdout);
  t.same(checkSchema(reportJsonSchema as never, report), []);
  t.same(report.findings, []);
  t.equal(report.seed, 7);
  t.ok(report.summary.passed > 20, `${report.summary.passed} checks passed`);
  t.ok(report.summary.requests > 50, `${report.summary.requests} requests`);
});

t.test('policy mode: a policy file is read and validated', async (t) => {
  const server = await start(createReferenceServer({ policy: defaultPolicy() }));
  t.teardown(server.close);
  const good = join(dir, 'policy.json');
  writeFileSync(good, JSON.stringify(DEFAULT_POLICY));
  const ok = await runCli([`${server.base}/items`, '--policy', good, '--runs', '5', '--format', 'json']);
  t.equal(ok.code, 0, ok.stderr);
  t.same(JSON.parse(ok.stdout).policy, DEFAULT_POLICY);
  const bad = join(dir, 'bad-policy.json');
  writeFileSync(bad, JSON.stringify({ origins: ['https://app.example/', '*'], allowHeaders: '*', credentials: true, maxAge: -1, nonsense: 1 }));
  const refused = await runCli([`${server.base}/items`, '--policy', bad]);
  t.equal(refused.code, 2);
  t.equal(refused.stderr.trim().split('\n').length, 1);
  t.match(refused.stderr, /problems: /);
  t.match(refused.stderr, /nonsense/);
  t.match(refused.stderr, /origins\[0\]/);
  t.match(refused.stderr, /maxAge/);
});

t.test('secrets from --header and --cookie never appear in any output', async (t) => {
  const server = await start(createBrokenServer());
  t.teardown(server.close);
  for (const format of ['json', 'text', 'jsonl', 'tap', 'junit', 'sarif', 'markdown']) {
    const { code, stdout } = await runCli([`${server.base}/items`, '--origin', 'https://app.example', '--runs', '3',
      '--header', 'Authorization: Bearer s3cr3t-token', '--cookie', 'sid=t0ps3cret', '--format', format]);
    t.equal(code, 1, format);
    t.notMatch(stdout, /s3cr3t-token|t0ps3cret/, `${format}: no secret`);
  }
  const { stdout } = await runCli([`${server.base}/items`, '--origin', 'https://app.example', '--runs', '3', '--cookie', 'sid=t0ps3cret', '--format', 'json']);
  t.match(stdout, /\[redacted\]/, 'the credentialed exchange shows where the secret went');
});

t.test('--list, --suite and --output', async (t) => {
  const list = await runCli(['--list']);
  t.equal(list.code, 0);
  t.equal(list.stdout.trim().split('\n').length, checks.length);
  t.match(list.stdout, /^security\/origin-reflection\s+must\s+security\s+concept-cors-check:4/m);
  const json = JSON.parse((await runCli(['--list', '--format', 'json', '--suite', 'cache/'])).stdout);
  t.same(json.map((c: { id: string }) => c.id), ['cache/vary-origin']);
  const server = await start(createBrokenServer());
  t.teardown(server.close);
  const output = join(dir, 'report.json');
  const run = await runCli([`${server.base}/items`, '--origin', 'https://app.example', '--suite', 'cache/', '--output', output, '--format', 'json']);
  t.equal(run.stdout, '');
  const report = JSON.parse(readFileSync(output, 'utf8'));
  t.same([...new Set(report.findings.map((f: { id: string }) => f.id))], ['cache/vary-origin']);
  t.equal(report.summary.checks, 1);
});

t.test('a property failure shrinks, reports its seed and path, and --seed/--path replays it', async (t) => {
  // Correct but for one combination no fixed probe tries: DELETE with x-api-key loses its preflight ACAO.
  const policy = { origins: ['https://app.example'], methods: ['PUT', 'DELETE'], allowHeaders: ['x-api-key', 'content-type'] };
  const cors = corsMiddleware(policy);
  const server = await start(createServer((req, res) => {
    const broken = req.method === 'OPTIONS' && req.headers['access-control-request-method'] === 'DELETE' &&
      String(req.headers['access-control-request-headers'] ?? '').includes('x-api-key');
    if (broken) {
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
      res.writeHead = ((...args: unknown[]) => {
        res.removeHeader('access-control-allow-origin');
        return writeHead(...args);
      }) as typeof res.writeHead;
    }
    cors(req, res, () => res.writeHead(200).end('ok'));
  }));
  t.teardown(server.close);
  const policyFile = join(dir, 'property-policy.json');
  writeFileSync(policyFile, JSON.stringify(policy));
  const args = [`${server.base}/items`, '--policy', policyFile, '--suite', 'preflight/', '--runs', '200', '--format', 'json'];
  const first = JSON.parse((await runCli([...args, '--seed', '123'])).stdout);
  const found = first.findings.find((f: { reproduce: { path?: string } }) => f.reproduce.path !== undefined);
  t.ok(found, 'the property found the failure');
  t.equal(found?.id, 'preflight/acao-missing');
  t.equal(found?.exchange.preflight.request.headers['access-control-request-headers'], 'x-api-key', 'shrunk to the one header');
  t.equal(found?.exchange.preflight.request.headers['access-control-request-method'], 'DELETE');
  const replay = JSON.parse((await runCli([...args, '--seed', String(found.reproduce.seed), '--path', found.reproduce.path])).stdout);
  const again = replay.findings.find((f: { reproduce: { path?: string } }) => f.reproduce.path !== undefined);
  t.equal(again?.id, found?.id);
  t.same(again?.exchange.preflight.request, found?.exchange.preflight.request);
});
