// REPORT.md from result files: the matrix cells, the coverage table, heading demotion, escaping, and the
// result file format, all from fixture results (no server runs here).
import t from 'tap';
import { FETCH_REVISION } from '../../spec/anchors.js';
import type { CheckResult, Finding, FindingLevel, Report } from '../../runners/report-types.js';
import type { Check } from '../../suites/checks/registry.js';
import {
  buildMatrix, coverageRows, demoteHeadings, familyCell, fencedBlock, renderCell, renderCoverage, renderMatrix,
  renderReportMarkdown, rowAnchor,
} from '../../targets/report/markdown.js';
import { parseResult, resultFileName, RESULT_SCHEMA, serializeResult, type TargetResult } from '../../targets/report/results.js';

const TARGET = 'http://127.0.0.1:8080/items';

function finding(id: string, level: FindingLevel): Finding {
  return {
    id, level, category: id.startsWith('security/') ? 'security' : 'conformance', severity: 'high', anchor: 'concept-cors-check:4',
    url: 'https://fetch.spec.whatwg.org/#concept-cors-check', title: `title of ${id}`, expected: 'expected', actual: 'actual',
    exchange: { preflight: null, request: { method: 'GET', url: TARGET, headers: { origin: 'https://app.example' } }, response: { status: 200, headers: [] } },
    browser: { outcome: 'ok', failedAt: null }, reproduce: { curl: `curl -i '${TARGET}'` }, fix: 'fix it', target: TARGET,
  };
}

function check(id: string, status: CheckResult['status'], levels: readonly FindingLevel[] = []): CheckResult {
  return {
    id, title: `title of ${id}`, level: 'must', category: 'conformance', anchor: 'concept-cors-check:4', target: TARGET, status,
    findings: levels.map((level) => finding(id, level)), durationMs: 1, ...(status === 'skipped' && { skipReason: `why ${id} was skipped` }),
  };
}

function report(checks: readonly CheckResult[], errors: Report['errors'] = []): Report {
  const findings = checks.flatMap((c) => c.findings);
  return {
    tool: { name: 'cors-conformance', version: '9.9.9' }, fetchRevision: FETCH_REVISION, profile: 'spec', seed: 7, targets: [TARGET],
    policy: { origins: ['https://app.example'] },
    summary: {
      checks: checks.length, passed: checks.filter((c) => c.status === 'passed').length, failed: checks.filter((c) => c.status === 'failed').length,
      skipped: checks.filter((c) => c.status === 'skipped').length, requests: 10, durationMs: 5,
      findings: { must: findings.filter((f) => f.level === 'must').length, should: findings.filter((f) => f.level === 'should').length, info: findings.filter((f) => f.level === 'info').length, security: 0 },
    },
    findings, checks, errors,
  };
}

function result(id: string, run: Report | null, overrides: Partial<TargetResult['target']> = {}): TargetResult {
  return {
    schema: RESULT_SCHEMA,
    target: {
      id, implementation: 'impl', configuration: 'config', source: 'debian', version: run === null ? null : '1.0-1', policy: { origins: ['https://app.example'] },
      aptPackages: ['impl'], notes: [], config: { language: 'nginx', text: "add_header 'Access-Control-Allow-Origin' '*';" }, ...overrides,
    },
    run: { date: '2026-01-02T03:04:05.000Z', seed: 7, runs: 20, profile: 'spec', url: run === null ? null : TARGET, durationMs: 100 },
    report: run, notRun: run === null ? 'Debian packages not installed: impl' : null,
  };
}

const mixed = report([
  check('acao/missing', 'failed', ['must', 'must']),
  check('acao/case', 'passed'),
  check('security/origin-reflection', 'failed', ['must']),
  check('security/null-origin', 'failed', ['should', 'must']),
  check('cache/vary-origin', 'failed', ['should']),
  check('robustness/plain-options', 'passed', ['info']),
  check('robustness/head', 'passed'),
  check('redirect/cors', 'skipped'),
  check('expose/missing', 'skipped'),
]);

t.test('a cell lists the checks with findings by their highest level; exercised without findings is a pass', async (t) => {
  t.same(familyCell(mixed, 'acao'), { status: 'fail', must: ['acao/missing'], should: [], info: [] });
  t.same(familyCell(mixed, 'security'), { status: 'fail', must: ['security/null-origin', 'security/origin-reflection'], should: [], info: [] });
  t.same(familyCell(mixed, 'cache'), { status: 'fail', must: [], should: ['cache/vary-origin'], info: [] });
  t.same(familyCell(mixed, 'robustness'), { status: 'pass', must: [], should: [], info: ['robustness/plain-options'] });
  t.same(familyCell(mixed, 'redirect'), { status: 'none', must: [], should: [], info: [] });
  t.same(familyCell(mixed, 'acac'), { status: 'none', must: [], should: [], info: [] }, 'no check of the family in the report');
});

