/** A verdict as a readable step trace with anchor links (`explain --format text`). Pure. */
import { anchorUrl, type StepRef } from '../../spec/anchors.js';
import type { TraceStep, Verdict } from '../../reference/browser/index.js';
import { painter, type Paint } from './text.js';

export interface TextOptions {
  readonly color: boolean;
}

type Style = Parameters<Paint>[0];

const marks: Record<TraceStep['result'], { mark: string; style: Style }> = {
  pass: { mark: '✓', style: 'green' },
  fail: { mark: '✗', style: 'red' },
  info: { mark: '·', style: 'gray' },
};

/** Beyond-spec references (`browser:…`, `practice:…`) have no Fetch anchor to link. */
function link(step: string): string {
  return /^(browser|practice|security):/.test(step) ? step : anchorUrl(step as StepRef);
}

export function formatVerdictText(verdict: Verdict, options: TextOptions): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  const ok = verdict.outcome === 'ok';
  lines.push(paint(ok ? 'green' : 'red', ok ? `OK: ${verdict.reason}` : `NETWORK ERROR at ${verdict.failedAt}: ${verdict.reason}`) +
    paint('gray', `  [profile ${verdict.profile}]`));
  lines.push('', 'Requests the browser sends:');
  for (const request of verdict.requests) {
    lines.push(`  ${request.kind === 'preflight' ? 'preflight' : 'actual   '} ${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers)) lines.push(paint('gray', `      ${name}: ${value}`));
  }
  if (verdict.requests.length === 0) lines.push('  (none)');
  if (verdict.preflight.fromCache) lines.push(paint('gray', '  (the preflight cache answered for the preflight)'));
  if (ok) {
    lines.push('', `Script sees: status ${verdict.status}, headers: ${verdict.exposedHeaders.length === 0 ? '(none)' : verdict.exposedHeaders.join(', ')}`);
  }
  lines.push('', 'Trace:');
  for (const step of verdict.trace) {
    const { mark, style } = marks[step.result];
    lines.push(`  ${paint(style, mark)} ${paint('bold', step.step)}  ${step.detail}`);
    if (step.result === 'fail') lines.push(paint('gray', `      ${link(step.step)}`));
  }
  return lines.join('\n') + '\n';
}
