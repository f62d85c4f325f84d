/**
 * Two yardsticks for the model's speed on the preflighted credentialed shape, to tell how far a general
 * machine could go: both return the verdict `runCase` returns for that case, byte for byte (tested).
 *
 * - `outputOnly` builds the verdict with every decision already taken: the eleven trace lines, the two
 *   requests as sent, the exposed names. No machine can be faster than this on the same verdict.
 * - `specialised` takes the decisions too, as straight-line code for this one shape only: no profiles, no
 *   validation of names or values, no redirects, a list for a preflight cache. It throws on any case that
 *   would leave the path it knows, so it cannot quietly measure a shorter one.
 *
 * Not a model: a measure of what the verdict itself costs on this machine. See the README's performance
 * section.
 */
import type { Case, CaseHeaders, SentRequest, TraceStep, Verdict } from '../reference/browser/index.js';

const safelistedResponseHeaderNames = new Set([
  'cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma',
]);

interface Lines { readonly names: string[]; readonly values: string[] }

function lines(headers: CaseHeaders | undefined): Lines {
  const names: string[] = [];
  const values: string[] = [];
  for (const name in headers) {
    const value = headers[name]!;
    names.push(name.toLowerCase());
    values.push(typeof value === 'string' ? value : value.join(', '));
  }
  return { names, values };
}

function get(list: Lines, name: string): string | null {
  let combined: string | null = null;
  for (let i = 0; i < list.names.length; i++) {
    if (list.names[i] === name) combined = combined === null ? list.values[i]! : `${combined}, ${list.values[i]!}`;
  }
  return combined;
}

/** Comma-separated tokens, trimmed of spaces and tabs, empty ones dropped. */
function tokens(value: string | null, lowercase: boolean): string[] {
  const out: string[] = [];
  if (value === null) return out;
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) !== 0x2c) continue;
    let a = start;
    let b = i;
    while (a < b && (value.charCodeAt(a) === 0x20 || value.charCodeAt(a) === 0x09)) a++;
    while (b > a && (value.charCodeAt(b - 1) === 0x20 || value.charCodeAt(b - 1) === 0x09)) b--;
    if (b > a) out.push(lowercase ? value.slice(a, b).toLowerCase() : value.slice(a, b));
    start = i + 1;
  }
  return out;
}

function leave(why: string): never {
  throw new Error(`model-floor: this yardstick only follows the preflighted credentialed shape (${why})`);
}

const urls = new Map<string, string>();

export function specialised(c: Case): Verdict {
  const r = c.request;
  if (c.preflight === undefined || c.response === undefined || r.credentials !== 'include' || (r.mode ?? 'cors') !== 'cors') leave('case');
  let href = urls.get(r.url);
  if (href === undefined) urls.set(r.url, href = new URL(r.url).href);
  const method = r.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'POST') leave('a CORS-safelisted method');
  const origin = r.origin;
  const trace: TraceStep[] = [];
  trace.push({ step: 'concept-main-fetch', result: 'info', detail: `${method} ${href} from the page, mode cors, credentials include` });
  const author = lines(r.headers);
  const unsafe: string[] = [];
  for (let i = 0; i < author.names.length; i++) {
    const name = author.names[i]!;
    if (name === 'accept' || name === 'accept-language' || name === 'content-language') leave('a safelisted request header');
    if (name === 'content-type' && author.values[i] !== 'application/json') leave('a Content-Type other than application/json');
    unsafe.push(name);
  }
  unsafe.sort();
  trace.push({ step: 'concept-main-fetch:12', result: 'info', detail: `cross-origin request with a preflight: ${method} is not a CORS-safelisted method` });
  const listed = unsafe.join(',');
  trace.push({ step: 'concept-http-fetch:4.1', result: 'info', detail: `no preflight cache entry for method ${method} and headers ${unsafe.join(', ')}: a preflight is needed` });
  const preflight: SentRequest = {
    kind: 'preflight', method: 'OPTIONS', url: href,
    headers: { origin, accept: '*/*', 'access-control-request-method': method, 'access-control-request-headers': listed },
  };
  trace.push({ step: 'cors-preflight-fetch-0:5', result: 'info', detail: `preflight OPTIONS ${href} with Access-Control-Request-Method ${method} and Access-Control-Request-Headers ${listed}` });
  const answer = lines(c.preflight.headers);
  if (get(answer, 'access-control-allow-origin') !== origin || get(answer, 'access-control-allow-credentials') !== 'true') leave('preflight CORS check');
  trace.push({ step: 'concept-cors-check:7', result: 'pass', detail: `preflight: Access-Control-Allow-Origin matches "${origin}" and Access-Control-Allow-Credentials is true` });
  const status = c.preflight.status;
  if (status < 200 || status > 299) leave('preflight status');
  trace.push({ step: 'cors-preflight-fetch-0:7', result: 'pass', detail: `preflight status ${status} is an ok status` });
  const methods = tokens(get(answer, 'access-control-allow-methods'), false);
  const names = tokens(get(answer, 'access-control-allow-headers'), true);
  if (!methods.includes(method)) leave('method not allowed');
  trace.push({ step: 'cors-preflight-fetch-0:7.5', result: 'pass', detail: `method ${method} is allowed` });
  for (const name of unsafe) if (!names.includes(name)) leave('header not allowed');
  trace.push({ step: 'cors-preflight-fetch-0:7.7', result: 'pass', detail: 'every CORS-unsafe request-header name is allowed' });
  const maxAgeLine = get(answer, 'access-control-max-age');
  if (maxAgeLine === null || !/^[0-9]{1,9}$/.test(maxAgeLine)) leave('Access-Control-Max-Age');
  const maxAge = Number(maxAgeLine);
  trace.push({ step: 'cors-preflight-fetch-0:7.8', result: 'info', detail: `Access-Control-Max-Age ${maxAge} s` });
  const cache: { readonly key: string; readonly name: string; readonly expires: number }[] = [];
  cache.push({ key: `${origin} ${href}`, name: method, expires: maxAge });
  for (const name of names) cache.push({ key: `${origin} ${href}`, name, expires: maxAge });
  const sent: Record<string, string> = { origin };
  for (let i = 0; i < author.names.length; i++) sent[author.names[i]!] = author.values[i]!;
  const actual: SentRequest = { kind: 'actual', method, url: href, headers: sent };
  const response = lines(c.response.headers);
  if (get(response, 'access-control-allow-origin') !== origin || get(response, 'access-control-allow-credentials') !== 'true') leave('CORS check');
  trace.push({ step: 'concept-cors-check:7', result: 'pass', detail: `response (${c.response.status}): Access-Control-Allow-Origin matches "${origin}" and Access-Control-Allow-Credentials is true` });
  const exposed = tokens(get(response, 'access-control-expose-headers'), true);
  if (exposed.includes('*')) leave('a wildcard in Access-Control-Expose-Headers');
  const visible: string[] = [];
  for (const name of response.names) {
    if ((safelistedResponseHeaderNames.has(name) || exposed.includes(name)) && !visible.includes(name)) visible.push(name);
  }
  visible.sort();
  trace.push({ step: 'concept-filtered-response-cors', result: 'info', detail: `script can read: ${visible.join(', ')}` });
  return {
    profile: 'spec', outcome: 'ok', failedAt: null, reason: `script gets the cors response with status ${c.response.status}`,
    requests: [preflight, actual], preflight: { sent: true, fromCache: false }, status: c.response.status, type: 'cors',
    exposedHeaders: visible, trace,
  };
}

