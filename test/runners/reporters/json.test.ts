// --format json: exactly DESIGN §6, checked against reportJsonSchema with a minimal checker.
import t from 'tap';
import { renderJson, reportJsonSchema } from '../../../runners/reporters/json.js';
import { emptyReport, HOSTILE, oddReport, reflection, report } from './fixture.js';
import { checkSchema } from './schema-check.js';

const findingKeys = ['id', 'level', 'category', 'severity', 'anchor', 'url', 'title', 'expected', 'actual', 'exchange', 'browser', 'reproduce', 'fix'];

t.test('top-level and finding keys are the DESIGN §6 keys, in order; target is not emitted', async (t) => {
  const out = JSON.parse(renderJson(report));
  t.same(Object.keys(out), ['tool', 'fetchRevision', 'profile', 'seed', 'targets', 'policy', 'summary', 'findings']);
  t.same(Object.keys(out.summary), ['checks', 'passed', 'failed', 'skipped', 'requests', 'durationMs', 'findings']);
  t.same(Object.keys(out.summary.findings), ['must', 'should', 'info', 'security']);
  t.equal(out.findings.length, 5);
  for (const finding of out.findings) t.same(Object.keys(finding), findingKeys);
  t.same(Object.keys(out.findings[1].exchange), ['preflight', 'request', 'response']);
  t.same(Object.keys(out.findings[1].reproduce), ['curl', 'seed', 'path']);
  t.same(Object.keys(out.findings[0].reproduce), ['curl'], 'absent seed and path are left out');
});

t.test('values are exact: hostile header values, wire order, findings in report order', async (t) => {
  const out = JSON.parse(renderJson(report));
  t.same(out.findings.map((f: { id: string }) => f.id),
    ['cache/vary-origin', 'preflight/actual-lacks-acao', 'security/null-origin', 'security/origin-reflection', 'preflight/actual-lacks-acao']);
  const { target: _target, ...expected } = reflection;
  t.same(out.findings[3], expected);
  t.same(out.findings[3].exchange.response.headers[0], ['access-control-allow-origin', HOSTILE]);
  const long = JSON.parse(renderJson(oddReport()));
  t.equal(long.findings[0].actual, 'x'.repeat(300), 'long values are not cut');
  t.same(long.policy, { origins: ['https://app.example'] });
});

t.test('pretty-printed with two spaces and a final newline', async (t) => {
  const text = renderJson(emptyReport);
  t.equal(text, JSON.stringify(JSON.parse(text), null, 2) + '\n');
  t.match(text, /^\{\n  "tool": \{\n    "name": "cors-conformance",/);
  t.ok(text.endsWith('  "findings": []\n}\n'));
});

t.test('the output conforms to reportJsonSchema', async (t) => {
  t.same(checkSchema(reportJsonSchema, JSON.parse(renderJson(report))), []);
  t.same(checkSchema(reportJsonSchema, JSON.parse(renderJson(emptyReport))), []);
  t.same(checkSchema(reportJsonSchema, JSON.parse(renderJson(oddReport()))), []);
});

t.test('the schema is closed: extra keys, the internal target and wrong types are rejected', async (t) => {
  const out = JSON.parse(renderJson(report));
  t.same(checkSchema(reportJsonSchema, { ...out, checks: [] }), ['$.checks: not allowed']);
  const withTarget = { ...out, findings: [{ ...out.findings[0], target: 'http://x' }] };
  t.same(checkSchema(reportJsonSchema, withTarget), ['$.findings[0].target: not allowed']);
  const badLevel = { ...out, findings: [{ ...out.findings[0], level: 'may' }] };
  t.same(checkSchema(reportJsonSchema, badLevel), ['$.findings[0].level: "may" not in enum']);
  const badHeader = { ...out, findings: [{ ...out.findings[0], exchange: { ...out.findings[0].exchange, response: { status: 200, headers: [['a', 'b', 'c']] } } }] };
  t.same(checkSchema(reportJsonSchema, badHeader), ['$.findings[0].exchange.response: matches no anyOf branch'], 'a header line is exactly [name, value]');
  t.same(checkSchema(reportJsonSchema, { ...out, policy: { origins: '*', extra: 1 } }), ['$.policy: matches no anyOf branch']);
  const { summary: _summary, ...noSummary } = out;
  t.same(checkSchema(reportJsonSchema, noSummary), ['$: missing summary']);
});

t.test('every object in the schema is closed', async (t) => {
  const open: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
    else if (node !== null && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'object' && o.additionalProperties !== false) open.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    }
  };
  walk(reportJsonSchema, '$');
  t.same(open, [
    '$.properties.findings.items.properties.exchange.properties.preflight.anyOf[1].properties.request.properties.headers',
    '$.properties.findings.items.properties.exchange.properties.request.anyOf[1].properties.headers',
  ], 'only request header maps (name -> string value) admit any key');
});
