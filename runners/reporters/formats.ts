/** The report formats, apart from the reporters themselves (the CLI checks `--format` before loading them). */
export const formats = ['text', 'json', 'jsonl', 'tap', 'junit', 'sarif', 'markdown'] as const;
export type ReportFormat = (typeof formats)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (formats as readonly string[]).includes(value);
}
