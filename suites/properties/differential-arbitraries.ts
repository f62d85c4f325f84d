/**
 * Cases for the differential test against real browsers (runners/browser): a request as script makes
 * it, the preflight answer, the actual answer, an optional redirect hop, and preflight-cache sequences
 * of two requests to one URL. Every field leans to the spec's edges: values at the safelist limits,
 * wildcards with and without credentials, case variants, repeated lines, invalid tokens, statuses
 * around 2xx/3xx, max-age forms, Authorization, `null`. Answers are described relative to the request
 * ("echo the method", "the exact origin") and resolved against it, so most cases pass most steps and
 * the failures that remain sit at one edge at a time. The first choice of each field is the simplest,
 * so shrinking heads for the plainest passing case.
 */
import fc from 'fast-check';
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, LOCATION } from '../../spec/headers.js';
import type {
  Case, CaseAnswer, CaseHeaders, CaseHistoryEntry, CaseRequest, CaseResponse, CredentialsMode,
} from '../../reference/browser/types.js';

export const PAGE = 'https://app.example';
export const API = 'https://api.example';
export const OTHER = 'https://other.example';

type Entry = readonly [string, string];
type Weighted<T> = readonly (readonly [number, T])[];

/** A weighted choice among constants; the first is the shrink target. */
function pick<T>(choices: Weighted<T>): fc.Arbitrary<T> {
  return fc.oneof(...choices.map(([weight, value]) => ({ weight, arbitrary: fc.constant(value) })));
}

const w1 = <T>(...values: T[]): Weighted<T> => values.map((value) => [1, value] as const);

// ---- the request -------------------------------------------------------------------------------

export const method = pick<string>([[6, 'GET'], [4, 'POST'], [1, 'HEAD'], [5, 'PUT'], [3, 'DELETE'], [2, 'PATCH'], [3, 'patch'],
  ...w1('put', 'OPTIONS', 'X-Custom', '*')]);

const safelistedEntry: fc.Arbitrary<Entry> = fc.oneof(
  pick<Entry>(w1(['accept', 'application/json'], ['Accept', '*/*'], ['accept-language', 'en-US'], ['accept-language', 'en_US'],
    ['content-language', 'de'], ['Content-Language', 'de-DE, fr'], ['content-type', 'text/plain'],
    ['content-type', 'application/x-www-form-urlencoded'], ['Content-Type', 'multipart/form-data; boundary=x'],
    ['content-type', 'text/plain; charset="utf-8"'], ['content-type', 'application/json'], ['content-type', 'text/'],
    ['content-type', 'TEXT/PLAIN;charset=UTF-8'], ['range', 'bytes=0-'], ['range', 'bytes=0-1'], ['range', 'bytes=-500'],
    ['range', 'Bytes=0-1'], ['range', 'bytes=0-1,2-3'], ['accept', 'a"b'], ['accept-language', 'en;q=0.5'])),
  // Values around the 128-byte limit.
  fc.integer({ min: 126, max: 130 }).map((n): Entry => ['accept', 'a'.repeat(n)]),
  fc.integer({ min: 126, max: 130 }).map((n): Entry => ['content-language', 'x'.repeat(n)]),
  fc.integer({ min: 126, max: 130 }).map((n): Entry => ['content-type', 'text/plain;a=' + 'b'.repeat(n - 13)]),
);

const unsafeEntry = pick<Entry>(w1(['x-api-key', 'k'], ['X-Requested-With', 'XMLHttpRequest'], ['authorization', 'Bearer t'],
  ['Authorization', 'Basic eDp5'], ['x-empty', ''], ['X-Custom-Header', 'a b']));

/** Chromium safelists these (with value rules); the spec does not. */
const clientHintEntry = pick<Entry>(w1(['save-data', 'on'], ['Save-Data', 'ON'], ['save-data', 'off'], ['dpr', '2'], ['dpr', '1.5'],
  ['width', '100'], ['width', '1.5'], ['viewport-width', '800'], ['device-memory', '8'], ['rtt', '50'], ['downlink', '1.5'],
  ['ect', '4g'], ['ect', '5g'], ['intervention', 'x']));

