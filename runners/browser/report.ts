/** Text and JSON for what the browser and the model showed of a case. Pure. */
import { ACRH, ACRM, ORIGIN } from '../../spec/headers.js';
import type { Case, ObservedRequest } from '../../reference/browser/index.js';
import type { CaseRun, Observed } from './run-case.js';

function requestLine(request: ObservedRequest): string {
  const h = request.headers;
  const parts = [
    h[ORIGIN] !== undefined ? `Origin: ${h[ORIGIN]}` : 'no Origin',
    ...(h[ACRM] !== undefined ? [`ACRM: ${h[ACRM]}`] : []),
    ...(h[ACRH] !== undefined ? [`ACRH: ${h[ACRH]}`] : []),
  ];
  return `${request.kind.padEnd(9)} ${request.method} ${request.url}  (${parts.join('; ')})`;
}

/** One exchange as a few readable lines. */
export function formatObserved(observed: Observed, indent = '  '): string {
  if (observed.outcome === 'input-error') return `${indent}input error (the request was never made): ${observed.message}`;
  if (observed.outcome === 'timeout') return `${indent}TIMEOUT: the fetch did not settle`;
  const lines = observed.requests.length === 0 ? ['no request reached the server'] : observed.requests.map(requestLine);
  const result = observed.outcome === 'network-error'
    ? 'network error'
    : `${observed.type} response, status ${observed.status}, script reads: ${observed.exposedHeaders.join(', ') || '(no headers)'}`;
  return [...lines, `=> ${result}`].map((line) => indent + line).join('\n');
}

/** The browser's and the model's view of every exchange, side by side, differences marked (`both`: print the model's even when the same). */
export function formatCaseRun(run: CaseRun, browserName: string, profile: string, both = false): string {
  const out: string[] = [];
  const count = Math.max(run.model.length, run.browser.length);
  for (let i = 0; i < count; i++) {
    const model = run.model[i];
    const browser = run.browser[i];
    const same = run.sameAt[i] === true;
    const label = count === 1 ? 'request' : i === count - 1 ? `main request (exchange ${i + 1} of ${count})` : `history[${i}]`;
    out.push(`${label}: ${same ? 'same' : 'DIFFERENT'}`);
    out.push(`  ${browserName} (observed):`, browser === undefined ? '    (not run)' : formatObserved(browser, '    '));
    if (!same || both) out.push(`  model (profile ${profile}):`, model === undefined ? '    (not run)' : formatObserved(model, '    '));
    else out.push(`  model (profile ${profile}): the same`);
  }
  return out.join('\n') + '\n';
}

/** The JSON form: the case, and per exchange what each side showed. */
export function caseRunJson(c: Case, run: CaseRun, browser: { readonly name: string; readonly version: string }, profile: string): unknown {
  return {
    browser, profile, same: run.same, case: c,
    exchanges: run.model.map((model, i) => ({ same: run.sameAt[i] ?? false, browser: run.browser[i] ?? null, model })),
  };
}
