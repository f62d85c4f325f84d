// --format sarif: SARIF 2.1.0 with stable rule ids, levels, CWE tags, and one result per cause.
import t from 'tap';
import { cweForRule, renderSarif, SARIF_SCHEMA } from '../../../runners/reporters/sarif.js';
import { checks as registry } from '../../../suites/checks/registry.js';
import { DOWN, emptyReport, report, TARGET } from './fixture.js';

const sarif = () => JSON.parse(renderSarif(report));

t.test('the log: schema, version, one run, the driver', async (t) => {
  const log = sarif();
  t.equal(log.$schema, SARIF_SCHEMA);
  t.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  t.equal(log.version, '2.1.0');
  t.equal(log.runs.length, 1);
  const driver = log.runs[0].tool.driver;
  t.same([driver.name, driver.version, driver.informationUri], ['cors-conformance', '0.1.0', 'https://www.npmjs.com/package/cors-conformance']);
});

t.test('rules: one per check id, level mapped, help linking the anchor, category and CWE tags', async (t) => {
  const rules = sarif().runs[0].tool.driver.rules;
  t.same(rules.map((r: { id: string; defaultConfiguration: { level: string }; properties: { tags: string[] } }) =>
    [r.id, r.defaultConfiguration.level, r.properties.tags]), [
    ['acao/exact-match', 'error', ['conformance']],
    ['preflight/actual-lacks-acao', 'error', ['conformance']],
    ['security/origin-reflection', 'error', ['security', 'CWE-942']],
    ['security/null-origin', 'warning', ['security', 'CWE-346']],
    ['cache/vary-origin', 'note', ['cache']],
    ['preflight/max-age', 'warning', ['conformance']],
  ]);
  t.same(rules[1], {
    id: 'preflight/actual-lacks-acao',
    shortDescription: { text: 'The actual response carries ACAO after a preflight' },
    helpUri: 'https://fetch.spec.whatwg.org/#concept-cors-check',
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['conformance'], anchor: 'concept-cors-check:2' },
  });
  t.equal(rules[2].helpUri, 'https://portswigger.net/web-security/cors', 'beyond-spec rules link their source');
  t.equal(rules[2].properties['security-severity'], '9.5');
  t.equal(rules[5].helpUri, 'https://fetch.spec.whatwg.org/#cors-preflight-fetch-0', 'a step reference links its anchor');
});

t.test('results: one per cause, with rule, level, message, target location, anchor and curl', async (t) => {
  const results = sarif().runs[0].results;
  t.same(results.map((r: { ruleId: string; ruleIndex: number; level: string; occurrenceCount: number }) =>
    [r.ruleId, r.ruleIndex, r.level, r.occurrenceCount]), [
    ['security/origin-reflection', 2, 'error', 1],
    ['preflight/actual-lacks-acao', 1, 'error', 2],
    ['security/null-origin', 3, 'warning', 1],
    ['cache/vary-origin', 4, 'note', 1],
  ]);
  t.same(results[2], {
    ruleId: 'security/null-origin',
    ruleIndex: 3,
    level: 'warning',
    message: { text: 'The opaque origin "null" is not trusted. Expected: no access-control-allow-origin for origin null. ' +
      'Actual: access-control-allow-origin: null. Fix: Remove "null" from the allowed origins: sandboxed iframes and file: pages all send it.' },
    locations: [{ physicalLocation: { artifactLocation: { uri: TARGET } } }],
    occurrenceCount: 1,
    properties: {
      category: 'security', severity: 'high', anchor: 'security:null-origin',
      anchorUrl: 'https://portswigger.net/web-security/cors#whitelisted-null-origin-value',
      curl: "curl -i -H 'origin: null' 'http://127.0.0.1:8080/items'", seed: 42, path: '7',
      browser: { outcome: 'ok', failedAt: null },
    },
  });
});

t.test('target errors are tool execution notifications', async (t) => {
  t.same(sarif().runs[0].invocations, [{
    executionSuccessful: false,
    toolExecutionNotifications: [{
      level: 'error', message: { text: 'connect ECONNREFUSED 127.0.0.1:9' },
      locations: [{ physicalLocation: { artifactLocation: { uri: DOWN } } }],
    }],
  }]);
});

t.test('cweForRule', async (t) => {
  t.equal(cweForRule('security/origin-reflection', 'security'), 'CWE-942');
  t.equal(cweForRule('security/wildcard-with-credentials', 'security'), 'CWE-942');
  t.equal(cweForRule('security/credentials-any-origin', 'security'), 'CWE-942');
  t.equal(cweForRule('security/null-origin', 'security'), 'CWE-346');
  t.equal(cweForRule('security/prefix-match', 'security'), 'CWE-346');
  t.equal(cweForRule('security/suffix-match', 'security'), 'CWE-346');
  t.equal(cweForRule('security/unescaped-dot', 'security'), 'CWE-346');
  t.equal(cweForRule('acao/null-uppercase', 'conformance'), undefined, 'only security rules');
});

t.test('every security check of the registry gets its CWE', async (t) => {
  const security = registry.filter((c) => c.category === 'security').map((c) => [c.id, cweForRule(c.id, c.category)]);
  t.same(security, [
    ['security/origin-reflection', 'CWE-942'],
    ['security/null-origin', 'CWE-346'],
    ['security/origin-prefix', 'CWE-346'],
    ['security/origin-suffix', 'CWE-346'],
    ['security/unescaped-dot', 'CWE-346'],
    ['security/origin-scheme', 'CWE-346'],
    ['security/origin-port', 'CWE-346'],
    ['security/origin-subdomain', 'CWE-346'],
    ['security/origin-substring', 'CWE-346'],
    ['security/special-characters', 'CWE-346'],
    ['security/preflight-admits-untrusted', 'CWE-942'],
    ['security/unintended-credentials', 'CWE-942'],
  ]);
  t.same(registry.filter((c) => c.category !== 'security').filter((c) => cweForRule(c.id, c.category) !== undefined), []);
});

t.test('the empty report is a valid log with no rules or results', async (t) => {
  const log = JSON.parse(renderSarif(emptyReport));
  t.same(log.runs[0].tool.driver.rules, []);
  t.same(log.runs[0].results, []);
  t.same(log.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
});