/** Script may set these, but the Headers API drops them silently (or keeps them, as the spec says). */
const forbiddenEntry = pick<Entry>(w1(['cookie', 'a=b'], ['x-http-method-override', 'TRACE'], ['x-http-method-override', 'DELETE'],
  ['proxy-x', '1'], ['sec-x', '1'], ['origin', 'https://evil.example'], ['access-control-request-method', 'PUT'],
  ['keep-alive', '1'], ['te', 'trailers'], ['user-agent', 'x'], ['referer', 'https://r.example/'], ['date', '0']));

/**
 * Distinct safelisted names (spec and Chromium's) with values of 120-128 bytes: eight or more of them
 * go over the 1024-byte total even where repeats are combined.
 */
const fullBudget: fc.Arbitrary<readonly Entry[]> = fc.tuple(fc.integer({ min: 5, max: 11 }), fc.integer({ min: 120, max: 128 }))
  .map(([count, n]) => ([
    ['accept', 'a'.repeat(n)], ['accept-language', 'b'.repeat(n)], ['content-language', 'c'.repeat(n)],
    ['content-type', 'text/plain;a=' + 'd'.repeat(n - 13)], ['intervention', 'e'.repeat(n)], ['dpr', '1'.repeat(n)],
    ['width', '2'.repeat(n)], ['rtt', '3'.repeat(n)], ['downlink', '4'.repeat(n)], ['device-memory', '5'.repeat(n)],
    ['viewport-width', '6'.repeat(n)],
  ] as const).slice(0, count));

/** One append, the same append repeated (9 x 128 bytes goes over the 1024-byte total), or a full budget. */
const headerAppends: fc.Arbitrary<readonly Entry[]> = fc.oneof(
  { weight: 6, arbitrary: fc.oneof({ weight: 3, arbitrary: safelistedEntry }, { weight: 3, arbitrary: unsafeEntry },
    { weight: 1, arbitrary: clientHintEntry }, { weight: 1, arbitrary: forbiddenEntry }).map((entry) => [entry]) },
  { weight: 1, arbitrary: fc.tuple(safelistedEntry, fc.integer({ min: 2, max: 9 })).map(([entry, n]) => Array<Entry>(n).fill(entry)) },
  { weight: 1, arbitrary: fullBudget },
);

/** Case headers in append order: names keep their spelling; repeats of one spelling become an array. */
function headerObject(entries: readonly Entry[]): CaseHeaders {
  const out = new Map<string, string[]>();
  for (const [name, value] of entries) out.set(name, [...(out.get(name) ?? []), value]);
  return Object.fromEntries([...out].map(([name, values]) => [name, values.length === 1 ? values[0]! : values]));
}

export const requestHeaders = fc.array(headerAppends, { maxLength: 3 }).map((groups) => headerObject(groups.flat()));

export const credentials = pick<CredentialsMode>([[3, 'same-origin'], [2, 'omit'], [4, 'include']]);

export const request: fc.Arbitrary<CaseRequest> = fc.record({
  method, headers: requestHeaders, credentials,
  mode: pick<'cors' | 'no-cors' | 'same-origin'>([[16, 'cors'], [2, 'no-cors'], [1, 'same-origin']]),
  redirect: pick<'follow' | 'error' | 'manual'>([[12, 'follow'], [1, 'error'], [1, 'manual']]),
  origin: pick([[12, PAGE], [1, 'null']]),
  target: pick([[10, API], [1, PAGE]]),
  path: pick(w1('/items', '/items?q=1', '/a%20b')),
  body: fc.boolean(),
}).map(({ method: m, headers, credentials: c, mode, redirect, origin, target, path, body }) => ({
  url: target + path, method: m, origin, credentials: c,
  ...(mode !== 'cors' && { mode }), ...(redirect !== 'follow' && { redirect }),
  ...(Object.keys(headers).length > 0 && { headers }),
  ...(body && m.toUpperCase() !== 'GET' && m.toUpperCase() !== 'HEAD' && { body: true }),
}));

