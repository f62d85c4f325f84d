/**
 * The report for humans (`--format text`): header, findings grouped by cause with the exchange and how to
 * reproduce and fix each, skipped checks, target errors and the summary line. Pure: the CLI prints it.
 */
import { styleText } from 'node:util';
import type { Exchange, ExchangeRequest, ExchangeResponse, FindingLevel, Report } from '../report-types.js';
import {
  anchorLink, corsRequestHeaders, corsResponseHeaders, displayValue, groupFindings, MAX_VALUE_LENGTH, plural,
  shortRevision, summaryLine, type FindingGroup, type ReporterOptions,
} from './common.js';

type Style = Parameters<typeof styleText>[0];
export type Paint = (style: Style, text: string) => string;

export function painter(color: boolean | undefined): Paint {
  // validateStream: false keeps this pure; whether to colour is the caller's decision (TTY, NO_COLOR).
  return color === true ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}

const levelStyle: Record<FindingLevel, 'red' | 'yellow' | 'cyan'> = { must: 'red', should: 'yellow', info: 'cyan' };
const levelMark: Record<FindingLevel, string> = { must: '✗', should: '!', info: '·' };

/** The labels of a group's detail lines, padded to one column. */
const label = (name: string): string => `  ${(name + ':').padEnd(13)}`;

export function renderText(report: Report, options: ReporterOptions = {}): string {
  const paint = painter(options.color);
  const max = options.maxValueLength ?? MAX_VALUE_LENGTH;
  const lines: string[] = [...header(report, paint, max)];
  const groups = groupFindings(report);
  lines.push('');
  if (groups.length === 0) {
    lines.push(paint('green', 'No findings.'));
  } else {
    lines.push(paint('bold', `Findings: ${plural(groups.length, 'cause')} in ${plural(report.findings.length, 'exchange')}`));
    for (const group of groups) lines.push('', ...findingGroup(group, report, paint, max));
  }
  const skipped = report.checks.filter((c) => c.status === 'skipped');
  if (skipped.length > 0) {
    lines.push('', paint('bold', `Skipped (${skipped.length}):`));
    for (const check of skipped) {
      const reason = check.skipReason === undefined ? '' : `: ${displayValue(check.skipReason, max)}`;
      lines.push(paint('gray', `  - ${displayValue(check.id, max)} [${displayValue(check.target, max)}]${reason}`));
    }
  }
  if (report.errors.length > 0) {
    lines.push('', paint(['bold', 'red'], `Target errors (${report.errors.length}):`));
    for (const error of report.errors) lines.push(`  ! ${displayValue(error.target, max)}: ${displayValue(error.message, max)}`);
  }
  const failing = report.summary.findings.must > 0 || report.errors.length > 0;
  lines.push('', paint(['bold', failing ? 'red' : 'green'], summaryLine(report)));
  return lines.join('\n') + '\n';
}

function header(report: Report, paint: Paint, max: number): string[] {
  const lines = [
    paint('bold', `${report.tool.name} ${displayValue(report.tool.version, max)}`) +
      ` · Fetch ${displayValue(shortRevision(report.fetchRevision), max)} · profile ${displayValue(report.profile, max)} · seed ${report.seed}`,
  ];
  if (report.targets.length === 1) lines.push(`Target: ${displayValue(report.targets[0], max)}`);
  else {
    lines.push(`Targets (${report.targets.length}):`);
    for (const target of report.targets) lines.push(`  ${displayValue(target, max)}`);
  }
  if (report.policy !== null && report.policy !== undefined) {
    lines.push(`Policy: ${displayValue(JSON.stringify(report.policy) ?? String(report.policy), max)}`);
  } else if (report.inferred !== undefined) {
    lines.push("Policy: none; intent inferred from the server's answers:");
    for (const item of report.inferred) lines.push(`  - ${displayValue(item, max)}`);
    if (report.inferred.length === 0) lines.push('  (nothing)');
  } else {
    lines.push('Policy: none');
  }
  return lines;
}

