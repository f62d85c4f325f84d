/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; a rule per check id (stable ids,
 * help linking the Fetch anchor, CWE tags on security rules); a result per cause (check id + target) with
 * how many exchanges showed it; target errors as tool execution notifications.
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { FindingCategory, FindingLevel, Report, Severity } from '../report-types.js';
import { anchorLink, groupFindings, type ReporterOptions } from './common.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/cors-conformance';

export type SarifLevel = 'error' | 'warning' | 'note';

/** must → error, should → warning, info → note. */
export const sarifLevel: Readonly<Record<FindingLevel, SarifLevel>> = { must: 'error', should: 'warning', info: 'note' };

// GitHub code scanning ranks security alerts by `properties["security-severity"]` (0.0-10.0).
const securitySeverity: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

// The probe classes of suites/checks (origin-prefix, origin-suffix, unescaped-dot, null-origin, origin-scheme,
// origin-port, origin-subdomain, special-characters) and names future probes are likely to use.
const originMatchingBypass = /(^|-)(prefix|suffix|unescaped-dot|null|scheme|port|subdomain|special-characters|substring|regex|bypass|lookalike)(-|$)/;

/**
 * The CWE a security rule is an instance of. Origin-matching bypasses (prefix, suffix, unescaped dot,
 * trusting `null`, other regex or substring slips) are CWE-346 "Origin Validation Error"; everything else
 * in the category (reflection, `*`, credentials with a permissive origin) is CWE-942 "Permissive
 * Cross-domain Policy with Untrusted Domains". Other categories have none.
 */
export function cweForRule(id: string, category: FindingCategory): string | undefined {
  if (category !== 'security') return undefined;
  const name = id.slice(id.indexOf('/') + 1);
  if (originMatchingBypass.test(name)) return 'CWE-346';
  return 'CWE-942';
}

interface RuleSource {
  readonly id: string;
  readonly title: string;
  readonly level: FindingLevel;
  readonly category: FindingCategory;
  readonly anchor: string;
  url: string | undefined;
  severity: Severity | undefined;
}

/** Every rule of the run, in the order checks (then findings without a check result) first appear. */
function collectRules(report: Report): RuleSource[] {
  const rules = new Map<string, RuleSource>();
  for (const c of report.checks) {
    if (!rules.has(c.id)) rules.set(c.id, { id: c.id, title: c.title, level: c.level, category: c.category, anchor: c.anchor, url: undefined, severity: undefined });
  }
  for (const f of report.findings) {
    let rule = rules.get(f.id);
    if (rule === undefined) {
      rule = { id: f.id, title: f.title, level: f.level, category: f.category, anchor: f.anchor, url: undefined, severity: undefined };
      rules.set(f.id, rule);
    }
    rule.url ??= f.url;
    rule.severity ??= f.severity;
  }
  return [...rules.values()];
}

export function sarifLog(report: Report) {
  const rules = collectRules(report);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = groupFindings(report).map((group) => {
    const first = group.findings[0];
    return {
      ruleId: group.id,
      ruleIndex: ruleIndex.get(group.id) ?? -1,
      level: sarifLevel[group.level] ?? 'error',
      message: { text: `${first.title}. Expected: ${first.expected}. Actual: ${first.actual}. Fix: ${first.fix}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: group.target } } }],
      occurrenceCount: group.findings.length,
      properties: {
        category: group.category, severity: group.severity, anchor: first.anchor, anchorUrl: first.url,
        curl: first.reproduce.curl, seed: first.reproduce.seed, path: first.reproduce.path,
        browser: { outcome: first.browser.outcome, failedAt: first.browser.failedAt },
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          informationUri: TOOL_INFORMATION_URI,
          rules: rules.map((rule) => {
            const cwe = cweForRule(rule.id, rule.category);
            const helpUri = anchorLink(rule.anchor, rule.url);
            return {
              id: rule.id,
              shortDescription: { text: rule.title },
              ...(helpUri === undefined ? {} : { helpUri }),
              defaultConfiguration: { level: sarifLevel[rule.level] ?? 'error' },
              properties: {
                tags: cwe === undefined ? [rule.category] : [rule.category, cwe],
                anchor: rule.anchor,
                ...(rule.category === 'security' && rule.severity !== undefined ? { 'security-severity': securitySeverity[rule.severity] } : {}),
              },
            };
          }),
        },
      },
      invocations: [{
        executionSuccessful: report.errors.length === 0,
        toolExecutionNotifications: report.errors.map((e) => ({
          level: 'error',
          message: { text: e.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: e.target } } }],
        })),
      }],
      results,
      properties: { profile: report.profile, seed: report.seed, fetchRevision: report.fetchRevision, targets: report.targets, summary: report.summary },
    }],
  };
}

export function renderSarif(report: Report, _options: ReporterOptions = {}): string {
  return JSON.stringify(sarifLog(report), null, 2) + '\n';
}