// ---- the answers, relative to the request ------------------------------------------------------

type OriginChoice = 'exact' | '*' | 'null' | 'slash' | 'upper' | 'port' | 'padded' | 'twice' | 'list' | 'other' | 'empty' | 'star-twice';
const originChoice = pick<OriginChoice | undefined>([[10, 'exact'], [4, '*'], [3, undefined],
  ...w1<OriginChoice>('null', 'slash', 'upper', 'port', 'padded', 'twice', 'list', 'other', 'empty', 'star-twice')]);

function originValue(choice: OriginChoice | undefined, origin: string): string | readonly string[] | undefined {
  switch (choice) {
    case undefined: return undefined;
    case 'exact': return origin;
    case '*': return '*';
    case 'null': return 'null';
    case 'slash': return origin + '/';
    case 'upper': return origin.toUpperCase();
    case 'port': return origin + ':443';
    case 'padded': return ` ${origin} `;
    case 'twice': return [origin, origin];
    case 'list': return `${origin}, ${OTHER}`;
    case 'other': return OTHER;
    case 'empty': return '';
    case 'star-twice': return ['*', '*'];
  }
}

const credentialsValue = pick<string | readonly string[] | undefined>([[8, 'true'], [3, undefined],
  ...w1<string | readonly string[]>('True', 'false', ' true ', ['true', 'true'], 'TRUE')]);

type ListChoice = 'echo' | 'upper' | 'lower' | '*' | 'echo-star' | 'with-other' | 'space' | 'semicolon' | 'quoted' | 'empty' | 'lines' | 'leading-comma' | 'trailing-comma' | 'drop-one' | 'authorization' | 'star-authorization' | 'non-ascii' | 'other';
const listChoice = pick<ListChoice | undefined>([[10, 'echo'], [4, undefined], [3, '*'],
  ...w1<ListChoice>('upper', 'lower', 'echo-star', 'with-other', 'space', 'semicolon', 'quoted', 'empty', 'lines',
    'leading-comma', 'trailing-comma', 'drop-one', 'authorization', 'star-authorization', 'non-ascii', 'other')]);

/** An allow-list value built from the tokens the request needs (`items`), or a deliberate mistake. */
function listValue(choice: ListChoice | undefined, items: readonly string[], other: string): string | readonly string[] | undefined {
  const joined = items.join(', ');
  switch (choice) {
    case undefined: return undefined;
    case 'echo': return joined;
    case 'upper': return joined.toUpperCase();
    case 'lower': return joined.toLowerCase();
    case '*': return '*';
    case 'echo-star': return items.length > 0 ? `${joined}, *` : '*';
    case 'with-other': return [other, ...items].join(', ');
    case 'space': return [other, ...items].join(' ');
    case 'semicolon': return `${joined};`;
    case 'quoted': return `"${joined}"`;
    case 'empty': return '';
    case 'lines': return items.length > 0 ? items : [''];
    case 'leading-comma': return `,${joined}`;
    case 'trailing-comma': return `${joined},`;
    case 'drop-one': return items.slice(1).join(', ');
    case 'authorization': return 'authorization';
    case 'star-authorization': return '*, Authorization';
    case 'non-ascii': return `${joined}, ü`;
    case 'other': return other;
  }
}

// No lifetime of 1 s: a sequence's "at once" second request may land over a second later on a loaded machine.
export const maxAge = pick<string | readonly string[] | undefined>([[6, undefined], ...w1<string | readonly string[]>('0', '2', '5', '600',
  '7200', '7201', '86400', '-1', '+2', '+60', '1.5', 'abc', ['2', '2'], '2, 2', '99999999999999999999', ' 3 ', '02')]);