t.test('cells render as fail / should / pass / info / –', async (t) => {
  t.equal(renderCell('acao', familyCell(mixed, 'acao')), '**fail** `missing`');
  t.equal(renderCell('security', familyCell(mixed, 'security')), '**fail** `null-origin`, `origin-reflection`');
  t.equal(renderCell('cache', familyCell(mixed, 'cache')), 'should `vary-origin`');
  t.equal(renderCell('robustness', familyCell(mixed, 'robustness')), 'pass<br>info `plain-options`');
  t.equal(renderCell('redirect', familyCell(mixed, 'redirect')), '–');
  t.equal(renderCell('acao', { status: 'fail', must: ['acao/missing'], should: ['acao/case'], info: ['acao/mismatch'] }),
    '**fail** `missing`<br>should `case`<br>info `mismatch`');
});

t.test('the matrix has one row per result that ran, in order, with escaped text', async (t) => {
  const hostile = result('evil/row', mixed, { implementation: 'a|b <script>', configuration: '*all* `x`', version: '1|2' });
  const rows = buildMatrix([result('first/row', report([check('acao/missing', 'passed')])), result('not/run', null), hostile]);
  t.same(rows.map((r) => r.id), ['first/row', 'evil/row']);
  const lines = renderMatrix(rows);
  t.equal(lines[0], '| implementation | configuration | version | acao | acac | preflight | expose | redirect | security | cache | robustness |');
  t.equal(lines[1], '|---|---|---|---|---|---|---|---|---|---|---|');
  t.equal(lines[2], '| [impl](#row-first-row)<br>`first/row` | config | `1.0-1` | pass | – | – | – | – | – | – | – |');
  t.equal(lines[3], '| [a\\|b \\<script\\>](#row-evil-row)<br>`evil/row` | \\*all\\* \\`x\\` | `1\\|2` | **fail** `missing` | – | – | – | – | ' +
    '**fail** `null-origin`, `origin-reflection` | should `vary-origin` | pass<br>info `plain-options` |');
  t.equal(lines.length, 4);
});

t.test('a row whose run had errors says so', async (t) => {
  const [row] = buildMatrix([result('x/y', report([check('acao/missing', 'passed')], [{ target: TARGET, message: 'timeout' }]))]);
  t.same(row!.errors, ['timeout']);
  t.match(renderMatrix([row!])[2], /config<br>⚠ run errors, see below/);
});

t.test('row anchors are stable slugs', async (t) => {
  t.equal(rowAnchor('flask-cors/strict-list'), 'row-flask-cors-strict-list');
  t.equal(rowAnchor('Tomcat CorsFilter/any'), 'row-tomcat-corsfilter-any');
});

t.test('coverage: every registry check under its anchor, in registry order, with the rows it fails on', async (t) => {
  const registry: Check[] = [
    { id: 'acao/missing', title: 'missing', level: 'must', category: 'conformance', anchor: 'concept-cors-check:2', fix: '' },
    { id: 'cache/vary-origin', title: 'vary', level: 'should', category: 'cache', anchor: 'cors-protocol-and-http-caches', fix: '' },
    { id: 'acao/case', title: 'case', level: 'must', category: 'conformance', anchor: 'concept-cors-check:4', fix: '' },
    { id: 'practice/x', title: 'x', level: 'info', category: 'robustness', anchor: 'practice:x', source: 'https://example.test/x', fix: '' },
  ];
  const results = [
    result('a/one', mixed),
    result('b/two', report([check('acao/missing', 'skipped'), check('acao/case', 'failed', ['info']), check('cache/vary-origin', 'passed')])),
    result('c/three', null),
  ];
  const rows = coverageRows(results, registry);
  t.same(rows.map((r) => [r.anchor, r.check.id, r.failingRows, r.infoRows, r.exercisedRows]), [
    ['concept-cors-check', 'acao/missing', ['a/one'], [], 1],
    ['concept-cors-check', 'acao/case', [], ['b/two'], 2],
    ['cors-protocol-and-http-caches', 'cache/vary-origin', ['a/one'], [], 2],
    ['practice', 'practice/x', [], [], 0],
  ]);
  t.same(renderCoverage(rows, 2), [
    '| Fetch anchor | step | check | level | category | exercised by | fails on |',
    '|---|---|---|---|---|---:|---|',
    '| [`concept-cors-check`](https://fetch.spec.whatwg.org/#concept-cors-check) | `2` | `acao/missing` | must | conformance | 1 / 2 | [`a/one`](#row-a-one) |',
    '| 〃 | `4` | `acao/case` | must | conformance | 2 / 2 | info on 1 row |',
    '| [`cors-protocol-and-http-caches`](https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches) |  | `cache/vary-origin` | should | cache | 2 / 2 | [`a/one`](#row-a-one) |',
    '| [`practice`](https://example.test/x) | `x` | `practice/x` | info | robustness | 0 / 2 | – |',
  ]);
});

