/**
 * The browser requests a trusted page would make under the intent, deterministic ones first:
 * the simple requests, each intended method, each intended header alone and all together, with
 * and without credentials. Generators produce browser-realistic requests only (STYLE.md §16).
 */
import fc from 'fast-check';
import type { CaseRequest, CredentialsMode } from '../../reference/browser/index.js';
import type { CheckId } from '../checks/registry.js';
import type { Intent } from '../intent.js';

export interface ConformanceProbe {
  /** A short label for reports, e.g. "PUT with x-api-key, credentials include". */
  readonly label: string;
  readonly request: CaseRequest;
  /**
   * The only checks this probe may report, when the intent does not promise that the request works
   * (it only asks whether the server leans on something browsers disagree about); absent: any check.
   */
  readonly reports?: readonly CheckId[];
}

/** A realistic value for a request header, so the header is judged by its name. */
export function sampleHeaderValue(name: string): string {
  switch (name) {
    case 'content-type': return 'application/json';
    case 'authorization': return 'Bearer cors-conformance';
    case 'accept': return 'application/json';
    case 'accept-language': case 'content-language': return 'en';
    case 'range': return 'bytes=0-99';
    default: return 'cors-conformance';
  }
}

const MAX_ORIGINS = 3;

function credentialModes(intent: Intent): CredentialsMode[] {
  return intent.credentials ? ['include', 'omit'] : ['omit'];
}

function describe(method: string, headers: readonly string[], credentials: CredentialsMode, origin: string): string {
  return `${method}${headers.length > 0 ? ` with ${headers.join(', ')}` : ''} from ${origin}${credentials === 'include' ? ', credentials include' : ''}`;
}

export function buildRequest(url: string, origin: string, method: string, headers: readonly string[], credentials: CredentialsMode): CaseRequest {
  const withBody = method !== 'GET' && method !== 'HEAD';
  return {
    url, origin, method, credentials,
    ...(headers.length > 0 && { headers: Object.fromEntries(headers.map((name) => [name, sampleHeaderValue(name)])) }),
    ...(withBody && { body: true }),
  };
}

/** The deterministic conformance probes for one target URL. */
export function conformanceProbes(intent: Intent, url: string): ConformanceProbe[] {
  const probes: ConformanceProbe[] = [];
  const add = (origin: string, method: string, headers: readonly string[], credentials: CredentialsMode, reports?: readonly CheckId[]) =>
    probes.push({
      label: describe(method, headers, credentials, origin), request: buildRequest(url, origin, method, headers, credentials),
      ...(reports !== undefined && { reports }),
    });
  for (const origin of intent.trustedOrigins.slice(0, MAX_ORIGINS)) {
    for (const credentials of credentialModes(intent)) {
      add(origin, 'GET', [], credentials);
      for (const method of intent.methods) add(origin, method, [], credentials);
      for (const header of intent.headers) add(origin, 'GET', [header], credentials);
      if (intent.headers.length > 1 || (intent.headers.length > 0 && intent.methods.length > 0)) {
        add(origin, intent.methods[0] ?? 'POST', intent.headers, credentials);
      }
      if (intent.headerWildcard && credentials === 'omit') {
        add(origin, 'GET', ['x-cors-conformance'], credentials);
        // `*` never covers Authorization (cors-non-wildcard-request-header-name), so a server may well
        // refuse it; the probe only asks whether the server relies on `*` to allow it.
        add(origin, 'GET', ['authorization'], credentials, ['preflight/authorization-wildcard']);
      }
    }
  }
  return probes;
}

/** Generated requests within the intent: trusted origin, intended method, a subset of intended headers. */
export function intendedRequestArbitrary(intent: Intent, urls: readonly string[]): fc.Arbitrary<CaseRequest> | null {
  if (intent.trustedOrigins.length === 0 || urls.length === 0) return null;
  const headers = [...intent.headers, ...(intent.headerWildcard ? ['x-cors-conformance'] : [])];
  return fc.record({
    url: fc.constantFrom(...urls),
    origin: fc.constantFrom(...intent.trustedOrigins),
    method: fc.constantFrom('GET', ...intent.methods, 'POST', 'HEAD'),
    headers: fc.subarray(headers),
    credentials: fc.constantFrom<CredentialsMode>(...credentialModes(intent).reverse()),
  }).map(({ url, origin, method, headers: names, credentials }) =>
    buildRequest(url, origin, method, credentials === 'include' ? names.filter((n) => n !== 'x-cors-conformance' || !intent.headerWildcard) : names, credentials));
}