const preflightStatus = pick([[8, 204], [6, 200], ...w1(299, 201, 202, 300, 301, 302, 304, 307, 308, 400, 401, 403, 404, 405, 500, 503)]);
const actualStatus = pick([[10, 200], ...w1(201, 204, 206, 299, 300, 304, 400, 404, 410, 500)]);

/** What a preflight answer says, relative to the request it answers. */
export interface PreflightPlan {
  readonly status: number;
  readonly origin: OriginChoice | undefined;
  readonly credentials: string | readonly string[] | undefined;
  readonly methods: ListChoice | undefined;
  readonly headers: ListChoice | undefined;
  readonly maxAge: string | readonly string[] | undefined;
}

export const preflightPlan: fc.Arbitrary<PreflightPlan> = fc.record({
  status: preflightStatus, origin: originChoice, credentials: credentialsValue, methods: listChoice, headers: listChoice, maxAge,
});

const exposeValue = pick<string | readonly string[] | undefined>([[5, undefined], [3, '*'], [3, 'x-request-id'],
  ...w1<string | readonly string[]>('X-Request-Id, set-cookie', 'x-a x-b', ',x-request-id', 'x-request-id,', ['x-request-id', 'etag'],
    '*, etag', 'set-cookie', '', 'ETAG', ['*', '*'])]);

/** Response headers that are not CORS headers: safelisted, exposable, forbidden, repeated. None makes a response HTTP-cacheable. */
const extraResponseHeaders = fc.subarray<Entry>([['content-type', 'text/plain'], ['x-request-id', '42'], ['X-Request-Id', '43'],
  ['set-cookie', 'a=b'], ['etag', '"1"'], ['content-language', 'en'], ['cache-control', 'no-store'], ['pragma', 'no-cache'],
  ['expires', '0'], ['content-length', '2'], ['x-empty', ''], ['vary', 'Origin']]);

/** What an actual (or redirect) answer says, relative to the request it answers. */
export interface ActualPlan {
  readonly status: number;
  readonly origin: OriginChoice | undefined;
  readonly credentials: string | readonly string[] | undefined;
  readonly expose: string | readonly string[] | undefined;
  readonly extra: readonly Entry[];
}

const actualPlanWith = (status: fc.Arbitrary<number>): fc.Arbitrary<ActualPlan> => fc.record({
  status, origin: originChoice, credentials: credentialsValue, expose: exposeValue, extra: extraResponseHeaders,
});
export const actualPlan = actualPlanWith(actualStatus);

/**
 * For requests repeated within a case: no status an HTTP cache keeps fresh without being told (300 and
 * 410 in Chromium), since the model has no HTTP cache and a cached answer would never reach the server.
 */
const repeatableActualPlan = actualPlanWith(pick([[10, 200], ...w1(201, 204, 206, 299, 304, 400, 404, 500)]));

/** Case headers from name/value pairs, dropping absent values; repeated names become arrays. */
function headersOf(entries: readonly (readonly [string, string | readonly string[] | undefined])[]): CaseHeaders {
  const flat: Entry[] = [];
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const one of typeof value === 'string' ? [value] : value) flat.push([name, one]);
  }
  return headerObject(flat);
}

const lowerNames = (headers: CaseHeaders | undefined): string[] => [...new Set(Object.keys(headers ?? {}).map((n) => n.toLowerCase()))].sort();

export function preflightAnswer(plan: PreflightPlan, req: CaseRequest): CaseResponse {
  return {
    status: plan.status,
    headers: headersOf([
      [ACAO, originValue(plan.origin, req.origin)], [ACAC, plan.credentials],
      [ACAM, listValue(plan.methods, [req.method ?? 'GET'], 'GET')],
      [ACAH, listValue(plan.headers, lowerNames(req.headers), 'x-other')], [ACMA, plan.maxAge],
    ]),
  };
}

