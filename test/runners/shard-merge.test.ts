// Scaling out: --targets files, --shard i/n splitting (target, check) pairs exactly, and merge.
import t from 'tap';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReferenceServer } from '../../reference/server/index.js';
import { createBrokenServer } from '../../runners/demo/broken-server.js';
import { DEFAULT_POLICY } from '../../runners/cli/serve.js';
import { shardPlan } from '../../runners/run/run.js';
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

t.test('shards partition the (target, check) pairs exactly', async (t) => {
  const targets = ['http://a.test/x', 'http://b.test/y', 'http://c.test/z'];
  const ids = ['acao/missing', 'cache/vary-origin', 'security/null-origin', 'robustness/head', 'expose/missing'];
  const pairs = (plan: Map<string, Set<string>>) => [...plan].flatMap(([target, set]) => [...set].map((id) => `${target} ${id}`));
  const all = pairs(shardPlan(targets, ids));
  t.equal(all.length, 15);
  const shards = [0, 1, 2, 3].map((index) => pairs(shardPlan(targets, ids, { index, count: 4 })));
  t.same(shards.flat().sort(), [...all].sort(), 'every pair in exactly one shard');
  t.same(shards.map((shard) => shard.length), [4, 4, 4, 3]);
  t.same(pairs(shardPlan(targets, ids, { index: 1, count: 4 })), shards[1], 'deterministic');
});

t.test('--targets FILE with per-target policies, two shards, merged: the same findings as one run', async (t) => {
  const good = await start(createReferenceServer({ policy: DEFAULT_POLICY }));
  const bad = await start(createBrokenServer());
  t.teardown(async () => { await good.close(); await bad.close(); });
  const dir = mkdtempSync(join(tmpdir(), 'cc-shard-'));
  const targetsFile = join(dir, 'targets.json');
  writeFileSync(targetsFile, JSON.stringify([{ url: `${good.base}/items`, policy: DEFAULT_POLICY }, { url: `${bad.base}/items`, policy: DEFAULT_POLICY }]));
  const common = ['--targets', targetsFile, '--seed', '5', '--runs', '5', '--level', 'info'];
  const whole = await runCli([...common, '--format', 'json']);
  t.equal(whole.code, 1, whole.stderr);
  const full = JSON.parse(whole.stdout);
  const files = [];
  for (const shard of ['1/2', '2/2']) {
    const file = join(dir, `shard-${shard.replace('/', '-')}.jsonl`);
    await runCli([...common, '--shard', shard, '--format', 'jsonl', '--output', file]);
    files.push(file);
  }
  const merged = await runCli(['merge', ...files, '--format', 'json', '--level', 'info']);
  t.equal(merged.code, 1, merged.stderr);
  const report = JSON.parse(merged.stdout);
  const ids = (r: { findings: { id: string }[] }) => [...new Set(r.findings.map((f) => f.id))].sort();
  t.same(ids(report), ids(full));
  t.ok(ids(full).length >= 8, `${ids(full).length} distinct findings`);
  t.equal(report.summary.checks, full.summary.checks, 'every check ran once across the shards');
  const text = await runCli(['merge', ...files, '--format', 'tap']);
  t.match(text.stdout, /^TAP version 14/);
  t.equal((await runCli(['merge', join(dir, 'missing.jsonl')])).code, 2);
  t.equal((await runCli(['--targets', join(dir, 'nope.txt')])).code, 2);
  t.equal((await runCli([`${good.base}/items`, '--shard', '3/2'])).code, 2);
});
