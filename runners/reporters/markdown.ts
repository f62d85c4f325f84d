/**
 * `--format markdown`: a report for a PR comment or a REPORT.md section (GitHub-flavoured Markdown): a
 * table of findings by category and level, a table of causes, then each cause with its exchange and `curl`
 * in a details block. Every value from the server is escaped, cut when long, and kept out of raw HTML.
 */
import type { Exchange, ExchangeRequest, ExchangeResponse, FindingCategory, Report } from '../report-types.js';
import {
  anchorLink, corsRequestHeaders, corsResponseHeaders, displayValue, groupFindings, levelOrder, MAX_VALUE_LENGTH, plural,
  shortRevision, summaryLine, type FindingGroup, type ReporterOptions,
} from './common.js';

const categories: readonly FindingCategory[] = ['conformance', 'security', 'cache', 'robustness'];

/**
 * Inline text: cut, unsafe characters escaped, and the characters Markdown or a GFM table give meaning to
 * (including `|` and backticks) backslash-escaped, so a value renders as itself and stays in its cell.
 * (`(`, `)` and `!` only matter next to `[`, which is escaped.)
 */
export function markdownText(value: unknown, max: number = MAX_VALUE_LENGTH): string {
  return displayValue(value, max)
    .replace(/[\\`*_[\]<>|#~&]/g, (c) => '\\' + c)
    // At the start of a list item or line these would open a nested list, an ordered list or a setext heading.
    .replace(/^[-+=]/, (c) => '\\' + c)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An inline code span that holds any text: the fence is longer than the longest run of backticks inside. */
export function markdownCode(value: unknown, max: number = MAX_VALUE_LENGTH): string {
  const text = displayValue(value, max);
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  if (text === '') return '` `';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return fence + pad + text + pad + fence;
}

/** A fenced code block whose fence no line of the content can close. */
function codeBlock(info: string, lines: readonly string[]): string[] {
  const fence = '`'.repeat(Math.max(3, ...lines.map((l) => longestBacktickRun(l) + 1)));
  return [fence + info, ...lines, fence];
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

export function renderMarkdown(report: Report, options: ReporterOptions = {}): string {
  const max = options.maxValueLength ?? MAX_VALUE_LENGTH;
  const groups = groupFindings(report);
  const failing = groups.filter((g) => g.level === 'must').length;
  const lines: string[] = [
    `## ${report.tool.name}: ${groups.length === 0 ? 'no findings' : `${plural(groups.length, 'cause')}${failing > 0 ? `, ${failing} failing (must)` : ''}`}`,
    '',
    header(report, max),
    '',
    ...categoryTable(report),
  ];
  if (groups.length > 0) {
    lines.push('', '| level | check | target | exchanges |', '|---|---|---|---:|');
    for (const g of groups) {
      lines.push(`| ${g.level} · ${g.severity} | ${markdownText(g.id, max)} | ${markdownText(g.target, max)} | ${g.findings.length} |`);
    }
    lines.push('', '### Findings');
    for (const group of groups) lines.push('', ...findingGroup(group, report, max));
  }
  const skipped = report.checks.filter((c) => c.status === 'skipped');
  if (skipped.length > 0) {
    lines.push('', `### Skipped (${skipped.length})`, '');
    for (const c of skipped) {
      lines.push(`- ${markdownCode(c.id, max)} on ${markdownCode(c.target, max)}${c.skipReason === undefined ? '' : `: ${markdownText(c.skipReason, max)}`}`);
    }
  }
  if (report.errors.length > 0) {
    lines.push('', `### Target errors (${report.errors.length})`, '');
    for (const e of report.errors) lines.push(`- ${markdownCode(e.target, max)}: ${markdownText(e.message, max)}`);
  }
  lines.push('', `**${markdownText(summaryLine(report), Infinity)}**`);
  return lines.join('\n') + '\n';
}

function header(report: Report, max: number): string {
  const revision = /^[0-9a-f]{40}$/i.test(report.fetchRevision)
    ? `[${markdownCode(shortRevision(report.fetchRevision))}](https://github.com/whatwg/fetch/blob/${report.fetchRevision}/fetch.bs)`
    : markdownCode(report.fetchRevision, max);
  const targets = report.targets.length === 0 ? 'no target' : report.targets.map((t) => markdownCode(t, max)).join(', ');
  const parts = [
    `**${report.targets.length === 1 ? 'Target' : 'Targets'}:** ${targets}`,
    `profile ${markdownCode(report.profile, max)}`, `seed ${markdownCode(report.seed, max)}`, `Fetch ${revision}`,
    `${markdownText(report.tool.name, max)} ${markdownCode(report.tool.version, max)}`,
  ];
  let text = parts.join(' · ');
  if (report.policy !== null && report.policy !== undefined) {
    text += `\n\n**Policy:** ${markdownCode(JSON.stringify(report.policy) ?? String(report.policy), max)}`;
  } else if (report.inferred !== undefined) {
    text += "\n\n**Policy:** none; intent inferred from the server's answers:\n";
    text += report.inferred.length === 0 ? '\n- (nothing)' : report.inferred.map((i) => `\n- ${markdownText(i, max)}`).join('');
  }
  return text;
}

/** Findings (exchanges) per category and level; `security` in the summary counts the same findings again. */
function categoryTable(report: Report): string[] {
  const lines = ['| category | must | should | info |', '|---|---:|---:|---:|'];
  const total = { must: 0, should: 0, info: 0 };
  for (const category of categories) {
    const counts = levelOrder.map((level) => report.findings.filter((f) => f.category === category && f.level === level).length);
    counts.forEach((n, i) => { total[levelOrder[i]!] += n; });
    lines.push(`| ${category} | ${counts.join(' | ')} |`);
  }
  lines.push(`| **total** | ${total.must} | ${total.should} | ${total.info} |`);
  return lines;
}

function findingGroup(group: FindingGroup, report: Report, max: number): string[] {
  const first = group.findings[0];
  const title = group.check?.title ?? first.title;
  const link = anchorLink(first.anchor, first.url) ?? first.url;
  const lines = [
    `#### ${group.level.toUpperCase()} · ${group.severity} · ${markdownCode(group.id, max)}: ${markdownText(title, max)}`,
    '',
    `- **Target:** ${markdownCode(group.target, max)}`,
    `- **Anchor:** [${markdownCode(first.anchor, max)}](${link.replace(/[()\s<>]/g, encodeURIComponent)})`,
    `- **Requirement:** ${markdownText(first.title, max)}`,
    `- **Expected:** ${markdownText(first.expected, max)}`,
    `- **Actual:** ${markdownText(first.actual, max)}`,
    `- **Browser** (profile ${markdownCode(report.profile, max)}): ${first.browser.outcome === 'ok' ? 'the response reaches script'
      : `network error${first.browser.failedAt === null ? '' : ` at ${markdownCode(first.browser.failedAt, max)}`}`}`,
    `- **Fix:** ${markdownText(first.fix, max)}`,
    '',
    `<details><summary>Exchange and reproduce (${plural(group.findings.length, 'exchange')}${group.findings.length > 1 ? ', the first shown' : ''})</summary>`,
    '',
    ...codeBlock('http', exchangeLines(first.exchange, max)),
    '',
    ...codeBlock('sh', [displayValue(first.reproduce.curl, max * 10)]),
  ];
  const replay = [
    first.reproduce.seed === undefined ? '' : `--seed ${first.reproduce.seed}`,
    first.reproduce.path === undefined ? '' : `--path ${first.reproduce.path}`,
  ].filter((s) => s !== '').join(' ');
  if (replay !== '') lines.push('', `Replay: ${markdownCode(replay, max)}`);
  lines.push('', '</details>');
  return lines;
}

function exchangeLines(ex: Exchange, max: number): string[] {
  const lines: string[] = [];
  if (ex.preflight !== null && ex.preflight !== undefined) {
    lines.push(...requestLines('preflight', ex.preflight.request, max), '', ...responseLines(ex.preflight.response, max));
  }
  if (ex.request !== null && ex.request !== undefined) {
    if (lines.length > 0) lines.push('');
    lines.push(...requestLines('actual', ex.request, max));
  }
  if (ex.response !== null && ex.response !== undefined) lines.push('', ...responseLines(ex.response, max));
  return lines.length === 0 ? ['(no exchange recorded)'] : lines;
}

function requestLines(kind: string, request: ExchangeRequest, max: number): string[] {
  const { shown, hidden } = corsRequestHeaders(request.headers);
  return [
    `${displayValue(request.method, max)} ${displayValue(request.url, max)}   # ${kind}`,
    ...shown.map(([name, value]) => `${displayValue(name, max)}: ${displayValue(value, max)}`),
    ...(hidden > 0 ? [`# +${plural(hidden, 'other header')}`] : []),
  ];
}

function responseLines(response: ExchangeResponse, max: number): string[] {
  const { shown, hidden } = corsResponseHeaders(response.headers);
  return [
    `HTTP ${response.status}`,
    ...shown.map(([name, value]) => `${displayValue(name, max)}: ${displayValue(value, max)}`),
    ...(hidden > 0 ? [`# +${plural(hidden, 'other header')}`] : []),
  ];
}