/** The same verdict with every decision taken in advance: what building the verdict alone costs. */
export function outputOnly(c: Case): Verdict {
  const r = c.request;
  const href = r.url;
  const method = r.method!;
  const origin = r.origin;
  const headers = r.headers as Readonly<Record<string, string>>;
  const status = c.response!.status;
  const visible = ['content-type', 'x-request-id'];
  const trace: TraceStep[] = [
    { step: 'concept-main-fetch', result: 'info', detail: `${method} ${href} from the page, mode cors, credentials include` },
    { step: 'concept-main-fetch:12', result: 'info', detail: `cross-origin request with a preflight: ${method} is not a CORS-safelisted method` },
    { step: 'concept-http-fetch:4.1', result: 'info', detail: `no preflight cache entry for method ${method} and headers content-type, x-api-key: a preflight is needed` },
    { step: 'cors-preflight-fetch-0:5', result: 'info', detail: `preflight OPTIONS ${href} with Access-Control-Request-Method ${method} and Access-Control-Request-Headers content-type,x-api-key` },
    { step: 'concept-cors-check:7', result: 'pass', detail: `preflight: Access-Control-Allow-Origin matches "${origin}" and Access-Control-Allow-Credentials is true` },
    { step: 'cors-preflight-fetch-0:7', result: 'pass', detail: `preflight status ${c.preflight!.status} is an ok status` },
    { step: 'cors-preflight-fetch-0:7.5', result: 'pass', detail: `method ${method} is allowed` },
    { step: 'cors-preflight-fetch-0:7.7', result: 'pass', detail: 'every CORS-unsafe request-header name is allowed' },
    { step: 'cors-preflight-fetch-0:7.8', result: 'info', detail: `Access-Control-Max-Age ${c.preflight!.headers!['access-control-max-age'] as string} s` },
    { step: 'concept-cors-check:7', result: 'pass', detail: `response (${status}): Access-Control-Allow-Origin matches "${origin}" and Access-Control-Allow-Credentials is true` },
    { step: 'concept-filtered-response-cors', result: 'info', detail: `script can read: ${visible.join(', ')}` },
  ];
  return {
    profile: 'spec', outcome: 'ok', failedAt: null, reason: `script gets the cors response with status ${status}`,
    requests: [
      { kind: 'preflight', method: 'OPTIONS', url: href, headers: { origin, accept: '*/*', 'access-control-request-method': method, 'access-control-request-headers': 'content-type,x-api-key' } },
      { kind: 'actual', method, url: href, headers: { origin, 'content-type': headers['content-type']!, 'x-api-key': headers['x-api-key']! } },
    ],
    preflight: { sent: true, fromCache: false }, status, type: 'cors', exposedHeaders: visible, trace,
  };
}
