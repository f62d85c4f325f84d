/** The report formats of `--format` (DESIGN §7): each a pure function from a report to text. */
import type { FindingLevel, Report } from '../report-types.js';
import type { ReporterOptions } from './common.js';
import { renderJson } from './json.js';
import { renderJsonl } from './jsonl.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTap } from './tap.js';
import { renderText } from './text.js';

import { formats, type ReportFormat } from './formats.js';

export { formats, isReportFormat, type ReportFormat } from './formats.js';

export interface RenderOptions extends ReporterOptions {
  /** The run's `--level`; TAP marks failures below it `# TODO` (they do not fail the run). */
  readonly failLevel?: FindingLevel;
}

const reporters = {
  text: renderText,
  json: renderJson,
  jsonl: renderJsonl,
  tap: renderTap,
  junit: renderJunit,
  sarif: renderSarif,
  markdown: renderMarkdown,
} as const satisfies Record<ReportFormat, (report: Report, options: RenderOptions) => string>;

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  const reporter: (report: Report, options: RenderOptions) => string = reporters[format];
  if (reporter === undefined) throw new RangeError(`unknown report format ${JSON.stringify(format)}; one of ${formats.join(', ')}`);
  return reporter(report, options);
}

export type { ReporterOptions } from './common.js';
export { formatProgress } from './text.js';
export { formatJsonlEvent, jsonlStartEvent, type JsonlEvent } from './jsonl.js';
export { reportJsonSchema } from './json.js';
