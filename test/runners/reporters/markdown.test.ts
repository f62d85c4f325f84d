// --format markdown: tables and details blocks for a PR comment, every server value escaped.
import t from 'tap';
import { markdownCode, markdownText, renderMarkdown } from '../../../runners/reporters/markdown.js';
import { emptyReport, oddReport, report } from './fixture.js';

t.test('title, header and the table by category and level', async (t) => {
  const md = renderMarkdown(report);
  t.ok(md.startsWith('## cors-conformance: 4 causes, 2 failing (must)\n\n**Targets:** `http://127.0.0.1:8080/items`, `http://127.0.0.1:9/down` · ' +
    'profile `spec` · seed `42` · Fetch [`586cd2a`](https://github.com/whatwg/fetch/blob/586cd2a44c2a865b37c166dc0740f3fb8bb220d6/fetch.bs)'));
  t.match(md, [
    '| category | must | should | info |',
    '|---|---:|---:|---:|',
    '| conformance | 2 | 0 | 0 |',
    '| security | 1 | 1 | 0 |',
    '| cache | 0 | 0 | 1 |',
    '| robustness | 0 | 0 | 0 |',
    '| **total** | 3 | 1 | 1 |',
  ].join('\n'));
  t.match(md, [
    '| level | check | target | exchanges |',
    '|---|---|---|---:|',
    '| must · critical | security/origin-reflection | http://127.0.0.1:8080/items | 1 |',
    '| must · high | preflight/actual-lacks-acao | http://127.0.0.1:8080/items | 2 |',
    '| should · high | security/null-origin | http://127.0.0.1:8080/items | 1 |',
    '| info · low | cache/vary-origin | http://127.0.0.1:8080/items | 1 |',
  ].join('\n'));
});

t.test('a finding group: heading, fields and a details block with the exchange and curl', async (t) => {
  const md = renderMarkdown(report);
  const start = md.indexOf('#### SHOULD');
  t.equal(md.slice(start, md.indexOf('#### INFO')), [
    '#### SHOULD · high · `security/null-origin`: The null origin is refused',
    '',
    '- **Target:** `http://127.0.0.1:8080/items`',
    '- **Anchor:** [`security:null-origin`](https://portswigger.net/web-security/cors#whitelisted-null-origin-value)',
    '- **Requirement:** The opaque origin "null" is not trusted',
    '- **Expected:** no access-control-allow-origin for origin null',
    '- **Actual:** access-control-allow-origin: null',
    '- **Browser** (profile `spec`): the response reaches script',
    '- **Fix:** Remove "null" from the allowed origins: sandboxed iframes and file: pages all send it.',
    '',
    '<details><summary>Exchange and reproduce (1 exchange)</summary>',
    '',
    '```http',
    'GET http://127.0.0.1:8080/items   # actual',
    'origin: null',
    '',
    'HTTP 200',
    'access-control-allow-origin: null',
    '```',
    '',
    '```sh',
    "curl -i -H 'origin: null' 'http://127.0.0.1:8080/items'",
    '```',
    '',
    'Replay: `--seed 42 --path 7`',
    '',
    '</details>',
    '',
    '',
  ].join('\n'));
  t.match(md, '- **Actual:** access-control-allow-origin: https://evil.example\\<\\&"\'\\>\\\\x01\n');
  t.match(md, '<details><summary>Exchange and reproduce (2 exchanges, the first shown)</summary>');
  t.ok(md.endsWith('### Target errors (1)\n\n- `http://127.0.0.1:9/down`: connect ECONNREFUSED 127.0.0.1:9\n\n' +
    '**6 checks: 1 passed, 4 failed, 1 skipped · 17 requests in 1234 ms · findings: must 3, should 1, info 1 (security 2)**\n'));
});

t.test('table cells escape | and backticks; code spans and fences outgrow the backticks inside', async (t) => {
  t.equal(markdownText('a|b`c'), 'a\\|b\\`c');
  t.equal(markdownText('<script>&*_#[x](y)~'), '\\<script\\>\\&\\*\\_\\#\\[x\\](y)\\~');
  t.equal(markdownText('- item'), '\\- item');
  t.equal(markdownText('1. item'), '1\\. item');
  t.equal(markdownText('a\nb\u0001'), 'a\\\\x0ab\\\\x01');
  t.equal(markdownCode('plain'), '`plain`');
  t.equal(markdownCode('a`b'), '``a`b``');
  t.equal(markdownCode('`x`'), '`` `x` ``');
  t.equal(markdownCode(''), '` `');
  const odd = renderMarkdown(oddReport());
  t.match(odd, '| must · critical | security/origin-reflection |');
  t.match(odd, '#### MUST · critical · `security/origin-reflection`: Origins outside the policy are refused');
  t.match(odd, `- **Actual:** ${'x'.repeat(200)}…\n`);
  t.match(odd, `access-control-allow-origin: ${'x'.repeat(200)}…\n`);
  t.match(odd, '**Policy:** `{"origins":["https://app.example"]}`');
  t.notMatch(odd, /[\u0000-\u0009\u000b-\u001f\u202e\u2028]/);
  const fenced = renderMarkdown({ ...oddReport(), findings: [{ ...oddReport().findings[0]!, reproduce: { curl: "curl '```'" } }] });
  t.match(fenced, "````sh\ncurl '```'\n````");
  const table = renderMarkdown({ ...report, findings: [{ ...report.findings[0]!, id: 'a|b`c' }] });
  t.match(table, '| info · low | a\\|b\\`c | http://127.0.0.1:8080/items | 1 |');
});

t.test('the empty report', async (t) => {
  t.equal(renderMarkdown(emptyReport), [
    '## cors-conformance: no findings',
    '',
    `**Targets:** no target · profile \`spec\` · seed \`0\` · Fetch [\`586cd2a\`](https://github.com/whatwg/fetch/blob/${emptyReport.fetchRevision}/fetch.bs) · cors-conformance \`0.1.0\``,
    '',
    '| category | must | should | info |',
    '|---|---:|---:|---:|',
    '| conformance | 0 | 0 | 0 |',
    '| security | 0 | 0 | 0 |',
    '| cache | 0 | 0 | 0 |',
    '| robustness | 0 | 0 | 0 |',
    '| **total** | 0 | 0 | 0 |',
    '',
    '**0 checks: 0 passed, 0 failed, 0 skipped · 0 requests in 0 ms · findings: must 0, should 0, info 0 (security 0)**',
    '',
  ].join('\n'));
});
