/**
 * Reads a case from JSON, strictly: unknown fields, wrong types and impossible values are input
 * errors naming the field. DESIGN.md §4.
 */
import { CaseError } from './errors.js';
import type {
  Case, CaseAnswer, CaseHeaders, CaseHistoryEntry, CaseRequest, CaseResponse, ProfileName,
} from './types.js';

type Json = Readonly<Record<string, unknown>>;

function object(value: unknown, path: string, allowed: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CaseError(`${path}: expected an object`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new CaseError(`${path === '' ? '' : path + '.'}${key}: unknown field`);
  }
  return value as Json;
}

function oneOf<T extends string>(value: unknown, path: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new CaseError(`${path}: expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
  }
  return value as T;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new CaseError(`${path}: expected a string`);
  return value;
}

function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') throw new CaseError(`${path}: expected true or false`);
  return value as boolean | undefined;
}

function seconds(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new CaseError(`${path}: expected a number of seconds >= 0`);
  return value;
}

function headers(value: unknown, path: string): CaseHeaders | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CaseError(`${path}: expected an object of header names to values`);
  for (const [name, one] of Object.entries(value)) {
    const where = `${path}["${name}"]`;
    if (name === '' || /[\s:]/.test(name)) throw new CaseError(`${where}: not a header name`);
    const values = typeof one === 'string' ? [one] : one;
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) throw new CaseError(`${where}: expected a string or an array of strings`);
    if (values.some((v: string) => /[\0\r\n]/.test(v))) throw new CaseError(`${where}: a header value cannot contain NUL, CR or LF`);
  }
  return value as CaseHeaders;
}

function request(value: unknown, path: string): CaseRequest {
  const o = object(value, path, ['url', 'method', 'origin', 'mode', 'credentials', 'redirect', 'headers', 'useCorsPreflight', 'body']);
  return {
    url: string(o['url'], `${path}.url`),
    ...(o['method'] !== undefined && { method: string(o['method'], `${path}.method`) }),
    origin: string(o['origin'], `${path}.origin`),
    ...(o['mode'] !== undefined && { mode: oneOf(o['mode'], `${path}.mode`, ['cors', 'no-cors', 'same-origin', 'navigate'] as const)! }),
    ...(o['credentials'] !== undefined && { credentials: oneOf(o['credentials'], `${path}.credentials`, ['omit', 'same-origin', 'include'] as const)! }),
    ...(o['redirect'] !== undefined && { redirect: oneOf(o['redirect'], `${path}.redirect`, ['follow', 'error', 'manual'] as const)! }),
    ...(o['headers'] !== undefined && { headers: headers(o['headers'], `${path}.headers`)! }),
    ...(o['useCorsPreflight'] !== undefined && { useCorsPreflight: optionalBoolean(o['useCorsPreflight'], `${path}.useCorsPreflight`)! }),
    ...(o['body'] !== undefined && { body: optionalBoolean(o['body'], `${path}.body`)! }),
  };
}

function status(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 100 || value > 599) throw new CaseError(`${path}: expected an HTTP status 100-599`);
  return value;
}

function response(value: unknown, path: string): CaseResponse {
  const o = object(value, path, ['status', 'headers']);
  const h = headers(o['headers'], `${path}.headers`);
  return { status: status(o['status'], `${path}.status`), ...(h && { headers: h }) };
}

function answer(value: unknown, path: string): CaseAnswer {
  const o = object(value, path, ['for', 'url', 'status', 'headers']);
  const url = o['url'] === undefined ? undefined : string(o['url'], `${path}.url`);
  if (url !== undefined && !URL.canParse(url)) throw new CaseError(`${path}.url: "${url}" is not an absolute URL`);
  const h = headers(o['headers'], `${path}.headers`);
  return {
    for: oneOf(o['for'], `${path}.for`, ['preflight', 'actual'] as const) ?? (() => { throw new CaseError(`${path}.for: expected "preflight" or "actual"`); })(),
    ...(url !== undefined && { url }), status: status(o['status'], `${path}.status`), ...(h && { headers: h }),
  };
}

function answers(o: Json, path: string): Pick<Case, 'preflight' | 'response' | 'responses'> {
  const list = o['responses'];
  if (list !== undefined && !Array.isArray(list)) throw new CaseError(`${path}responses: expected an array`);
  return {
    ...(o['preflight'] !== undefined && { preflight: response(o['preflight'], `${path}preflight`) }),
    ...(o['response'] !== undefined && { response: response(o['response'], `${path}response`) }),
    ...(list !== undefined && { responses: list.map((entry, i) => answer(entry, `${path}responses[${i}]`)) }),
  };
}

function historyEntry(value: unknown, path: string): CaseHistoryEntry {
  const o = object(value, path, ['at', 'request', 'preflight', 'response', 'responses']);
  return { at: seconds(o['at'], `${path}.at`), request: request(o['request'], `${path}.request`), ...answers(o, `${path}.`) };
}

/** Validates a parsed JSON value as a case. */
export function parseCase(value: unknown): Case {
  const o = object(value, '', ['profile', 'request', 'preflight', 'response', 'responses', 'history', 'at']);
  if (o['request'] === undefined) throw new CaseError('request: missing');
  const history = o['history'];
  if (history !== undefined && !Array.isArray(history)) throw new CaseError('history: expected an array');
  const entries = (history ?? []).map((entry: unknown, i: number) => historyEntry(entry, `history[${i}]`));
  entries.forEach((entry, i) => {
    if (i > 0 && entry.at < entries[i - 1]!.at) throw new CaseError(`history[${i}].at: history runs in time order`);
  });
  const at = o['at'] === undefined ? undefined : seconds(o['at'], 'at');
  const last = entries[entries.length - 1];
  if (at !== undefined && last !== undefined && at < last.at) throw new CaseError('at: the main request runs after its history');
  const profile = oneOf<ProfileName>(o['profile'], 'profile', ['spec', 'chromium', 'firefox', 'webkit']);
  return {
    ...(profile && { profile }), request: request(o['request'], 'request'), ...answers(o, ''),
    ...(history !== undefined && { history: entries }), ...(at !== undefined && { at }),
  };
}
