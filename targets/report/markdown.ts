/**
 * REPORT.md from result files, and nothing else: the matrix (one row per implementation x configuration,
 * one column per check family), each row's configuration and findings, the coverage of Fetch anchors by
 * checks, and the targets that did not run. Pure: the same results give the same bytes.
 */
import { anchorUrl, type StepRef } from '../../spec/anchors.js';
import { renderReport } from '../../runners/reporters/index.js';
import { markdownCode, markdownText } from '../../runners/reporters/markdown.js';
import type { CheckResult, FindingLevel, Report } from '../../runners/report-types.js';
import { checks, type Check } from '../../suites/checks/registry.js';
import type { TargetResult } from './results.js';

/** The matrix columns: check id prefixes, in the order a request meets them. */
export const FAMILIES = ['acao', 'acac', 'preflight', 'expose', 'redirect', 'security', 'cache', 'robustness'] as const;
export type Family = (typeof FAMILIES)[number];

export interface Cell {
  /** `fail`: must or should findings; `pass`: exercised without them; `none`: nothing exercised. */
  readonly status: 'fail' | 'pass' | 'none';
  /** Check ids with findings, by the highest level among each check's findings. */
  readonly must: readonly string[];
  readonly should: readonly string[];
  readonly info: readonly string[];
}

export interface MatrixRow {
  readonly id: string;
  readonly implementation: string;
  readonly configuration: string;
  readonly version: string;
  readonly cells: Readonly<Record<Family, Cell>>;
  /** Harness or target errors during the run (the row may be incomplete). */
  readonly errors: readonly string[];
}

const levelRank: Record<FindingLevel, number> = { must: 0, should: 1, info: 2 };

function highestLevel(check: CheckResult): FindingLevel | null {
  let best: FindingLevel | null = null;
  for (const finding of check.findings) if (best === null || levelRank[finding.level] < levelRank[best]) best = finding.level;
  return best;
}

/** One cell: the checks of a family on this row, by what they found. */
export function familyCell(report: Report, family: Family): Cell {
  const inFamily = report.checks.filter((check) => check.id.startsWith(`${family}/`));
  const by = (level: FindingLevel) => inFamily.filter((check) => highestLevel(check) === level).map((check) => check.id).sort();
  const must = by('must');
  const should = by('should');
  const info = by('info');
  const exercised = inFamily.some((check) => check.status !== 'skipped');
  const status = must.length + should.length > 0 ? 'fail' : exercised ? 'pass' : 'none';
  return { status, must, should, info };
}

/** The matrix rows of the results that ran, in the order given. */
export function buildMatrix(results: readonly TargetResult[]): MatrixRow[] {
  return results.flatMap((result) => {
    const report = result.report;
    if (report === null) return [];
    const cells = Object.fromEntries(FAMILIES.map((family) => [family, familyCell(report, family)])) as Record<Family, Cell>;
    return [{
      id: result.target.id, implementation: result.target.implementation, configuration: result.target.configuration,
      version: result.target.version ?? '', cells, errors: report.errors.map((e) => e.message),
    }];
  });
}

