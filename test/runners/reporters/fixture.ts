// A report covering what reporters must handle: a passing check, a must conformance finding seen in two
// exchanges (preflight + actual), security findings (CWE-942 and CWE-346), an info cache finding, a
// skipped check, a target error, and a hostile header value with `<&"'>` and a U+0001 control character.
import { ACAC, ACAH, ACAM, ACAO, ACRH, ACRM, ORIGIN, VARY } from '../../../spec/headers.js';
import { FETCH_REVISION } from '../../../spec/anchors.js';
import type { CheckResult, Exchange, Finding, Report } from '../../../runners/report-types.js';

export const TARGET = 'http://127.0.0.1:8080/items';
export const DOWN = 'http://127.0.0.1:9/down';
export const HOSTILE = `https://evil.example<&"'>\u0001`;

const preflightExchange = (path: string): Exchange => ({
  preflight: {
    request: { method: 'OPTIONS', url: TARGET + path, headers: { [ORIGIN]: 'https://app.example', [ACRM]: 'PUT', [ACRH]: 'x-api-key', 'user-agent': 'cors-conformance' } },
    response: { status: 204, headers: [[ACAO, 'https://app.example'], [ACAM, 'PUT'], [ACAH, 'x-api-key'], ['date', 'Mon, 01 Jan 2024 00:00:00 GMT']] },
  },
  request: { method: 'PUT', url: TARGET + path, headers: { [ORIGIN]: 'https://app.example', 'x-api-key': '[redacted]' } },
  response: { status: 200, headers: [['content-type', 'application/json']] },
});

export const missingAcao = (path: string, seedPath: string): Finding => ({
  id: 'preflight/actual-lacks-acao', level: 'must', category: 'conformance', severity: 'high',
  anchor: 'concept-cors-check:2', url: 'https://fetch.spec.whatwg.org/#concept-cors-check',
  title: 'The actual response carries Access-Control-Allow-Origin', expected: 'access-control-allow-origin: https://app.example',
  actual: 'no access-control-allow-origin header', exchange: preflightExchange(path),
  browser: { outcome: 'network-error', failedAt: 'concept-cors-check:2' },
  reproduce: { curl: `curl -i -X PUT -H 'origin: https://app.example' -H 'x-api-key: [redacted]' '${TARGET}${path}'`, seed: 42, path: seedPath },
  fix: 'Send Access-Control-Allow-Origin on the actual response too, not only on the preflight.', target: TARGET,
});

export const reflection: Finding = {
  id: 'security/origin-reflection', level: 'must', category: 'security', severity: 'critical',
  anchor: 'security:origin-reflection', url: 'https://portswigger.net/web-security/cors',
  title: 'Any origin is reflected in Access-Control-Allow-Origin with credentials',
  expected: 'no access-control-allow-origin for https://evil.example', actual: `access-control-allow-origin: ${HOSTILE}`,
  exchange: {
    preflight: null,
    request: { method: 'GET', url: TARGET, headers: { [ORIGIN]: 'https://evil.example' } },
    response: { status: 200, headers: [[ACAO, HOSTILE], [ACAC, 'true'], ['x-powered-by', 'test']] },
  },
  browser: { outcome: 'ok', failedAt: null },
  reproduce: { curl: `curl -i -H 'origin: https://evil.example' '${TARGET}'` },
  fix: 'Allow only the origins in your policy; never echo the Origin header.', target: TARGET,
};

export const nullOrigin: Finding = {
  id: 'security/null-origin', level: 'should', category: 'security', severity: 'high',
  anchor: 'security:null-origin', url: 'https://portswigger.net/web-security/cors#whitelisted-null-origin-value',
  title: 'The opaque origin "null" is not trusted', expected: 'no access-control-allow-origin for origin null',
  actual: 'access-control-allow-origin: null', exchange: {
    preflight: null,
    request: { method: 'GET', url: TARGET, headers: { [ORIGIN]: 'null' } },
    response: { status: 200, headers: [[ACAO, 'null']] },
  },
  browser: { outcome: 'ok', failedAt: null },
  reproduce: { curl: `curl -i -H 'origin: null' '${TARGET}'`, seed: 42, path: '7' },
  fix: 'Remove "null" from the allowed origins: sandboxed iframes and file: pages all send it.', target: TARGET,
};

