/**
 * Names the check a browser failure belongs to, from the verdict and the response that failed it.
 * Pure: the runner feeds it what it sent and received.
 */
import { headerListGet, type HeaderList } from '../../spec/header-list.js';
import { ACAH, ACAM, ACAO } from '../../spec/headers.js';
import { isOkStatus, isRedirectStatus } from '../../spec/status.js';
import type { SentRequest, Verdict } from '../../reference/browser/index.js';
import type { CheckId } from './registry.js';

export interface FailedExchange {
  /** The request whose response the browser refused (the last one sent). */
  readonly request: SentRequest;
  readonly status: number;
  readonly headers: HeaderList;
  /** Whether the request was credentialed (credentials mode include). */
  readonly credentialed: boolean;
}

/** What is wrong with an Access-Control-Allow-Origin value compared with the origin sent. */
function acaoProblem(value: string, origin: string, credentialed: boolean): CheckId {
  if (value === '*' && credentialed) return 'acao/wildcard-with-credentials';
  if (value.includes(',') || /\s/.test(value)) return 'acao/multiple-values';
  if (value.toLowerCase() === origin.toLowerCase()) return 'acao/case';
  if (value.startsWith(origin + '/')) return 'acao/trailing-slash';
  if (value === origin + ':443' || value === origin + ':80') return 'acao/default-port';
  return 'acao/mismatch';
}

const listed = (value: string | null, item: string): boolean =>
  value !== null && value.split(',').some((token) => token.trim() === item);

function corsCheckFailure(verdict: Verdict, failed: FailedExchange): CheckId {
  const step = verdict.failedAt;
  const preflight = failed.request.kind === 'preflight';
  const redirect = failed.status >= 300 && failed.status < 400 && headerListGet(failed.headers, 'location') !== null;
  if (redirect && !preflight) return 'redirect/cors';
  if (step === 'concept-cors-check:8') return preflight ? 'preflight/acac' : 'acac/not-true';
  if (step === 'concept-cors-check:2') return preflight ? 'preflight/acao-missing' : 'acao/missing';
  // The preflight's Access-Control-Allow-Origin is judged like the actual response's: name the
  // precise problem (two lines, a slash, `*` with credentials) and fall back to a plain mismatch.
  const problem = acaoProblem(headerListGet(failed.headers, ACAO) ?? '', failed.request.headers['origin'] ?? '', failed.credentialed);
  return preflight && problem === 'acao/mismatch' ? 'preflight/acao-mismatch' : problem;
}

function preflightFailure(verdict: Verdict, failed: FailedExchange, method: string): CheckId | null {
  const acam = headerListGet(failed.headers, ACAM);
  const acah = headerListGet(failed.headers, ACAH);
  switch (verdict.failedAt) {
    case 'cors-preflight-fetch-0:7':
      return isRedirectStatus(failed.status) ? 'preflight/redirect' : 'preflight/ok-status';
    case 'cors-preflight-fetch-0:7.3':
      return verdict.reason.startsWith('Access-Control-Allow-Methods') ? 'preflight/acam-invalid' : 'preflight/acah-invalid';
    case 'cors-preflight-fetch-0:7.5':
      if (failed.credentialed && listed(acam, '*')) return 'preflight/method-wildcard-with-credentials';
      if (acam !== null && acam.split(',').some((token) => token.trim().toLowerCase() === method.toLowerCase())) return 'preflight/method-case';
      return 'preflight/method-not-allowed';
    case 'cors-preflight-fetch-0:7.6':
      return listed(acah, '*') ? 'preflight/authorization-wildcard' : 'preflight/header-not-allowed';
    case 'cors-preflight-fetch-0:7.7':
      return failed.credentialed && listed(acah, '*') ? 'preflight/header-wildcard-with-credentials' : 'preflight/header-not-allowed';
    default:
      return null;
  }
}

/** The check id for a network error, or null when the failure is not the server's doing. */
export function classifyFailure(verdict: Verdict, failed: FailedExchange, method: string): CheckId | null {
  const step = verdict.failedAt ?? '';
  // A preflight answered with a redirect or an error status fails whatever headers it carries
  // (cors-preflight-fetch-0:7), and the handlers that answer so (auth, routers, trailing-slash
  // redirects) rarely write CORS headers: the status is the cause to fix, not the missing header.
  if (failed.request.kind === 'preflight' && !isOkStatus(failed.status) && (step.startsWith('concept-cors-check:') || step.startsWith('cors-preflight-fetch-0:'))) {
    return isRedirectStatus(failed.status) ? 'preflight/redirect' : 'preflight/ok-status';
  }
  if (step.startsWith('concept-cors-check:')) return corsCheckFailure(verdict, failed);
  if (step.startsWith('cors-preflight-fetch-0:')) return preflightFailure(verdict, failed, method);
  if (step.startsWith('concept-http-redirect-fetch:')) return 'redirect/location';
  return null;
}