export function actualAnswer(plan: ActualPlan, origin: string, status = plan.status, more: readonly Entry[] = []): CaseResponse {
  return {
    status,
    headers: headersOf([[ACAO, originValue(plan.origin, origin)], [ACAC, plan.credentials], [ACEH, plan.expose], ...plan.extra, ...more]),
  };
}

// ---- one request, with an optional redirect hop ------------------------------------------------

type HopTarget = 'same' | 'other' | 'page' | 'relative' | 'userinfo' | 'data' | 'none' | 'twice';
export const hopPlan = fc.record({
  status: pick(w1(302, 301, 303, 307, 308)),
  target: pick<HopTarget>([[3, 'same'], [3, 'other'], [2, 'page'], ...w1<HopTarget>('relative', 'userinfo', 'data', 'none', 'twice')]),
  answer: actualPlan,
});

function hopLocation(target: HopTarget, from: string): { location: string | readonly string[] | undefined; url: string | null } {
  const base = new URL(from);
  switch (target) {
    case 'same': return { location: `${base.origin}/moved`, url: `${base.origin}/moved` };
    case 'other': return { location: `${OTHER}/moved`, url: `${OTHER}/moved` };
    case 'page': return { location: `${PAGE}/back`, url: `${PAGE}/back` };
    case 'relative': return { location: 'moved', url: new URL('moved', from).href };
    // The server never sees credentials, so this answer is matched by kind only.
    case 'userinfo': return { location: `${base.protocol}//u:p@${base.host}/moved`, url: null };
    case 'data': return { location: 'data:,x', url: null };
    case 'none': return { location: undefined, url: null };
    case 'twice': return { location: [`${base.origin}/moved`, `${base.origin}/moved`], url: null };
  }
}

/** The origin the request carries after the hop: `null` once a cross-origin request is redirected to another origin. */
function originAfterHop(req: CaseRequest, target: HopTarget): string {
  const leaves = target === 'other' || (target === 'page' && new URL(req.url).origin !== PAGE);
  return leaves && new URL(req.url).origin !== req.origin ? 'null' : req.origin;
}

const entriesOf = (name: string, value: string | readonly string[] | undefined): Entry[] =>
  value === undefined ? [] : (typeof value === 'string' ? [value] : value).map((one): Entry => [name, one]);

/** A single request: its preflight answer, and either a final answer or a redirect, its target's preflight and final answer. */
export const singleCase: fc.Arbitrary<Case> = fc.record({
  request, preflight: preflightPlan, response: actualPlan, hop: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hopPlan }),
  secondPreflight: preflightPlan,
}).map(({ request: req, preflight, response, hop, secondPreflight }): Case => {
  const base = { profile: 'chromium' as const, request: req, preflight: preflightAnswer(preflight, req) };
  if (hop === undefined) return { ...base, response: actualAnswer(response, req.origin) };
  const { location, url } = hopLocation(hop.target, req.url);
  const origin = originAfterHop(req, hop.target);
  const next: CaseRequest = { ...req, url: url ?? req.url, origin };
  const responses: CaseAnswer[] = [
    { for: 'actual', url: req.url, ...actualAnswer(hop.answer, req.origin, hop.status, entriesOf(LOCATION, location)) },
    { for: 'preflight', ...(url !== null && { url }), ...preflightAnswer(secondPreflight, next) },
    { for: 'actual', ...(url !== null && { url }), ...actualAnswer(response, origin) },
  ];
  return { ...base, responses };
});

// ---- preflight-cache sequences -----------------------------------------------------------------

/**
 * Max-age forms for sequences: with waits of 0 or 2.1 s, each lands clearly inside or outside its
 * lifetime. A wait past the lifetime is outside whatever the machine's load; "at once" is inside only
 * if the two requests land within the lifetime, so the shortest lifetime is 2 s, not 1.
 */