/** A heading anchor GitHub keeps (`user-content-` prefixed, resolved by its script) and other renderers use as is. */
export function rowAnchor(id: string): string {
  return 'row-' + id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A code span that stays in its table cell: GFM splits cells on `|` before it reads code spans. */
export function cellCode(value: string): string {
  return markdownCode(value).replace(/\|/g, '\\|');
}

const shortId = (family: Family, id: string) => id.startsWith(`${family}/`) ? id.slice(family.length + 1) : id;

/** A cell's text: `**fail** ids` for must, `should ids`, `info ids`, `pass`, or `–` when not exercised. */
export function renderCell(family: Family, cell: Cell): string {
  const ids = (list: readonly string[]) => list.map((id) => cellCode(shortId(family, id))).join(', ');
  const parts: string[] = [];
  if (cell.must.length > 0) parts.push(`**fail** ${ids(cell.must)}`);
  if (cell.should.length > 0) parts.push(`should ${ids(cell.should)}`);
  if (cell.status === 'pass') parts.push('pass');
  if (cell.info.length > 0) parts.push(`info ${ids(cell.info)}`);
  if (parts.length === 0) return '–';
  return parts.join('<br>');
}

export function renderMatrix(rows: readonly MatrixRow[]): string[] {
  const lines = [
    `| implementation | configuration | version | ${FAMILIES.join(' | ')} |`,
    `|---|---|---|${FAMILIES.map(() => '---').join('|')}|`,
  ];
  for (const row of rows) {
    const name = `[${markdownText(row.implementation)}](#${rowAnchor(row.id)})<br>${cellCode(row.id)}`;
    const configuration = markdownText(row.configuration) + (row.errors.length > 0 ? '<br>⚠ run errors, see below' : '');
    lines.push(`| ${name} | ${configuration} | ${row.version === '' ? '–' : cellCode(row.version)} | ${FAMILIES.map((family) => renderCell(family, row.cells[family])).join(' | ')} |`);
  }
  return lines;
}

export interface CoverageRow {
  readonly anchor: string;
  readonly check: Check;
  /** Ids of the rows where this check has must or should findings. */
  readonly failingRows: readonly string[];
  /** Ids of the rows where this check has only info findings. */
  readonly infoRows: readonly string[];
  /** How many rows exercised it (did not skip it). */
  readonly exercisedRows: number;
}

/** Every check of the registry with its anchor, and where it failed; grouped by anchor in registry order. */
export function coverageRows(results: readonly TargetResult[], registry: readonly Check[] = checks): CoverageRow[] {
  const ran = results.filter((r): r is TargetResult & { report: Report } => r.report !== null);
  const rows = registry.map((check) => {
    const inRows = ran.map((r) => ({ id: r.target.id, result: r.report.checks.find((c) => c.id === check.id) }));
    return {
      anchor: check.anchor.split(':')[0]!, check,
      failingRows: inRows.filter(({ result }) => result !== undefined && result.findings.some((f) => f.level !== 'info')).map(({ id }) => id),
      infoRows: inRows.filter(({ result }) => result !== undefined && result.findings.length > 0 && result.findings.every((f) => f.level === 'info')).map(({ id }) => id),
      exercisedRows: inRows.filter(({ result }) => result !== undefined && result.status !== 'skipped').length,
    };
  });
  const order = [...new Set(rows.map((row) => row.anchor))];
  return order.flatMap((anchor) => rows.filter((row) => row.anchor === anchor));
}

function anchorHref(ref: string, source: string | undefined): string | undefined {
  if (/^(practice|security|browser):/.test(ref)) return source;
  return anchorUrl(ref as StepRef);
}

export function renderCoverage(rows: readonly CoverageRow[], rowCount: number): string[] {
  const lines = ['| Fetch anchor | step | check | level | category | exercised by | fails on |', '|---|---|---|---|---|---:|---|'];
  let previous = '';
  for (const row of rows) {
    const step = row.check.anchor.includes(':') ? row.check.anchor.slice(row.check.anchor.indexOf(':') + 1) : '';
    const href = anchorHref(row.check.anchor, row.check.source);
    const anchor = row.anchor === previous ? '〃' : href === undefined ? cellCode(row.anchor) : `[${cellCode(row.anchor)}](${href})`;
    previous = row.anchor;
    const fails = [
      ...(row.failingRows.length > 0 ? [row.failingRows.map((id) => `[${cellCode(id)}](#${rowAnchor(id)})`).join(', ')] : []),
      ...(row.infoRows.length > 0 ? [`info on ${row.infoRows.length} ${row.infoRows.length === 1 ? 'row' : 'rows'}`] : []),
    ].join('<br>') || '–';
    lines.push(`| ${anchor} | ${step === '' ? '' : cellCode(step)} | ${cellCode(row.check.id)} | ${row.check.level} | ${row.check.category} | ${row.exercisedRows} / ${rowCount} | ${fails} |`);
  }
  return lines;
}

/** Shifts every Markdown heading down by `by` levels (at most 6), leaving fenced code blocks alone. */
export function demoteHeadings(markdown: string, by: number): string {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const opening = /^(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (opening !== null && opening[1]!.startsWith(fence) && line.trim() === opening[1]) fence = null;
      return line;
    }
    if (opening !== null) {
      fence = opening[1]!;
      return line;
    }
    const heading = /^(#{1,6}) /.exec(line);
    if (heading === null) return line;
    return '#'.repeat(Math.min(6, heading[1]!.length + by)) + line.slice(heading[1]!.length);
  }).join('\n');
}

/** A fenced block whose fence no line of the content can close. */
export function fencedBlock(info: string, text: string): string[] {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence + info, ...text.split('\n'), fence];
}

