/**
 * `--format junit`: JUnit XML as Jenkins and GitLab read it. One `<testsuite>` per target, one
 * `<testcase classname="<category>" name="<id>">` per check, a `<failure type="<level>">` holding every
 * finding of a failed check, `<skipped/>` for skipped checks, and an `<error>` test case per target error.
 */
import type { CheckResult, Finding, Report } from '../report-types.js';
import { checksByTarget, corsRequestHeaders, corsResponseHeaders, plural, type ReporterOptions } from './common.js';

// XML 1.0 `Char` (https://www.w3.org/TR/xml/#charsets) is #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD]
// | [#x10000-#x10FFFF]; anything else makes the document ill-formed, and no escape can carry it (`&#1;` is
// ill-formed too). Those characters, plus the C1 controls XML allows but discourages, are replaced by a
// visible `\xNN` / `\uNNNN` spelling: a hostile control byte is worth seeing in a CI report, and dropping it
// silently would show a different value than the server sent.
const notXmlChar = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function spell(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x100 ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
}

const textEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const attributeEntities: Readonly<Record<string, string>> = {
  ...textEntities, '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;',
};

/**
 * Character data: `&`, `<`, `>` as entities (`>` so `]]>` cannot occur), CR as `&#13;` so parsers do not
 * normalize it away, characters XML 1.0 cannot hold spelled out.
 */
export function xmlText(value: string): string {
  return String(value).replace(notXmlChar, spell).replace(/[&<>\r]/g, (c) => textEntities[c]!);
}

/** An attribute value (always written in double quotes): also quotes, and TAB/LF as character references
 * so attribute-value normalization keeps them. */
export function xmlAttribute(value: string | number): string {
  return String(value).replace(notXmlChar, spell).replace(/[&<>\r"'\t\n]/g, (c) => attributeEntities[c]!);
}

/** A property run can find one cause in hundreds of exchanges; CI pages only need the first few. */
export const MAX_FINDINGS_PER_FAILURE = 10;

const seconds = (ms: number): string => (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);

export function renderJunit(report: Report, _options: ReporterOptions = {}): string {
  const suites: string[] = [];
  const byTarget = checksByTarget(report);
  for (const error of report.errors) if (!byTarget.has(error.target)) byTarget.set(error.target, []);
  for (const [target, checks] of byTarget) {
    const errors = report.errors.filter((e) => e.target === target);
    suites.push(...testsuite(target, checks, errors, report));
  }
  const failures = report.checks.filter((c) => c.status === 'failed').length;
  const skipped = report.checks.filter((c) => c.status === 'skipped').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttribute(report.tool.name)}" tests="${report.checks.length + report.errors.length}" ` +
      `failures="${failures}" errors="${report.errors.length}" skipped="${skipped}" time="${seconds(report.summary.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testsuite(target: string, checks: readonly CheckResult[], errors: Report['errors'], report: Report): string[] {
  const failures = checks.filter((c) => c.status === 'failed').length;
  const skipped = checks.filter((c) => c.status === 'skipped').length;
  const time = checks.reduce((sum, c) => sum + (Number.isFinite(c.durationMs) ? c.durationMs : 0), 0);
  const lines = [
    `  <testsuite name="${xmlAttribute(target)}" tests="${checks.length + errors.length}" failures="${failures}" ` +
      `errors="${errors.length}" skipped="${skipped}" time="${seconds(time)}">`,
    '    <properties>',
    `      <property name="profile" value="${xmlAttribute(report.profile)}"/>`,
    `      <property name="seed" value="${xmlAttribute(report.seed)}"/>`,
    `      <property name="fetchRevision" value="${xmlAttribute(report.fetchRevision)}"/>`,
    `      <property name="version" value="${xmlAttribute(report.tool.version)}"/>`,
    '    </properties>',
  ];
  for (const check of checks) lines.push(...testcase(check));
  for (const error of errors) {
    lines.push(
      '    <testcase classname="target" name="target-error" time="0.000">',
      `      <error message="${xmlAttribute(error.message)}" type="TargetError">${xmlText(error.message)}</error>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>');
  return lines;
}

function testcase(check: CheckResult): string[] {
  const open = `    <testcase classname="${xmlAttribute(check.category)}" name="${xmlAttribute(check.id)}" time="${seconds(check.durationMs)}"`;
  if (check.status === 'passed') return [open + '/>'];
  if (check.status === 'skipped') {
    const message = check.skipReason === undefined ? '' : ` message="${xmlAttribute(check.skipReason)}"`;
    return [open + '>', `      <skipped${message}/>`, '    </testcase>'];
  }
  const first = check.findings[0];
  const message = first === undefined ? check.title
    : first.title + (check.findings.length > 1 ? ` (${plural(check.findings.length, 'exchange')})` : '');
  const shown = check.findings.slice(0, MAX_FINDINGS_PER_FAILURE);
  const more = check.findings.length - shown.length;
  const text = check.findings.length === 0 ? `${check.title}\nAnchor: ${check.anchor}`
    : shown.map(findingText).join('\n\n') + (more > 0 ? `\n\n(${plural(more, 'more exchange')} with this finding; see --format json)` : '');
  return [
    open + '>',
    `      <failure message="${xmlAttribute(message)}" type="${xmlAttribute(check.level)}">${xmlText(text)}</failure>`,
    '    </testcase>',
  ];
}

/** A finding as plain text: what CI shows under the failed test. Values are exact (not cut). */
export function findingText(f: Finding): string {
  const lines = [
    `[${f.level} · ${f.severity}] ${f.id}: ${f.title}`,
    `Target: ${f.target}`,
    `Anchor: ${f.anchor} ${f.url}`,
    `Expected: ${f.expected}`,
    `Actual: ${f.actual}`,
  ];
  const ex = f.exchange;
  if (ex.preflight !== null && ex.preflight !== undefined) {
    lines.push(`Preflight: ${ex.preflight.request.method} ${ex.preflight.request.url}`);
    for (const [name, value] of corsRequestHeaders(ex.preflight.request.headers).shown) lines.push(`  > ${name}: ${value}`);
    lines.push(`  < ${ex.preflight.response.status}`);
    for (const [name, value] of corsResponseHeaders(ex.preflight.response.headers).shown) lines.push(`  < ${name}: ${value}`);
  }
  if (ex.request !== null && ex.request !== undefined) {
    lines.push(`Request: ${ex.request.method} ${ex.request.url}`);
    for (const [name, value] of corsRequestHeaders(ex.request.headers).shown) lines.push(`  > ${name}: ${value}`);
  }
  if (ex.response !== null && ex.response !== undefined) {
    lines.push(`  < ${ex.response.status}`);
    for (const [name, value] of corsResponseHeaders(ex.response.headers).shown) lines.push(`  < ${name}: ${value}`);
  }
  lines.push(`Browser: ${f.browser.outcome}${f.browser.failedAt === null ? '' : ` at ${f.browser.failedAt}`}`);
  lines.push(`Reproduce: ${f.reproduce.curl}`);
  if (f.reproduce.seed !== undefined) lines.push(`Replay: --seed ${f.reproduce.seed}${f.reproduce.path === undefined ? '' : ` --path ${f.reproduce.path}`}`);
  lines.push(`Fix: ${f.fix}`);
  return lines.join('\n');
}
