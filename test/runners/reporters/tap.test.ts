// --format tap: TAP version 14 test points, YAML diagnostics that read back exactly, plan and summary.
import t from 'tap';
// tap-parser is the TAP 14 parser tap itself uses (it ships with tap, our test runner): it checks the
// output is valid TAP and that the YAML blocks read back as the values we wrote.
import { Parser } from 'tap-parser';
import { renderTap, tapDescription, yamlScalar } from '../../../runners/reporters/tap.js';
import { emptyReport, HOSTILE, oddReport, report } from './fixture.js';

const summary = '# 6 checks: 1 passed, 4 failed, 1 skipped · 17 requests in 1234 ms · findings: must 3, should 1, info 1 (security 2)';

t.test('test points, plan and summary comment', async (t) => {
  const lines = renderTap(report).split('\n');
  t.same(lines.slice(0, 4), [
    'TAP version 14',
    '1..7',
    '# cors-conformance 0.1.0 · Fetch 586cd2a · profile spec · seed 42',
    'ok 1 - acao/exact-match [http://127.0.0.1:8080/items]',
  ]);
  const points = lines.filter((l) => /^(not )?ok /.test(l));
  t.same(points, [
    'ok 1 - acao/exact-match [http://127.0.0.1:8080/items]',
    'not ok 2 - preflight/actual-lacks-acao [http://127.0.0.1:8080/items]',
    'not ok 3 - security/origin-reflection [http://127.0.0.1:8080/items]',
    'not ok 4 - security/null-origin [http://127.0.0.1:8080/items] # TODO should level: does not fail this run',
    'not ok 5 - cache/vary-origin [http://127.0.0.1:8080/items] # TODO info level: does not fail this run',
    'ok 6 - preflight/max-age [http://127.0.0.1:8080/items] # SKIP no policy \\# max-age intent unknown',
    'not ok 7 - target error [http://127.0.0.1:9/down]',
  ]);
  t.same(lines.slice(-2), [summary, '']);
});

t.test('a failure carries a YAML block with level, anchor, url, expected, actual and curl', async (t) => {
  const text = renderTap(report);
  const start = text.indexOf('not ok 3 - ');
  t.equal(text.slice(start, text.indexOf('not ok 4 - ')), [
    'not ok 3 - security/origin-reflection [http://127.0.0.1:8080/items]',
    '  ---',
    '  level: must',
    '  category: security',
    '  severity: critical',
    '  anchor: "security:origin-reflection"',
    '  url: "https://portswigger.net/web-security/cors"',
    '  title: "Any origin is reflected in Access-Control-Allow-Origin with credentials"',
    '  exchanges: 1',
    '  expected: "no access-control-allow-origin for https://evil.example"',
    '  actual: "access-control-allow-origin: https://evil.example<&\\"\'>\\x01"',
    '  browser: ok',
    '  curl: "curl -i -H \'origin: https://evil.example\' \'http://127.0.0.1:8080/items\'"',
    '  fix: "Allow only the origins in your policy; never echo the Origin header."',
    '  ...',
    '',
  ].join('\n'));
  t.match(text, /  exchanges: 2\n/);
  t.match(text, /  seed: 42\n  path: "3:1"\n/);
});