/** One row's section: what it is, its configuration and intent, the notes, then the run's own Markdown report. */
export function renderRowSection(result: TargetResult & { report: Report }): string[] {
  const { target, report } = result;
  const lines = [
    `### ${markdownText(target.id)}`,
    '',
    `<a id="${rowAnchor(target.id)}"></a>**${markdownText(target.implementation)}**, ${markdownText(target.configuration)} · ${markdownCode(target.version ?? 'version unknown')}`,
    '',
  ];
  if (target.config !== null) lines.push('Configuration under test:', '', ...fencedBlock(target.config.language, target.config.text), '');
  lines.push(`What it means (the policy the suite judges it by): ${markdownCode(JSON.stringify(target.policy), Infinity)}`, '');
  if (target.notes.length > 0) {
    lines.push('Notes:', '');
    for (const note of target.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  // Skipped checks are listed compactly below instead of in the reporter's own list.
  const shown: Report = { ...report, checks: report.checks.filter((check) => check.status !== 'skipped') };
  lines.push(demoteHeadings(renderReport(shown, 'markdown').trimEnd(), 2), '');
  const skipped = report.checks.filter((check) => check.status === 'skipped');
  if (skipped.length > 0) {
    lines.push(`<details><summary>Not exercised by this configuration (${skipped.length})</summary>`, '');
    for (const check of skipped) lines.push(`- ${markdownCode(check.id)}: ${markdownText(check.skipReason ?? '')}`);
    lines.push('', '</details>', '');
  }
  return lines;
}

export interface ReportMeta {
  /** The command that regenerates everything. */
  readonly command: string;
}

function revisionLink(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision)
    ? `[${markdownCode(revision.slice(0, 7))}](https://github.com/whatwg/fetch/blob/${revision}/fetch.bs)` : markdownCode(revision);
}

/** REPORT.md. Results are shown in the order given (the order of `allTargets`). */
export function renderReportMarkdown(results: readonly TargetResult[], meta: ReportMeta): string {
  const ran = results.filter((r): r is TargetResult & { report: Report } => r.report !== null);
  const notRun = results.filter((r) => r.report === null);
  const first = ran[0]?.report;
  const dates = ran.map((r) => r.run.date).sort();
  const day = (iso: string | undefined) => (iso === undefined ? 'never' : iso.slice(0, 10));
  const seeds = [...new Set(ran.map((r) => `seed ${r.run.seed}, ${r.run.runs} generated requests per property`))];
  const lines: string[] = [
    '# CORS conformance of real implementations',
    '',
    '<!-- Generated by `npm run report` from results/*.json: do not edit by hand. -->',
    '',
    `Run on ${day(dates[0])}${dates.length > 0 && day(dates[dates.length - 1]) !== day(dates[0]) ? ` to ${day(dates[dates.length - 1])}` : ''} ` +
      `with cors-conformance ${markdownCode(first?.tool.version ?? 'unknown')}, judged against the Fetch Standard at ` +
      `${revisionLink(first?.fetchRevision ?? 'unknown')} (profile ${markdownCode(first?.profile ?? 'spec')}; ${seeds.join('; ') || 'no runs'}).`,
    '',
    `Reproduce: ${markdownCode(meta.command)}. Add ${markdownCode('-- --install')} to apt-install the missing Debian packages first, ` +
      `or ${markdownCode('-- --from-results')} to rebuild this file from ${markdownCode('results/*.json')} without running anything.`,
    '',
    'Each row is one implementation in one configuration, judged by what that configuration means (its policy, shown with the row): ' +
      'a browser must be able to do what it allows, and must not be let in where it does not. ' +
      '**fail** marks must-level findings; *should* findings fail with `--level should`; *info* never fails; – means the configuration gives the family nothing to check (e.g. no credentials are meant).',
    '',
    `## Matrix (${ran.length} rows)`,
    '',
    ...renderMatrix(buildMatrix(ran)),
    '',
  ];
  if (notRun.length > 0) {
    lines.push(`## Not run (${notRun.length})`, '', '| target | implementation | why |', '|---|---|---|');
    for (const r of notRun) lines.push(`| ${cellCode(r.target.id)} | ${markdownText(r.target.implementation)} | ${markdownText(r.notRun ?? '', 400)} |`);
    lines.push('');
  }
  lines.push('## Rows', '');
  for (const r of ran) lines.push(...renderRowSection(r));
  lines.push('## Coverage: Fetch anchors and the checks that cite them', '', ...renderCoverage(coverageRows(results), ran.length), '');
  return lines.join('\n');
}
