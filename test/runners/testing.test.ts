// The test-runner helpers against a correct handler (the reference middleware) and a broken one (an
// Origin reflected with credentials): tap subtests, one node:test AssertionError, and both as a user
// runs them, in a child process importing 'cors-conformance' (the package's exports).
import t from 'tap';
import { AssertionError } from 'node:assert';
import { spawn } from 'node:child_process';
import { createServer, type RequestListener } from 'node:http';
import { join } from 'node:path';
import { corsMiddleware, type PolicyConfig } from '../../reference/server/index.js';
import { assertCorsConformance, corsConformance, formatCheckFailure, formatFailures, type TapLike } from '../../runners/testing/index.js';
import type { CheckResult, Finding } from '../../runners/report-types.js';
import { root } from '../support/paths.js';
import { start } from '../support/servers.js';

const policy: PolicyConfig = { origins: ['https://app.example'], methods: ['GET', 'PUT'], allowHeaders: ['content-type'], credentials: true };
const RUN = { policy, target: '/items', runs: 5, seed: 1 } as const;

const handler: RequestListener = (req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(req.method === 'HEAD' ? undefined : '{"ok":true}');
};
const cors = corsMiddleware(policy);
const correct: RequestListener = (req, res) => cors(req, res, () => handler(req, res));
const broken: RequestListener = (req, res) => {
  if (req.headers.origin !== undefined) {
    res.setHeader('access-control-allow-origin', req.headers.origin);
    res.setHeader('access-control-allow-credentials', 'true');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'access-control-allow-methods': 'GET, PUT', 'access-control-allow-headers': 'content-type' }).end();
    return;
  }
  handler(req, res);
};
const BROKEN_IDS = ['security/origin-reflection', 'security/null-origin', 'security/preflight-admits-untrusted'];

/** A TapLike that records what the helper did. */
interface Recorded { name: string; skip?: string | boolean; points: { ok: boolean; message: string; extra?: Readonly<Record<string, unknown>> }[] }
function recorder(): TapLike & { subtests: Recorded[] } {
  const subtests: Recorded[] = [];
  const at = (): Recorded => subtests[subtests.length - 1]!;
  return {
    subtests,
    async test(name, extra, fn) {
      subtests.push({ name, ...(extra.skip !== undefined && { skip: extra.skip }), points: [] });
      if (extra.skip === undefined) await fn(this);
    },
    pass(message) { at().points.push({ ok: true, message }); },
    fail(message, extra) { at().points.push({ ok: false, message, extra }); },
  };
}

t.test('corsConformance on tap: the reference middleware passes every check, as subtests of a real tap test', async (t) => {
  const report = await corsConformance(t, correct, RUN);
  t.same(report.findings, []);
  t.equal(report.checks.length, report.summary.checks);
});

t.test('corsConformance: one subtest per check; a failure carries the requirement and the finding', async (t) => {
  const tap = recorder();
  const report = await corsConformance(tap, broken, RUN);
  t.same(tap.subtests.map((s) => s.name), report.checks.map((c) => c.id), 'one subtest per check, named by id');
  const failed = tap.subtests.filter((s) => s.points.some((p) => !p.ok));
  t.same(failed.map((s) => s.name), BROKEN_IDS);
  const reflection = failed[0]!.points[0]!;
  t.equal(reflection.message, 'An arbitrary origin is allowed (the Origin header is reflected)');
  t.match(reflection.extra, {
    id: 'security/origin-reflection', level: 'must', category: 'security', expected: /is refused$/, actual: /lets a page at https:\/\/attacker/,
    anchor: 'concept-cors-check:4', url: 'https://fetch.spec.whatwg.org/#concept-cors-check', browser: 'ok', curl: /^curl -i -H 'origin: https:\/\/attacker/,
    fix: /allow-list/, exchanges: 1, at: null,
  });
  const skipped = tap.subtests.filter((s) => s.skip !== undefined);
  t.same(skipped.map((s) => [s.name, s.skip]), report.checks.filter((c) => c.status === 'skipped').map((c) => [c.id, c.skipReason ?? true]));
  t.ok(tap.subtests.filter((s) => s.skip === undefined).every((s) => s.points.length === 1), 'one assertion per check');
});

