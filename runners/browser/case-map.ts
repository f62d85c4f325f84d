/**
 * Moving a case onto the harness and back. A case names hosts like https://api.example; the harness
 * has loopback origins (one port each). Every origin the case names gets its own harness origin, every
 * path gets the case's own prefix (so no preflight or HTTP cache entry leaks between cases), and the
 * header values that carry an origin or a URL (Access-Control-Allow-Origin, Location) are rewritten so
 * that what matched still matches and what did not still does not. Pure.
 */
import { ACAO, LOCATION } from '../../spec/headers.js';
import type { Observation, ObservedRequest } from '../../reference/browser/index.js';
import type {
  Case, CaseAnswer, CaseHeaders, CaseHistoryEntry, CaseRequest, CaseResponse,
} from '../../reference/browser/types.js';

export interface OriginPair {
  /** A serialized origin the case names, e.g. `https://api.example`. */
  readonly caseOrigin: string;
  /** The harness origin that stands for it, e.g. `http://127.0.0.1:40123`. */
  readonly harnessOrigin: string;
}

export interface CaseMapping {
  readonly origins: readonly OriginPair[];
  /** A path segment such as `/c17`, put in front of every path of the case. */
  readonly prefix: string;
}

/** One request of a case with its answers: the history entries, then the main request. */
export interface Exchange {
  readonly at: number;
  readonly request: CaseRequest;
  readonly preflight?: CaseResponse;
  readonly response?: CaseResponse;
  readonly responses?: readonly CaseAnswer[];
}

export function exchangesOf(c: Case): Exchange[] {
  const history = c.history ?? [];
  const last = history[history.length - 1]?.at ?? 0;
  return [...history, { ...c, at: c.at ?? last }].map((entry) => ({
    at: entry.at, request: entry.request,
    ...(entry.preflight && { preflight: entry.preflight }), ...(entry.response && { response: entry.response }),
    ...(entry.responses && { responses: entry.responses }),
  }));
}

