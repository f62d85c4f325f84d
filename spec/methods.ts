/**
 * The method classes Fetch's CORS rules branch on. Methods are case-sensitive byte strings: only
 * normalization folds case, and only for six well-known methods.
 */
import { byteUppercase } from './header-list.js';

const CORS_SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);
const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);
const NORMALIZED_METHODS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/**
 * Whether `method` is exactly GET, HEAD or POST (byte equality: `get` is not safelisted).
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-method
 */
export function isCorsSafelistedMethod(method: string): boolean {
  return CORS_SAFELISTED_METHODS.has(method);
}

/**
 * Whether `method` is CONNECT, TRACE or TRACK in any case.
 * @see https://fetch.spec.whatwg.org/#forbidden-method
 */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(byteUppercase(method));
}

/**
 * Uppercases DELETE, GET, HEAD, OPTIONS, POST and PUT matched in any case; every other method keeps its case (`patch`).
 * @see https://fetch.spec.whatwg.org/#concept-method-normalize
 */
export function normalizeMethod(method: string): string {
  const upper = byteUppercase(method);
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}
