// A policy's `paths`: a target outside them is meant to share nothing, so only refusal is judged.
import t from 'tap';
import { compilePolicy, createReferenceServer } from '../../reference/server/index.js';
import { createBrokenServer } from '../../runners/demo/broken-server.js';
import { runSuite, type RunOptions } from '../../runners/run/run.js';
import { start } from '../support/servers.js';

const config = { origins: ['https://app.example'], methods: ['PUT'], credentials: true, paths: ['/items'] };
const compiled = compilePolicy(config);
if (!compiled.ok) throw new Error('bad test policy');

const options = (target: string): RunOptions => ({
  targets: [target], policy: compiled.policy, origins: [], suites: [], level: 'info', runs: 5, seed: 1, concurrency: 8, rate: 0,
  timeoutMs: 2000, deadlineMs: 20_000, profile: 'spec', credentialHeaders: {}, insecure: false,
});

t.test('the reference server outside its paths: no findings, conformance not judged', async (t) => {
  const server = await start(createReferenceServer({ policy: config }));
  t.teardown(server.close);
  const report = await runSuite(options(`${server.base}/other`));
  t.same(report.findings, []);
  t.ok(report.checks.filter((c) => c.id.startsWith('acao/')).every((c) => c.status === 'skipped'));
  t.ok(report.checks.some((c) => c.id === 'security/origin-reflection' && c.status === 'passed'));
});

t.test('a server that shares everywhere: outside the paths even the trusted origin is a finding', async (t) => {
  const server = await start(createBrokenServer());
  t.teardown(server.close);
  const report = await runSuite(options(`${server.base}/other`));
  const ids = new Set(report.findings.map((f) => f.id));
  t.ok(ids.has('security/origin-reflection'));
  t.notOk([...ids].some((id) => id.startsWith('preflight/') || id.startsWith('acao/')), 'no conformance findings out of scope');
});
