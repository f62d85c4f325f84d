/**
 * `--format tap`: TAP version 14. One test point per check result, a YAML diagnostic block for each
 * failure, one failing test point per target error, the plan first and the summary as a final comment.
 * @see https://testanything.org/tap-version-14-specification.html
 */
import type { CheckResult, FindingLevel, Report } from '../report-types.js';
import { escapeUnsafe, levelOrder, shortRevision, summaryLine, type ReporterOptions } from './common.js';

export interface TapOptions extends ReporterOptions {
  /**
   * The run's `--level` (default `must`): failed checks below it are still `not ok` but carry a `# TODO`
   * directive, which TAP consumers do not count as failures, as the run does not (DESIGN §6).
   */
  readonly failLevel?: FindingLevel;
}

export function renderTap(report: Report, options: TapOptions = {}): string {
  const failRank = levelOrder.indexOf(options.failLevel ?? 'must');
  const lines = [
    'TAP version 14',
    `1..${report.checks.length + report.errors.length}`,
    `# ${tapComment(`${report.tool.name} ${report.tool.version} · Fetch ${shortRevision(report.fetchRevision)} · profile ${report.profile} · seed ${report.seed}`)}`,
  ];
  let n = 0;
  for (const check of report.checks) {
    n += 1;
    const point = `${n} - ${tapDescription(`${check.id} [${check.target}]`)}`;
    if (check.status === 'passed') lines.push(`ok ${point}`);
    else if (check.status === 'skipped') {
      lines.push(`ok ${point} # SKIP${check.skipReason === undefined ? '' : ' ' + tapDescription(check.skipReason)}`);
    } else {
      const todo = levelOrder.indexOf(check.level) > failRank ? ` # TODO ${check.level} level: does not fail this run` : '';
      lines.push(`not ok ${point}${todo}`, ...yamlBlock(failureDiagnostic(check)));
    }
  }
  for (const error of report.errors) {
    n += 1;
    lines.push(`not ok ${n} - ${tapDescription(`target error [${error.target}]`)}`, ...yamlBlock([['message', error.message]]));
  }
  lines.push(`# ${tapComment(summaryLine(report))}`);
  return lines.join('\n') + '\n';
}

type Diagnostic = readonly (readonly [string, string | number])[];

function failureDiagnostic(check: CheckResult): Diagnostic {
  const first = check.findings[0];
  const diagnostic: [string, string | number][] = [['level', check.level], ['category', check.category]];
  if (first === undefined) return [...diagnostic, ['anchor', check.anchor], ['title', check.title]];
  diagnostic.push(
    ['severity', first.severity], ['anchor', first.anchor], ['url', first.url], ['title', first.title],
    ['exchanges', check.findings.length], ['expected', first.expected], ['actual', first.actual],
    ['browser', first.browser.outcome + (first.browser.failedAt === null ? '' : ` at ${first.browser.failedAt}`)],
    ['curl', first.reproduce.curl],
  );
  if (first.reproduce.seed !== undefined) diagnostic.push(['seed', first.reproduce.seed]);
  if (first.reproduce.path !== undefined) diagnostic.push(['path', first.reproduce.path]);
  diagnostic.push(['fix', first.fix]);
  return diagnostic;
}

/** A YAML diagnostic block, indented two spaces under its test point. */
function yamlBlock(diagnostic: Diagnostic): string[] {
  return ['  ---', ...diagnostic.map(([key, value]) => `  ${key}: ${typeof value === 'number' ? yamlNumber(value) : yamlScalar(value)}`), '  ...'];
}

function yamlNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : yamlScalar(String(value));
}

// Words a YAML 1.1 or 1.2 reader would take for something other than a string.
const yamlKeywords = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A YAML scalar that reads back as exactly `value`: a plain word for simple slugs (`must`, `security`),
 * otherwise a double-quoted string escaping `\`, `"` and every character outside YAML's printable set,
 * plus NEL, LS, PS and BOM (some readers treat them as breaks) and bidirectional controls (they reorder
 * what a terminal shows). Lone surrogates become U+FFFD.
 */
export function yamlScalar(value: string): string {
  if (/^[a-z][a-z0-9-]*$/.test(value) && !yamlKeywords.test(value)) return value;
  return '"' + value.replace(/[\\"\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, yamlEscape) + '"';
}

const namedEscapes: Readonly<Record<string, string>> = {
  '\\': '\\\\', '"': '\\"', '\0': '\\0', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e',
  '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};

function yamlEscape(c: string): string {
  const named = namedEscapes[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
}

/**
 * A test point description or directive text: one line, with `\` and `#` escaped as TAP 14 requires
 * (`#` would otherwise start a directive). Unsafe characters are first shown as `\xNN` escapes.
 */
export function tapDescription(value: string): string {
  return escapeUnsafe(value).replace(/[\\#]/g, (c) => '\\' + c);
}

/** A comment line's text: one line, unsafe characters escaped. */
function tapComment(value: string): string {
  return escapeUnsafe(value);
}