function findingGroup(group: FindingGroup, report: Report, paint: Paint, max: number): string[] {
  const first = group.findings[0];
  const badge = `${group.level.toUpperCase()} · ${group.severity}${group.category === 'security' ? ' · security' : ''}`;
  const title = group.check?.title ?? first.title;
  const link = anchorLink(first.anchor, first.url) ?? first.url;
  const lines = [
    `${paint(['bold', levelStyle[group.level] ?? 'red'], `${levelMark[group.level] ?? '✗'} [${badge}]`)} ${paint('bold', displayValue(group.id, max))}  ${displayValue(title, max)}`,
    label('Target') + displayValue(group.target, max),
    label('Anchor') + `${displayValue(first.anchor, max)}  ${paint('underline', displayValue(link, max))}`,
    label('Seen in') + plural(group.findings.length, 'exchange') + (group.findings.length > 1 ? ' (the first is shown)' : ''),
    label('Requirement') + displayValue(first.title, max),
    label('Expected') + displayValue(first.expected, max),
    label('Actual') + displayValue(first.actual, max),
    label('Exchange').trimEnd(),
    ...exchange(first.exchange, first.browser.outcome === 'network-error', paint, max),
    label('Browser') + browserOutcome(first.browser, report.profile, max),
    label('Reproduce') + displayValue(first.reproduce.curl, max * 10),
  ];
  const replay = [
    first.reproduce.seed === undefined ? '' : `--seed ${first.reproduce.seed}`,
    first.reproduce.path === undefined ? '' : `--path ${displayValue(first.reproduce.path, max)}`,
  ].filter((s) => s !== '').join(' ');
  if (replay !== '') lines.push(label('Replay') + replay);
  lines.push(label('Fix') + paint('green', displayValue(first.fix, max)));
  return lines;
}

function browserOutcome(browser: { outcome: string; failedAt: string | null }, profile: string, max: number): string {
  const where = browser.outcome === 'network-error'
    ? `network error${browser.failedAt === null ? '' : ` at ${displayValue(browser.failedAt, max)}`}`
    : `response reaches script${browser.failedAt === null ? '' : ` (${displayValue(browser.failedAt, max)})`}`;
  return `${where} (profile ${displayValue(profile, max)})`;
}

/** The preflight and actual request/response, CORS-relevant headers only. */
function exchange(ex: Exchange, blocked: boolean, paint: Paint, max: number): string[] {
  const lines: string[] = [];
  if (ex.preflight !== null && ex.preflight !== undefined) {
    lines.push(...requestLines('preflight', ex.preflight.request, paint, max), ...responseLines(ex.preflight.response, paint, max));
  }
  if (ex.request !== null && ex.request !== undefined) lines.push(...requestLines('actual', ex.request, paint, max));
  else if (ex.preflight !== null && ex.preflight !== undefined) {
    lines.push(paint('gray', blocked ? '    actual     (not sent: the preflight failed)' : '    actual     (not sent by this probe)'));
  }
  if (ex.response !== null && ex.response !== undefined) lines.push(...responseLines(ex.response, paint, max));
  if (lines.length === 0) lines.push(paint('gray', '    (no exchange recorded)'));
  return lines;
}

function requestLines(kind: 'preflight' | 'actual', request: ExchangeRequest, paint: Paint, max: number): string[] {
  const { shown, hidden } = corsRequestHeaders(request.headers);
  return [
    `    ${kind.padEnd(10)} > ${displayValue(request.method, max)} ${displayValue(request.url, max)}`,
    ...headerLines(shown, hidden, paint, max),
  ];
}

function responseLines(response: ExchangeResponse, paint: Paint, max: number): string[] {
  const { shown, hidden } = corsResponseHeaders(response.headers);
  return [`    ${''.padEnd(10)} < ${response.status}`, ...headerLines(shown, hidden, paint, max)];
}

function headerLines(shown: readonly (readonly [string, string])[], hidden: number, paint: Paint, max: number): string[] {
  const lines = shown.map(([name, value]) => `                 ${paint('gray', displayValue(name, max) + ':')} ${displayValue(value, max)}`);
  if (hidden > 0) lines.push(paint('gray', `                 (+${plural(hidden, 'other header')})`));
  return lines;
}

/**
 * One progress-bar line for the runner to redraw on a TTY, at most `width` characters:
 * `[█████░░░░░] 12/40  30%`. Pure; out-of-range inputs are clamped.
 */
export function formatProgress(done: number, total: number, width: number): string {
  const safeTotal = Number.isFinite(total) && total > 0 ? Math.floor(total) : 0;
  const safeDone = Math.min(Math.max(Number.isFinite(done) ? Math.floor(done) : 0, 0), safeTotal);
  const ratio = safeTotal === 0 ? 0 : safeDone / safeTotal;
  const suffix = ` ${String(safeDone).padStart(String(safeTotal).length)}/${safeTotal} ${String(Math.floor(ratio * 100)).padStart(3)}%`;
  const room = Math.floor(Number.isFinite(width) ? width : 0);
  const barWidth = room - suffix.length - 2;
  if (barWidth < 1) return suffix.trimStart().slice(0, Math.max(room, 0));
  const filled = Math.floor(ratio * barWidth);
  return `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]${suffix}`;
}