function httpOrigin(url: string, base?: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function headerValues(headers: CaseHeaders | undefined, name: string): string[] {
  return Object.entries(headers ?? {}).filter(([n]) => n.toLowerCase() === name)
    .flatMap(([, value]) => (typeof value === 'string' ? [value] : [...value]));
}

function answersOf(exchange: Exchange): CaseAnswer[] {
  return [
    ...(exchange.preflight ? [{ ...exchange.preflight, for: 'preflight' as const }] : []),
    ...(exchange.response ? [{ ...exchange.response, for: 'actual' as const }] : []),
    ...(exchange.responses ?? []),
  ];
}

/**
 * Every origin the case names, in order of first appearance: the pages' origins first (so the first
 * page is the first harness origin), then request URLs, answer URLs and redirect targets.
 */
export function caseOrigins(c: Case): string[] {
  const found: string[] = [];
  const add = (origin: string | null): void => {
    if (origin !== null && origin !== 'null' && !found.includes(origin)) found.push(origin);
  };
  const exchanges = exchangesOf(c);
  for (const exchange of exchanges) add(httpOrigin(exchange.request.origin));
  for (const exchange of exchanges) {
    add(httpOrigin(exchange.request.url));
    for (const answer of answersOf(exchange)) {
      const base = answer.url ?? exchange.request.url;
      add(answer.url === undefined ? null : httpOrigin(answer.url));
      for (const location of headerValues(answer.headers, LOCATION)) add(httpOrigin(location.trim(), base));
    }
  }
  return found;
}

const harnessFor = (mapping: CaseMapping, origin: string): string | undefined =>
  mapping.origins.find((pair) => pair.caseOrigin === origin)?.harnessOrigin;

/** A case URL on the harness: its origin swapped, its path prefixed; other URLs are left alone. */
export function mapUrl(url: string, mapping: CaseMapping, base?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return url;
  }
  const target = harnessFor(mapping, parsed.origin);
  if (target === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return url;
  const mapped = new URL(target);
  mapped.username = parsed.username;
  mapped.password = parsed.password;
  mapped.pathname = mapping.prefix + parsed.pathname;
  mapped.search = parsed.search;
  mapped.hash = parsed.hash;
  return mapped.href;
}

/** A Location value: absolute URLs are mapped, path-absolute ones prefixed, relative ones kept (they resolve inside the prefix). */
export function mapLocation(value: string, mapping: CaseMapping, base: string): string {
  const trimmed = value.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(trimmed) || trimmed.startsWith('//')) return mapUrl(trimmed, mapping, base);
  if (trimmed.startsWith('/')) return mapping.prefix + trimmed;
  return value;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An origin-bearing value (Access-Control-Allow-Origin): each case origin in it, matched without
 * regard to case, becomes its harness origin; a match written in another case than the serialized
 * origin becomes the harness origin in upper case, so it still fails the byte comparison.
 */
export function mapOriginText(value: string, mapping: CaseMapping): string {
  const pairs = [...mapping.origins].sort((a, b) => b.caseOrigin.length - a.caseOrigin.length);
  if (pairs.length === 0) return value;
  const pattern = new RegExp(pairs.map((pair) => escapeRegExp(pair.caseOrigin)).join('|'), 'gi');
  return value.replace(pattern, (match) => {
    const pair = pairs.find((p) => p.caseOrigin === match.toLowerCase())!;
    return match === pair.caseOrigin ? pair.harnessOrigin : pair.harnessOrigin.toUpperCase();
  });
}

function mapHeaders(headers: CaseHeaders | undefined, mapping: CaseMapping, base: string): CaseHeaders | undefined {
  if (headers === undefined) return undefined;
  const one = (name: string, value: string): string => {
    const lower = name.toLowerCase();
    if (lower === ACAO) return mapOriginText(value, mapping);
    if (lower === LOCATION) return mapLocation(value, mapping, base);
    return value;
  };
  return Object.fromEntries(Object.entries(headers).map(([name, value]) =>
    [name, typeof value === 'string' ? one(name, value) : value.map((v) => one(name, v))]));
}

function mapResponse<T extends CaseResponse>(response: T, mapping: CaseMapping, base: string): T {
  const headers = mapHeaders(response.headers, mapping, base);
  return { ...response, ...(headers && { headers }) };
}

function mapRequest(request: CaseRequest, mapping: CaseMapping): CaseRequest {
  // Only a serialized origin is mapped; anything else stays, so the model still rejects it.
  const origin = httpOrigin(request.origin) === request.origin ? harnessFor(mapping, request.origin) ?? request.origin : request.origin;
  return { ...request, url: mapUrl(request.url, mapping), origin };
}

function mapAnswers<T extends Exchange | CaseHistoryEntry | Case>(entry: T, mapping: CaseMapping): T {
  const base = entry.request.url;
  return {
    ...entry,
    request: mapRequest(entry.request, mapping),
    ...(entry.preflight && { preflight: mapResponse(entry.preflight, mapping, base) }),
    ...(entry.response && { response: mapResponse(entry.response, mapping, base) }),
    ...(entry.responses && {
      responses: entry.responses.map((answer) => {
        const mapped = mapResponse(answer, mapping, answer.url ?? base);
        return answer.url === undefined ? mapped : { ...mapped, url: mapUrl(answer.url, mapping) };
      }),
    }),
  };
}

/** The case as the harness runs it. */
export function mapCase(c: Case, mapping: CaseMapping): Case {
  return {
    ...mapAnswers(c, mapping),
    ...(c.history && { history: c.history.map((entry) => mapAnswers(entry, mapping)) }),
  };
}

/** A harness URL back in the case's terms (origin swapped back, prefix removed). */
export function unmapUrl(url: string, mapping: CaseMapping): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const pair = mapping.origins.find((p) => p.harnessOrigin === parsed.origin);
  if (pair === undefined) return url;
  const path = parsed.pathname.startsWith(mapping.prefix + '/') ? parsed.pathname.slice(mapping.prefix.length) : parsed.pathname;
  return pair.caseOrigin + path + parsed.search;
}

function unmapRequest(request: ObservedRequest, mapping: CaseMapping): ObservedRequest {
  const origin = request.headers.origin;
  const pair = mapping.origins.find((p) => p.harnessOrigin === origin);
  return {
    ...request, url: unmapUrl(request.url, mapping),
    headers: { ...request.headers, ...(pair !== undefined && { origin: pair.caseOrigin }) },
  };
}

/** An observation of the mapped case, in the original case's terms. */
export function unmapObservation(observation: Observation, mapping: CaseMapping): Observation {
  return { ...observation, requests: observation.requests.map((request) => unmapRequest(request, mapping)) };
}