const sequenceMaxAge = pick<string | readonly string[] | undefined>([[3, undefined], [3, '2'], [2, '0'],
  ...w1<string | readonly string[]>('3', '-1', '+2', '1.5', 'abc', '600', ['2', '2'], '2, 2', '02', '7201')]);

/** A first preflight that mostly passes, so there is something to cache. */
const cachingPreflightPlan: fc.Arbitrary<PreflightPlan> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    status: pick(w1(204, 200)), origin: pick<OriginChoice>([[4, 'exact'], [1, '*']]), credentials: pick([[4, 'true'], [1, undefined]]),
    methods: pick<ListChoice | undefined>([[4, 'echo'], ...w1<ListChoice | undefined>('*', 'echo-star', undefined)]),
    headers: pick<ListChoice | undefined>([[4, 'echo'], ...w1<ListChoice | undefined>('*', 'star-authorization', undefined)]),
    maxAge: sequenceMaxAge,
  }) },
  { weight: 1, arbitrary: preflightPlan },
);

const preflightedMethod = pick([[3, 'PUT'], [1, 'DELETE'], [1, 'patch'], [2, 'GET'], [1, 'POST']]);
const otherMethod: Readonly<Record<string, string>> = { PUT: 'DELETE', DELETE: 'PUT', patch: 'PATCH', GET: 'PUT', POST: 'GET' };

type Variant = 'same' | 'other-method' | 'extra-header' | 'authorization' | 'include' | 'omit';
const variant = pick<Variant>([[4, 'same'], ...w1<Variant>('other-method', 'extra-header', 'authorization', 'include', 'omit')]);

function secondRequest(first: CaseRequest, v: Variant): CaseRequest {
  const withHeader = (name: string, value: string): CaseRequest => ({ ...first, headers: { ...first.headers, [name]: value } });
  switch (v) {
    case 'same': return first;
    case 'other-method': {
      const m = otherMethod[first.method ?? 'GET'] ?? 'PUT';
      const { body: _, ...rest } = first;
      return { ...rest, method: m, ...(m !== 'GET' && m !== 'HEAD' && first.body === true && { body: true }) };
    }
    case 'extra-header': return withHeader('x-extra', '1');
    case 'authorization': return withHeader('authorization', 'Bearer s');
    case 'include': return { ...first, credentials: 'include' };
    case 'omit': return { ...first, credentials: 'omit' };
  }
}

/** Two requests to one URL, 0 s or 2.1 s apart: the second preflight reaches the server or the cache answers. */
export const sequenceCase: fc.Arbitrary<Case> = fc.record({
  method: preflightedMethod, headers: requestHeaders, credentials, variant, gap: pick([[3, 0], [1, 2.1]]),
  first: fc.tuple(cachingPreflightPlan, repeatableActualPlan), second: fc.tuple(preflightPlan, repeatableActualPlan),
}).map(({ method: m, headers, credentials: c, variant: v, gap, first, second }): Case => {
  const needsHeader = (m === 'GET' || m === 'POST') && Object.keys(headers).length === 0;
  const one: CaseRequest = {
    url: API + '/items', method: m, origin: PAGE, credentials: c,
    ...((needsHeader || Object.keys(headers).length > 0) && { headers: needsHeader ? { 'x-api-key': 'k' } : headers }),
    ...(m !== 'GET' && { body: true }),
  };
  const two = secondRequest(one, v);
  const earlier: CaseHistoryEntry = { at: 0, request: one, preflight: preflightAnswer(first[0], one), response: actualAnswer(first[1], PAGE) };
  return { profile: 'chromium', history: [earlier], at: gap, request: two, preflight: preflightAnswer(second[0], two), response: actualAnswer(second[1], PAGE) };
});

/** The differential test's cases: mostly single requests, one in ten a preflight-cache sequence. */
export const differentialCase: fc.Arbitrary<Case> = fc.oneof({ weight: 9, arbitrary: singleCase }, { weight: 1, arbitrary: sequenceCase });