t.test('corsConformance: should-level findings pass below the level, and fail at it', async (t) => {
  const tap = recorder();
  await corsConformance(tap, broken, { ...RUN, suites: ['cache/'] });
  t.same(tap.subtests.map((s) => [s.name, s.points.map((p) => p.ok)]), [['cache/vary-origin', [true]]]);
  t.match(tap.subtests[0]!.points[0]!.message, /\(\d+ should-level findings?, below must\)$/);
  const strict = recorder();
  await corsConformance(strict, broken, { ...RUN, suites: ['cache/'], level: 'should' });
  t.same(strict.subtests.map((s) => [s.name, s.points.map((p) => p.ok)]), [['cache/vary-origin', [false]]]);
});

t.test('corsConformance: an unreachable target and a run that judges nothing fail', async (t) => {
  const closed = await start(createServer(correct));
  await closed.close();
  const tap = recorder();
  const report = await corsConformance(tap, `${closed.base}/items`, RUN);
  t.equal(report.errors.length, 1);
  t.same(tap.subtests.map((s) => [s.name, s.points.map((p) => p.ok)]), [[`target error [${closed.base}/items]`, [false]]]);
  const none = recorder();
  await corsConformance(none, correct, { ...RUN, suites: ['redirect/leaves-targets'] });
  t.same(none.subtests.map((s) => s.name), ['redirect/leaves-targets', 'cors-conformance']);
  t.same(none.subtests[1]!.points.map((p) => [p.ok, p.message]), [[false, 'no check could be judged: every selected check was skipped']]);
});

