/**
 * `--format json`: exactly the DESIGN §6 report. Keys are written in the contract's order and nothing
 * else is emitted (not `checks`, `errors`, `inferred`, nor a finding's internal `target`); values are exact.
 */
import type { Exchange, ExchangeRequest, ExchangeResponse, Finding, Report } from '../report-types.js';
import type { ReporterOptions } from './common.js';

/** The JSON form of one finding, keys in DESIGN §6 order. */
export function findingJson(f: Finding) {
  return {
    id: f.id, level: f.level, category: f.category, severity: f.severity, anchor: f.anchor, url: f.url,
    title: f.title, expected: f.expected, actual: f.actual, exchange: exchangeJson(f.exchange),
    browser: { outcome: f.browser.outcome, failedAt: f.browser.failedAt ?? null },
    reproduce: { curl: f.reproduce.curl, seed: f.reproduce.seed, path: f.reproduce.path },
    fix: f.fix,
  };
}

export function exchangeJson(ex: Exchange) {
  return {
    preflight: ex.preflight === null || ex.preflight === undefined ? null
      : { request: requestJson(ex.preflight.request), response: responseJson(ex.preflight.response) },
    request: ex.request === null || ex.request === undefined ? null : requestJson(ex.request),
    response: ex.response === null || ex.response === undefined ? null : responseJson(ex.response),
  };
}

function requestJson(r: ExchangeRequest) {
  return { method: r.method, url: r.url, headers: { ...r.headers } };
}

function responseJson(r: ExchangeResponse) {
  return { status: r.status, headers: r.headers.map(([name, value]) => [name, value] as const) };
}

/** The DESIGN §6 object for a report. */
export function reportJson(report: Report) {
  const s = report.summary;
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    fetchRevision: report.fetchRevision,
    profile: report.profile,
    seed: report.seed,
    targets: [...report.targets],
    policy: report.policy ?? null,
    summary: {
      checks: s.checks, passed: s.passed, failed: s.failed, skipped: s.skipped, requests: s.requests, durationMs: s.durationMs,
      findings: { must: s.findings.must, should: s.findings.should, info: s.findings.info, security: s.findings.security },
    },
    findings: report.findings.map(findingJson),
  };
}

/** Pretty-printed with two spaces, one trailing newline. */
export function renderJson(report: Report, _options: ReporterOptions = {}): string {
  return JSON.stringify(reportJson(report), null, 2) + '\n';
}

// JSON Schema (2020-12) of the output. Every object is closed (`additionalProperties: false`); the one map,
// a request's headers (name -> value), admits any name but only string values.
const string = { type: 'string' } as const;
const stringList = { type: 'array', items: string } as const;
const count = { type: 'integer', minimum: 0 } as const;

const requestSchema = {
  type: 'object', additionalProperties: false, required: ['method', 'url', 'headers'],
  properties: { method: string, url: string, headers: { type: 'object', additionalProperties: string } },
} as const;

const responseSchema = {
  type: 'object', additionalProperties: false, required: ['status', 'headers'],
  properties: {
    status: { type: 'integer', minimum: 0, maximum: 999 },
    headers: { type: 'array', items: { type: 'array', prefixItems: [string, string], items: false, minItems: 2 } },
  },
} as const;

/** DESIGN §5 as written in the policy file; `null` when the run inferred intent instead. */
const policySchema = {
  anyOf: [
    { type: 'null' },
    {
      type: 'object', additionalProperties: false, required: ['origins'],
      properties: {
        origins: { anyOf: [{ const: '*' }, stringList] },
        methods: stringList,
        allowHeaders: { anyOf: [{ const: '*' }, stringList] },
        exposeHeaders: { anyOf: [{ const: '*' }, stringList] },
        credentials: { type: 'boolean' },
        maxAge: count,
        paths: stringList,
      },
    },
  ],
} as const;

const findingSchema = {
  type: 'object', additionalProperties: false,
  required: ['id', 'level', 'category', 'severity', 'anchor', 'url', 'title', 'expected', 'actual', 'exchange', 'browser', 'reproduce', 'fix'],
  properties: {
    id: string,
    level: { enum: ['must', 'should', 'info'] },
    category: { enum: ['conformance', 'security', 'cache', 'robustness'] },
    severity: { enum: ['critical', 'high', 'medium', 'low', 'info'] },
    anchor: string,
    url: string,
    title: string,
    expected: string,
    actual: string,
    exchange: {
      type: 'object', additionalProperties: false, required: ['preflight', 'request', 'response'],
      properties: {
        preflight: {
          anyOf: [
            { type: 'null' },
            { type: 'object', additionalProperties: false, required: ['request', 'response'], properties: { request: requestSchema, response: responseSchema } },
          ],
        },
        request: { anyOf: [{ type: 'null' }, requestSchema] },
        response: { anyOf: [{ type: 'null' }, responseSchema] },
      },
    },
    browser: {
      type: 'object', additionalProperties: false, required: ['outcome', 'failedAt'],
      properties: { outcome: { enum: ['ok', 'network-error'] }, failedAt: { type: ['string', 'null'] } },
    },
    reproduce: {
      type: 'object', additionalProperties: false, required: ['curl'],
      properties: { curl: string, seed: { type: 'integer' }, path: string },
    },
    fix: string,
  },
} as const;

/** The JSON Schema of `--format json` output (DESIGN §6). */
export const reportJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'cors-conformance report (DESIGN.md §6)',
  type: 'object', additionalProperties: false,
  required: ['tool', 'fetchRevision', 'profile', 'seed', 'targets', 'policy', 'summary', 'findings'],
  properties: {
    tool: {
      type: 'object', additionalProperties: false, required: ['name', 'version'],
      properties: { name: { const: 'cors-conformance' }, version: string },
    },
    fetchRevision: string,
    profile: string,
    seed: { type: 'integer' },
    targets: stringList,
    policy: policySchema,
    summary: {
      type: 'object', additionalProperties: false,
      required: ['checks', 'passed', 'failed', 'skipped', 'requests', 'durationMs', 'findings'],
      properties: {
        checks: count, passed: count, failed: count, skipped: count, requests: count,
        durationMs: { type: 'number', minimum: 0 },
        findings: {
          type: 'object', additionalProperties: false, required: ['must', 'should', 'info', 'security'],
          properties: { must: count, should: count, info: count, security: count },
        },
      },
    },
    findings: { type: 'array', items: findingSchema },
  },
} as const;