t.test('headings move down, fenced code stays as it is', async (t) => {
  const input = ['## Title', 'text # not a heading', '```http', '# +2 other headers', '```', '#### Deep', '##### Deeper', '~~~', '## in tilde fence', '~~~', '#nospace'].join('\n');
  t.equal(demoteHeadings(input, 2), ['#### Title', 'text # not a heading', '```http', '# +2 other headers', '```', '###### Deep', '###### Deeper',
    '~~~', '## in tilde fence', '~~~', '#nospace'].join('\n'));
  t.equal(demoteHeadings('````\n```\n# kept\n````\n# moved', 1), '````\n```\n# kept\n````\n## moved', 'a shorter fence does not close a longer one');
});

t.test('a fenced block is longer than any backtick run inside it', async (t) => {
  t.same(fencedBlock('nginx', 'a\nb'), ['```nginx', 'a', 'b', '```']);
  t.same(fencedBlock('', 'x ```` y'), ['`````', 'x ```` y', '`````']);
});

t.test('result files: names, parsing, round trip', async (t) => {
  t.equal(resultFileName('flask-cors/strict-list'), 'flask-cors__strict-list.json');
  t.equal(resultFileName('odd id/with:chars'), 'odd-id__with-chars.json');
  const ran = result('a/b', mixed);
  t.same(parseResult(JSON.parse(serializeResult(ran)), 'x.json'), ran);
  t.ok(serializeResult(ran).endsWith('}\n'));
  t.throws(() => parseResult(null, 'x.json'), /x\.json: not a JSON object/);
  t.throws(() => parseResult({ ...ran, schema: 2 }, 'x.json'), /schema 2, expected 1/);
  t.throws(() => parseResult({ ...ran, target: {} }, 'x.json'), /missing target\.id/);
  t.throws(() => parseResult({ ...ran, notRun: 'both' }, 'x.json'), /exactly one of report and notRun/);
  t.throws(() => parseResult({ ...ran, report: null }, 'x.json'), /exactly one of report and notRun/);
});

t.test('REPORT.md: header, matrix, not-run table, rows with config and notes, coverage', async (t) => {
  const notes = ['the source says [so](https://example.test/issue/1)'];
  const text = renderReportMarkdown([
    result('a/one', mixed, { notes }),
    result('b/two', null, { implementation: 'pipe|d' }),
  ], { command: 'npm run report' });
  t.match(text, /^# CORS conformance of real implementations\n/);
  t.match(text, 'Run on 2026-01-02 with cors-conformance `9.9.9`, judged against the Fetch Standard at ' +
    `[\`${FETCH_REVISION.slice(0, 7)}\`](https://github.com/whatwg/fetch/blob/${FETCH_REVISION}/fetch.bs) (profile \`spec\`; seed 7, 20 generated requests per property).`);
  t.match(text, 'Reproduce: `npm run report`.');
  t.match(text, '## Matrix (1 rows)');
  t.match(text, '## Not run (1)\n\n| target | implementation | why |\n|---|---|---|\n| `b/two` | pipe\\|d | Debian packages not installed: impl |');
  t.match(text, '### a/one\n\n<a id="row-a-one"></a>**impl**, config · `1.0-1`');
  t.match(text, "Configuration under test:\n\n```nginx\nadd_header 'Access-Control-Allow-Origin' '*';\n```");
  t.match(text, 'What it means (the policy the suite judges it by): `{"origins":["https://app.example"]}`');
  t.match(text, 'Notes:\n\n- the source says [so](https://example.test/issue/1)');
  t.match(text, '#### cors-conformance:', "the row's own report sits two levels down");
  t.notMatch(text, /\n## cors-conformance/);
  t.match(text, '<details><summary>Not exercised by this configuration (2)</summary>\n\n- `redirect/cors`: why redirect/cors was skipped');
  t.match(text, '## Coverage: Fetch anchors and the checks that cite them');
  t.ok(text.endsWith('\n'));
  t.equal(renderReportMarkdown([result('a/one', mixed, { notes })], { command: 'npm run report' }),
    renderReportMarkdown([result('a/one', mixed, { notes })], { command: 'npm run report' }), 'deterministic');
});

t.test('REPORT.md with nothing run still says so', async (t) => {
  const text = renderReportMarkdown([result('b/two', null)], { command: 'npm run report' });
  t.match(text, 'Run on never with cors-conformance `unknown`');
  t.match(text, '## Matrix (0 rows)');
});