t.test('--level should and info make the lower-level failures count', async (t) => {
  t.notMatch(renderTap(report, { failLevel: 'info' }), /# TODO/);
  const should = renderTap(report, { failLevel: 'should' });
  t.match(should, /^not ok 4 - security\/null-origin \[http:\/\/127\.0\.0\.1:8080\/items\]$/m);
  t.match(should, /^not ok 5 - cache\/vary-origin .* # TODO info level/m);
});

function parse(text: string) {
  const asserts: { ok: boolean; id: number; name: string; todo: string | boolean; skip: string | boolean; diag: Record<string, unknown> | null }[] = [];
  const parser = new Parser({ strict: true });
  const bad: unknown[] = [];
  parser.on('assert', (a) => asserts.push(a));
  parser.on('extra', (e) => bad.push(e));
  let final: { ok: boolean; count: number; pass: number; fail: number; todo: number; skip: number; plan: { start: number; end: number }; failures: { id: number }[] } | undefined;
  parser.on('complete', (r) => { final = r; });
  parser.end(text);
  return { asserts, final: final!, bad };
}

t.test('tap-parser reads the output back: counts, names, directives and exact YAML values', async (t) => {
  const { asserts, final, bad } = parse(renderTap(report));
  t.same(bad, []);
  // tap-parser counts a skip as a pass and a todo as a fail that does not make the run fail.
  t.match(final, { ok: false, count: 7, pass: 2, fail: 5, todo: 2, skip: 1, plan: { start: 1, end: 7 } });
  t.same(final.failures.map((f) => f.id), [2, 3, 7]);
  t.equal(asserts[5]!.name, 'preflight/max-age [http://127.0.0.1:8080/items]');
  t.equal(asserts[5]!.skip, 'no policy # max-age intent unknown');
  t.equal(asserts[2]!.diag!.actual, `access-control-allow-origin: ${HOSTILE}`);
  t.equal(asserts[6]!.diag!.message, 'connect ECONNREFUSED 127.0.0.1:9');
});

t.test('hostile strings survive the YAML round trip and never break a line', async (t) => {
  const odd = oddReport();
  const text = renderTap(odd);
  const { asserts, bad } = parse(text);
  t.same(bad, []);
  t.equal(asserts[0]!.diag!.title, odd.findings[0]!.title);
  t.equal(asserts[0]!.diag!.actual, 'x'.repeat(300), 'TAP keeps values exact');
  t.notMatch(text, /\u001b|\u202e/);
});

t.test('yamlScalar', async (t) => {
  t.equal(yamlScalar('must'), 'must');
  t.equal(yamlScalar('network-error'), 'network-error');
  for (const keyword of ['null', 'true', 'no', 'Yes', 'off', 'y']) t.equal(yamlScalar(keyword), `"${keyword}"`);
  t.equal(yamlScalar(''), '""');
  t.equal(yamlScalar('42'), '"42"');
  t.equal(yamlScalar('a: b # c'), '"a: b # c"');
  t.equal(yamlScalar('q"\\\n\t\r\0\u0001\u001b\u007f\u0085\u009f\u2028\u2029\ufeff'),
    '"q\\"\\\\\\n\\t\\r\\0\\x01\\e\\x7f\\N\\x9f\\L\\P\\ufeff"');
  t.equal(yamlScalar('\ud800x\udc00'), '"\ufffdx\ufffd"', 'lone surrogates');
  t.equal(yamlScalar('😀 é'), '"😀 é"', 'printable non-ASCII is kept');
  t.equal(yamlScalar('a\u202eb'), '"a\\u202eb"', 'bidirectional overrides are escaped');
});

t.test('tapDescription escapes # and backslashes, and keeps one line', async (t) => {
  t.equal(tapDescription('a#b\\c'), 'a\\#b\\\\c');
  t.equal(tapDescription('x\ny'), 'x\\\\x0ay');
});

t.test('the empty report is a valid empty TAP stream', async (t) => {
  t.equal(renderTap(emptyReport), [
    'TAP version 14',
    '1..0',
    '# cors-conformance 0.1.0 · Fetch 586cd2a · profile spec · seed 0',
    '# 0 checks: 0 passed, 0 failed, 0 skipped · 0 requests in 0 ms · findings: must 0, should 0, info 0 (security 0)',
    '',
  ].join('\n'));
  const { final, bad } = parse(renderTap(emptyReport));
  t.same(bad, []);
  t.equal(final.ok, true);
  t.same(parse(renderTap(report, { failLevel: 'must' })).final.failures.length, 3);
});