export const varyOrigin: Finding = {
  id: 'cache/vary-origin', level: 'info', category: 'cache', severity: 'low',
  anchor: 'practice:vary-origin', url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches',
  title: 'Vary: Origin when the answer depends on Origin', expected: 'vary: Origin', actual: 'vary: Accept',
  exchange: {
    preflight: null,
    request: { method: 'GET', url: TARGET, headers: { [ORIGIN]: 'https://app.example' } },
    response: { status: 200, headers: [[ACAO, 'https://app.example'], [VARY, 'Accept']] },
  },
  browser: { outcome: 'ok', failedAt: null },
  reproduce: { curl: `curl -i -H 'origin: https://app.example' '${TARGET}'` },
  fix: 'Append Origin to Vary on every response whose CORS headers depend on it.', target: TARGET,
};

const check = (c: Omit<CheckResult, 'target' | 'durationMs'> & Partial<CheckResult>): CheckResult => ({ target: TARGET, durationMs: 5, ...c });

export const checks: readonly CheckResult[] = [
  check({ id: 'acao/exact-match', title: 'ACAO echoes an allowed origin exactly', level: 'must', category: 'conformance',
    anchor: 'concept-cors-check', status: 'passed', findings: [], durationMs: 3 }),
  check({ id: 'preflight/actual-lacks-acao', title: 'The actual response carries ACAO after a preflight', level: 'must',
    category: 'conformance', anchor: 'concept-cors-check:2', status: 'failed', findings: [missingAcao('/a', '3:1'), missingAcao('/b', '3:2')], durationMs: 12 }),
  check({ id: 'security/origin-reflection', title: 'Origins outside the policy are refused', level: 'must', category: 'security',
    anchor: 'security:origin-reflection', status: 'failed', findings: [reflection], durationMs: 4 }),
  check({ id: 'security/null-origin', title: 'The null origin is refused', level: 'should', category: 'security',
    anchor: 'security:null-origin', status: 'failed', findings: [nullOrigin], durationMs: 2 }),
  check({ id: 'cache/vary-origin', title: 'Vary: Origin', level: 'info', category: 'cache', anchor: 'practice:vary-origin',
    status: 'failed', findings: [varyOrigin], durationMs: 1 }),
  check({ id: 'preflight/max-age', title: 'Max-age is honoured', level: 'should', category: 'conformance',
    anchor: 'cors-preflight-fetch-0:7.9', status: 'skipped', findings: [], skipReason: 'no policy # max-age intent unknown', durationMs: 0 }),
];

export const report: Report = {
  tool: { name: 'cors-conformance', version: '0.1.0' },
  fetchRevision: FETCH_REVISION,
  profile: 'spec',
  seed: 42,
  targets: [TARGET, DOWN],
  policy: null,
  inferred: ['trusted origin https://app.example (--origin)', 'methods PUT (from ACAM)'],
  summary: {
    checks: 6, passed: 1, failed: 4, skipped: 1, requests: 17, durationMs: 1234,
    findings: { must: 3, should: 1, info: 1, security: 2 },
  },
  // In arrival order, deliberately not the reporters' order.
  findings: [varyOrigin, missingAcao('/a', '3:1'), nullOrigin, reflection, missingAcao('/b', '3:2')],
  checks,
  errors: [{ target: DOWN, message: 'connect ECONNREFUSED 127.0.0.1:9' }],
};

export const emptyReport: Report = {
  tool: { name: 'cors-conformance', version: '0.1.0' },
  fetchRevision: FETCH_REVISION,
  profile: 'spec',
  seed: 0,
  targets: [],
  policy: null,
  summary: { checks: 0, passed: 0, failed: 0, skipped: 0, requests: 0, durationMs: 0, findings: { must: 0, should: 0, info: 0, security: 0 } },
  findings: [],
  checks: [],
  errors: [],
};

/** A finding whose values are long and full of hostile characters. */
export function oddReport(): Report {
  const long = 'x'.repeat(300);
  const odd: Finding = {
    ...reflection,
    title: 'odd | `tick` \u001b[31mred\u001b[0m\u202e',
    actual: long,
    exchange: {
      preflight: null,
      request: { method: 'GET', url: TARGET, headers: { [ORIGIN]: long } },
      response: { status: 200, headers: [[ACAO, long], [ACAO, '\ud800 lone\u0000nul\u2028ls']] },
    },
  };
  return { ...report, findings: [odd], checks: [{ ...checks[2]!, findings: [odd] }], policy: { origins: ['https://app.example'] } };
}
