// The format registry, and every format on the empty, the full and a hostile report.
import t from 'tap';
import { formats, isReportFormat, renderReport } from '../../../runners/reporters/index.js';
import { groupFindings } from '../../../runners/reporters/common.js';
import { renderJson } from '../../../runners/reporters/json.js';
import { renderText } from '../../../runners/reporters/text.js';
import type { Report } from '../../../runners/report-types.js';
import { emptyReport, oddReport, report } from './fixture.js';

t.test('formats is the DESIGN §7 list', async (t) => {
  t.same(formats, ['text', 'json', 'jsonl', 'tap', 'junit', 'sarif', 'markdown']);
  t.ok(isReportFormat('sarif'));
  t.notOk(isReportFormat('html'));
  t.throws(() => renderReport(report, 'html' as never), RangeError);
});

t.test('renderReport dispatches to the format and passes options', async (t) => {
  t.equal(renderReport(report, 'json'), renderJson(report));
  t.equal(renderReport(report, 'text', { color: true }), renderText(report, { color: true }));
});

const odd: Report = {
  ...oddReport(),
  // Odd shapes a runner should not produce but a reporter must survive.
  findings: [{ ...oddReport().findings[0]!, exchange: { preflight: null, request: null, response: null }, reproduce: { curl: '' } }],
  checks: [{ ...report.checks[1]!, findings: [] }, { ...report.checks[5]!, skipReason: undefined }],
  errors: [{ target: '', message: '' }],
  targets: [''],
  summary: { ...report.summary, durationMs: NaN },
};

for (const format of formats) {
  t.test(`${format} renders every report without throwing, ending in a newline`, async (t) => {
    for (const r of [emptyReport, report, oddReport(), odd]) {
      const text = renderReport(r, format, { color: true });
      t.type(text, 'string');
      t.ok(text.endsWith('\n'));
    }
    t.equal(renderReport(report, format), renderReport(report, format), 'deterministic');
  });
}

t.test('rendering does not mutate the report', async (t) => {
  const before = JSON.stringify(report);
  for (const format of formats) renderReport(report, format, { color: true });
  t.equal(JSON.stringify(report), before);
});

t.test('groups: same check id and target, ordered by level, security, severity, id', async (t) => {
  t.same(groupFindings(report).map((g) => [g.id, g.level, g.findings.length, g.check?.title]), [
    ['security/origin-reflection', 'must', 1, 'Origins outside the policy are refused'],
    ['preflight/actual-lacks-acao', 'must', 2, 'The actual response carries ACAO after a preflight'],
    ['security/null-origin', 'should', 1, 'The null origin is refused'],
    ['cache/vary-origin', 'info', 1, 'Vary: Origin'],
  ]);
  const other = { ...report.findings[1]!, target: 'http://127.0.0.1:9/down' };
  t.same(groupFindings({ ...report, findings: [other, ...report.findings] }).map((g) => [g.id, g.target]).slice(1, 3), [
    ['preflight/actual-lacks-acao', 'http://127.0.0.1:8080/items'],
    ['preflight/actual-lacks-acao', 'http://127.0.0.1:9/down'],
  ], 'another target is another cause, in the order of report.targets');
});
