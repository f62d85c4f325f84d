// --format junit: suites per target, test cases per check, and XML that stays well-formed whatever the
// server sends.
import t from 'tap';
import { MAX_FINDINGS_PER_FAILURE, renderJunit, xmlAttribute, xmlText } from '../../../runners/reporters/junit.js';
import { checks, emptyReport, missingAcao, oddReport, report } from './fixture.js';

t.test('xmlText and xmlAttribute escape markup and replace characters XML 1.0 cannot hold', async (t) => {
  t.equal(xmlText(`a<&"'>b`), `a&lt;&amp;"'&gt;b`);
  t.equal(xmlAttribute(`a<&"'>b`), 'a&lt;&amp;&quot;&apos;&gt;b');
  t.equal(xmlText(']]>'), ']]&gt;');
  t.equal(xmlText('\u0001\u0000\u001b\u007f\u0085\ufffe\uffff'), '\\x01\\x00\\x1b\\x7f\\x85\\ufffe\\uffff');
  t.equal(xmlText('x\ud800y\udfffz'), 'x\\ud800y\\udfffz', 'lone surrogates');
  t.equal(xmlText('tab\tline\ncr\r'), 'tab\tline\ncr&#13;');
  t.equal(xmlAttribute('tab\tline\ncr\r'), 'tab&#9;line&#10;cr&#13;');
  t.equal(xmlText('😀 é ü'), '😀 é ü', 'valid characters, astral ones included, are kept');
  t.equal(xmlAttribute(42), '42');
});

t.test('one testsuite per target, one testcase per check', async (t) => {
  const xml = renderJunit(report);
  t.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cors-conformance" tests="7" failures="4" errors="1" skipped="1" time="1.234">\n'));
  t.same(xml.match(/<testsuite [^>]*>/g), [
    '<testsuite name="http://127.0.0.1:8080/items" tests="6" failures="4" errors="0" skipped="1" time="0.022">',
    '<testsuite name="http://127.0.0.1:9/down" tests="1" failures="0" errors="1" skipped="0" time="0.000">',
  ]);
  t.same(xml.match(/<testcase [^>]*>/g), [
    '<testcase classname="conformance" name="acao/exact-match" time="0.003"/>',
    '<testcase classname="conformance" name="preflight/actual-lacks-acao" time="0.012">',
    '<testcase classname="security" name="security/origin-reflection" time="0.004">',
    '<testcase classname="security" name="security/null-origin" time="0.002">',
    '<testcase classname="cache" name="cache/vary-origin" time="0.001">',
    '<testcase classname="conformance" name="preflight/max-age" time="0.000">',
    '<testcase classname="target" name="target-error" time="0.000">',
  ]);
  t.match(xml, '      <skipped message="no policy # max-age intent unknown"/>\n');
  t.match(xml, '      <error message="connect ECONNREFUSED 127.0.0.1:9" type="TargetError">connect ECONNREFUSED 127.0.0.1:9</error>\n');
  t.ok(xml.endsWith('  </testsuite>\n</testsuites>\n'));
});

t.test('a failure holds every finding, escaped', async (t) => {
  const xml = renderJunit(report);
  t.match(xml, '<failure message="The actual response carries Access-Control-Allow-Origin (2 exchanges)" type="must">');
  t.match(xml, '<failure message="The opaque origin &quot;null&quot; is not trusted" type="should">');
  t.match(xml, '<failure message="Vary: Origin when the answer depends on Origin" type="info">');
  const reflection = xml.slice(xml.indexOf('name="security/origin-reflection"'));
  t.equal(reflection.slice(reflection.indexOf('<failure'), reflection.indexOf('</failure>') + 10), [
    '<failure message="Any origin is reflected in Access-Control-Allow-Origin with credentials" type="must">' +
      '[must · critical] security/origin-reflection: Any origin is reflected in Access-Control-Allow-Origin with credentials',
    'Target: http://127.0.0.1:8080/items',
    'Anchor: security:origin-reflection https://portswigger.net/web-security/cors',
    'Expected: no access-control-allow-origin for https://evil.example',
    'Actual: access-control-allow-origin: https://evil.example&lt;&amp;"\'&gt;\\x01',
    'Request: GET http://127.0.0.1:8080/items',
    '  &gt; origin: https://evil.example',
    '  &lt; 200',
    '  &lt; access-control-allow-origin: https://evil.example&lt;&amp;"\'&gt;\\x01',
    '  &lt; access-control-allow-credentials: true',
    'Browser: ok',
    "Reproduce: curl -i -H 'origin: https://evil.example' 'http://127.0.0.1:8080/items'",
    'Fix: Allow only the origins in your policy; never echo the Origin header.</failure>',
  ].join('\n'));
  t.match(xml, /Replay: --seed 42 --path 3:2/);
});

// Well-formedness without an XML parser: only XML 1.0 characters, every `&` starts a known entity, no `<`
// outside markup, and the elements nest.
function checkWellFormed(xml: string): string[] {
  const problems: string[] = [];
  if (/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml)) problems.push('character outside XML 1.0');
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(xml)) problems.push('bare &');
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, '');
  for (const token of body.split(/(<[^<>]*>)/)) {
    if (!token.startsWith('<')) { if (token.includes('>') && /\]\]>/.test(token)) problems.push(']]> in text'); continue; }
    if (!/^<\/?[a-z]+(?:\s+[a-z]+="[^"<]*")*\s*\/?>$/i.test(token)) { problems.push(`bad tag ${token}`); continue; }
    const name = token.match(/^<\/?([a-z]+)/i)![1]!;
    if (token.startsWith('</')) { if (stack.pop() !== name) problems.push(`mismatched </${name}>`); }
    else if (!token.endsWith('/>')) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  if (body.replace(/<[^<>]*>/g, '').includes('<')) problems.push('stray <');
  return problems;
}

t.test('the documents are well-formed, hostile input included', async (t) => {
  t.same(checkWellFormed(renderJunit(report)), []);
  t.same(checkWellFormed(renderJunit(emptyReport)), []);
  const odd = renderJunit(oddReport());
  t.same(checkWellFormed(odd), []);
  t.notMatch(odd, /\u0001|\u0000|\u001b/);
  t.match(odd, 'odd | `tick` \\x1b[31mred\\x1b[0m\u202e');
  t.match(odd, '\\ud800 lone\\x00nul\u2028ls');
  const hostileCheck = { ...checks[0]!, id: 'a"<b>&\u0001', category: 'conformance' as const, status: 'skipped' as const, skipReason: 'x\ny' };
  t.same(checkWellFormed(renderJunit({ ...emptyReport, checks: [hostileCheck], errors: [{ target: '<t>', message: '\u0000&' }] })), []);
});

t.test('the empty report and a failure with many exchanges', async (t) => {
  t.equal(renderJunit(emptyReport), [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="cors-conformance" tests="0" failures="0" errors="0" skipped="0" time="0.000">',
    '</testsuites>',
    '',
  ].join('\n'));
  const many = Array.from({ length: 25 }, (_, i) => missingAcao(`/${i}`, `3:${i}`));
  const xml = renderJunit({ ...emptyReport, checks: [{ ...checks[1]!, findings: many }] });
  t.equal(xml.match(/^Fix: /gm)?.length, MAX_FINDINGS_PER_FAILURE);
  t.match(xml, '(15 more exchanges with this finding; see --format json)</failure>');
  t.match(xml, 'message="The actual response carries Access-Control-Allow-Origin (25 exchanges)"');
});