t.test('assertCorsConformance: resolves for the reference middleware, throws one AssertionError listing every failure', async (t) => {
  const report = await assertCorsConformance(correct, RUN);
  t.same(report.findings, []);
  const error = await assertCorsConformance(broken, RUN).then(() => null, (e: unknown) => e);
  t.ok(error instanceof AssertionError);
  const assertion = error as AssertionError;
  t.same(assertion.actual, BROKEN_IDS);
  t.same(assertion.expected, []);
  t.equal(assertion.operator, 'assertCorsConformance');
  const lines = assertion.message.split('\n');
  t.match(lines[0], /^cors-conformance: 3 failed checks \(http:\/\/127\.0\.0\.1:\d+\/items; profile spec, seed 1\)$/);
  for (const id of BROKEN_IDS) t.match(assertion.message, `\n✗ ${id} [must · security] `);
  for (const label of ['target', 'expected', 'actual', 'anchor', 'browser', 'reproduce', 'fix']) {
    t.equal(lines.filter((line) => line.startsWith(`  ${label}:`)).length, 3, `a ${label} line per failure`);
  }
  t.match(assertion.message, /  anchor:    concept-cors-check:4 https:\/\/fetch\.spec\.whatwg\.org\/#concept-cors-check\n/);
  t.match(assertion.message, /  browser:   the response reaches script\n/);
  t.match(assertion.message, /  seen in:   2 exchanges \(the first is shown\)/);
});

t.test('assertCorsConformance: a server at a URL, target errors, and nothing judged', async (t) => {
  const live = await start(createServer(broken));
  t.teardown(live.close);
  await t.rejects(assertCorsConformance(new URL(`${live.base}/items`), RUN), { name: 'AssertionError', message: /security\/origin-reflection/ });
  const closed = await start(createServer(correct));
  await closed.close();
  await t.rejects(assertCorsConformance(`${closed.base}/items`, RUN), { message: /^cors-conformance: 1 target error \(.*\n\n✗ target error \[/ });
  await t.rejects(assertCorsConformance(correct, { ...RUN, suites: ['redirect/leaves-targets'] }), { message: /no check could be judged/ });
  await t.rejects(assertCorsConformance('not a url', RUN), { name: 'UsageError' });
  t.equal(formatFailures({ ...(await assertCorsConformance(correct, RUN)) }), '');
});

t.test('corsConformance: several target paths name each subtest after its target too', async (t) => {
  const tap = recorder();
  const report = await corsConformance(tap, broken, { ...RUN, target: ['/items', '/other'], suites: ['security/origin-reflection'] });
  t.same(tap.subtests.map((s) => s.name), report.targets.map((target) => `security/origin-reflection [${target}]`));
});

t.test('formatCheckFailure: a network error with its step, a replay line, and a failed check without findings', async (t) => {
  const finding: Finding = {
    id: 'preflight/header-not-allowed', level: 'must', category: 'conformance', severity: 'high', anchor: 'cors-preflight-fetch-0:7.7',
    url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch-0', title: 'An intended request header is missing from Access-Control-Allow-Headers',
    expected: 'x-api-key is allowed', actual: 'the preflight lists content-type only', exchange: { preflight: null, request: null, response: null },
    browser: { outcome: 'network-error', failedAt: 'cors-preflight-fetch-0:7.7' }, reproduce: { curl: 'curl -i -X OPTIONS http://h/items', seed: 7, path: '3:1' },
    fix: 'List it.', target: 'http://h/items',
  };
  const check: CheckResult = {
    id: finding.id, title: finding.title, level: 'must', category: 'conformance', anchor: finding.anchor, target: finding.target,
    status: 'failed', findings: [finding], durationMs: 1,
  };
  t.equal(formatCheckFailure(check), [
    '✗ preflight/header-not-allowed [must] An intended request header is missing from Access-Control-Allow-Headers',
    '  target:    http://h/items',
    '  expected:  x-api-key is allowed',
    '  actual:    the preflight lists content-type only',
    '  anchor:    cors-preflight-fetch-0:7.7 https://fetch.spec.whatwg.org/#cors-preflight-fetch-0',
    '  browser:   network error at cors-preflight-fetch-0:7.7',
    '  reproduce: curl -i -X OPTIONS http://h/items',
    '  replay:    --seed 7 --path 3:1',
    '  fix:       List it.',
  ].join('\n'));
  t.equal(formatCheckFailure({ ...check, findings: [] }), '✗ preflight/header-not-allowed [must] An intended request header is missing from Access-Control-Allow-Headers\n  target:    http://h/items');
  t.match(formatCheckFailure({ ...check, findings: [{ ...finding, browser: { outcome: 'network-error', failedAt: null } }] }), /\n  browser:   network error\n/);
});

/** Runs one fixture file with node, as a user's test file. */
function runFixture(file: string, which: 'correct' | 'broken'): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [join(root, 'test', 'runners', 'fixtures', file), which], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stdout += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout })));
}

t.test('a user\'s tap file: exit 0 for the reference middleware, exit 1 with the failing checks for the broken handler', async (t) => {
  const [ok, bad] = await Promise.all([runFixture('tap-helper.mjs', 'correct'), runFixture('tap-helper.mjs', 'broken')]);
  t.equal(ok.code, 0, ok.code === 0 ? 'exit 0' : ok.stdout);
  t.notMatch(ok.stdout, /not ok/);
  t.equal(bad.code, 1);
  const failing = [...bad.stdout.matchAll(/^ {4}not ok \d+ - (\S+)/gm)].map((m) => m[1]);
  t.same(failing, BROKEN_IDS);
  t.match(bad.stdout, /\n {10}expected: https:\/\/attacker\.cors-conformance\.test is refused\n/);
  t.match(bad.stdout, /\n {10}curl: "curl -i /);
});

t.test('a user\'s node:test file: exit 0 for the reference middleware, exit 1 with one AssertionError for the broken handler', async (t) => {
  const [ok, bad] = await Promise.all([runFixture('node-test-helper.mjs', 'correct'), runFixture('node-test-helper.mjs', 'broken')]);
  t.equal(ok.code, 0, ok.code === 0 ? 'exit 0' : ok.stdout);
  t.equal(bad.code, 1);
  t.match(bad.stdout, /AssertionError/);
  t.equal(bad.stdout.match(/ERR_ASSERTION/g)?.length, 1, 'one assertion error');
  for (const id of BROKEN_IDS) t.match(bad.stdout, `✗ ${id} [must · security]`);
  t.match(bad.stdout, /reproduce: curl -i /);
});
