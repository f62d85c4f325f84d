// --format text: the human report, grouped by cause, and the progress line.
import t from 'tap';
import { formatProgress, renderText } from '../../../runners/reporters/text.js';
import { emptyReport, oddReport, report } from './fixture.js';

const summary = '6 checks: 1 passed, 4 failed, 1 skipped · 17 requests in 1234 ms · findings: must 3, should 1, info 1 (security 2)';

t.test('header: targets, profile, seed and what was inferred', async (t) => {
  t.same(renderText(report).split('\n').slice(0, 8), [
    'cors-conformance 0.1.0 · Fetch 586cd2a · profile spec · seed 42',
    'Targets (2):',
    '  http://127.0.0.1:8080/items',
    '  http://127.0.0.1:9/down',
    "Policy: none; intent inferred from the server's answers:",
    '  - trusted origin https://app.example (--origin)',
    '  - methods PUT (from ACAM)',
    '',
  ]);
  const declared = renderText({ ...report, targets: ['http://a.example/'], policy: { origins: ['https://app.example'] } });
  t.match(declared, /^Target: http:\/\/a\.example\/\nPolicy: \{"origins":\["https:\/\/app\.example"\]\}\n/m);
});

t.test('findings are grouped by cause, must → should → info, security first within a level', async (t) => {
  const text = renderText(report);
  t.match(text, /^Findings: 4 causes in 5 exchanges$/m);
  const heads = text.split('\n').filter((l) => /^[✗!·] \[/.test(l));
  t.same(heads, [
    '✗ [MUST · critical · security] security/origin-reflection  Origins outside the policy are refused',
    '✗ [MUST · high] preflight/actual-lacks-acao  The actual response carries ACAO after a preflight',
    '! [SHOULD · high · security] security/null-origin  The null origin is refused',
    '· [INFO · low] cache/vary-origin  Vary: Origin',
  ]);
});

t.test('a group shows anchor, requirement, expected/actual, exchange, browser, curl, replay and fix', async (t) => {
  const text = renderText(report);
  const start = text.indexOf('✗ [MUST · high]');
  t.equal(text.slice(start, text.indexOf('! [SHOULD')), [
    '✗ [MUST · high] preflight/actual-lacks-acao  The actual response carries ACAO after a preflight',
    '  Target:      http://127.0.0.1:8080/items',
    '  Anchor:      concept-cors-check:2  https://fetch.spec.whatwg.org/#concept-cors-check',
    '  Seen in:     2 exchanges (the first is shown)',
    '  Requirement: The actual response carries Access-Control-Allow-Origin',
    '  Expected:    access-control-allow-origin: https://app.example',
    '  Actual:      no access-control-allow-origin header',
    '  Exchange:',
    '    preflight  > OPTIONS http://127.0.0.1:8080/items/a',
    '                 origin: https://app.example',
    '                 access-control-request-method: PUT',
    '                 access-control-request-headers: x-api-key',
    '                 (+1 other header)',
    '               < 204',
    '                 access-control-allow-origin: https://app.example',
    '                 access-control-allow-methods: PUT',
    '                 access-control-allow-headers: x-api-key',
    '                 (+1 other header)',
    '    actual     > PUT http://127.0.0.1:8080/items/a',
    '                 origin: https://app.example',
    '                 x-api-key: [redacted]',
    '               < 200',
    '                 (+1 other header)',
    '  Browser:     network error at concept-cors-check:2 (profile spec)',
    "  Reproduce:   curl -i -X PUT -H 'origin: https://app.example' -H 'x-api-key: [redacted]' 'http://127.0.0.1:8080/items/a'",
    '  Replay:      --seed 42 --path 3:1',
    '  Fix:         Send Access-Control-Allow-Origin on the actual response too, not only on the preflight.',
    '',
    '',
  ].join('\n'));
});

t.test('skipped checks, target errors and the summary line close the report', async (t) => {
  const text = renderText(report);
  t.ok(text.endsWith([
    'Skipped (1):',
    '  - preflight/max-age [http://127.0.0.1:8080/items]: no policy # max-age intent unknown',
    '',
    'Target errors (1):',
    '  ! http://127.0.0.1:9/down: connect ECONNREFUSED 127.0.0.1:9',
    '',
    summary,
    '',
  ].join('\n')));
});

t.test('control characters from the server are shown escaped; long values are cut', async (t) => {
  t.match(renderText(report), /^ {17}access-control-allow-origin: https:\/\/evil\.example<&"'>\\x01$/m);
  const text = renderText(oddReport());
  t.notMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f\u202e\u2028]|[\ud800-\udbff](?![\udc00-\udfff])/, 'nothing raw but newlines');
  t.match(text, /odd \| `tick` \\x1b\[31mred\\x1b\[0m\\u202e/);
  t.match(text, new RegExp(`Actual: {6}${'x'.repeat(200)}…\n`));
  t.match(text, new RegExp(`origin: ${'x'.repeat(200)}…\n`));
  t.match(text, /access-control-allow-origin: \\ud800 lone\\x00nul\\u2028ls/);
  t.notMatch(renderText(oddReport(), { maxValueLength: 1000 }), /…/, 'the limit is an option');
});

t.test('colour only when asked', async (t) => {
  t.notMatch(renderText(report, { color: false }), /\u001b/);
  t.notMatch(renderText(report), /\u001b/);
  const coloured = renderText(report, { color: true });
  t.match(coloured, /\u001b\[31m/);
  t.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), renderText(report), 'the same text under the colour');
});

t.test('the empty report', async (t) => {
  t.equal(renderText(emptyReport), [
    'cors-conformance 0.1.0 · Fetch 586cd2a · profile spec · seed 0',
    'Targets (0):',
    'Policy: none',
    '',
    'No findings.',
    '',
    '0 checks: 0 passed, 0 failed, 0 skipped · 0 requests in 0 ms · findings: must 0, should 0, info 0 (security 0)',
    '',
  ].join('\n'));
});

t.test('formatProgress draws a bar that fits the width', async (t) => {
  t.equal(formatProgress(12, 40, 30), '[█████░░░░░░░░░░░░] 12/40  30%');
  t.equal(formatProgress(0, 40, 30), '[░░░░░░░░░░░░░░░░░]  0/40   0%');
  t.equal(formatProgress(40, 40, 30), '[█████████████████] 40/40 100%');
  t.equal(formatProgress(50, 40, 30), '[█████████████████] 40/40 100%', 'done is clamped to total');
  t.equal(formatProgress(-3, 40, 30), '[░░░░░░░░░░░░░░░░░]  0/40   0%');
  t.equal(formatProgress(0, 0, 20), '[░░░░░░░░░] 0/0   0%');
  t.equal(formatProgress(5, 10, 8), '5/10  50', 'too narrow for a bar: the numbers, cut to fit');
  t.equal(formatProgress(5, 10, 0), '');
  t.equal(formatProgress(NaN, Infinity, NaN), '');
  for (let width = 0; width < 60; width++) {
    const line = formatProgress(7, 123, width);
    t.ok(width < 16 ? line.length <= width : line.length === width, `fits ${width}`);
  }
});
