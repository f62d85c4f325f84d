/**
 * Checks for the list and number fields of a policy. Each pushes every problem it finds onto `issues`
 * and returns the cleaned value (duplicates dropped, header names lowercased) for the compiler.
 */
import { isToken } from '../../spec/abnf.js';
import { byteLowercase } from '../../spec/header-list.js';
import { isForbiddenMethod, normalizeMethod } from '../../spec/methods.js';
import { isForbiddenRequestHeader } from '../../spec/request-headers.js';
import { isForbiddenResponseHeaderName } from '../../spec/response-headers.js';
import { LIMITS } from './limits.js';
import type { PolicyIssue } from './policy.js';

// Choice: 86400 s is the largest cap any major browser applies to Access-Control-Max-Age (Firefox;
// Chromium caps at 7200, WebKit at 600). A larger value is silently clamped by every browser, so it
// cannot mean what its author expects and is refused.
export const MAX_AGE_LIMIT = 86_400;

// A path prefix: visible ASCII without query or fragment.
const PATH_PREFIX = /^\/[!$%&'()*+,\-./0-9:;=@A-Z_a-z~]*$/;
// Dot segments (also percent-encoded) and encoded or backslash separators never appear in a path a
// browser sends; a prefix or request path containing one is ambiguous.
export const AMBIGUOUS_PATH = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)|%2f|%5c|\\/i;

/** `methods`: tokens, not forbidden, as a browser sends them. */
export function checkMethods(value: unknown, issues: PolicyIssue[]): string[] {
  const path = 'methods';
  // Choice: without `methods`, only the CORS-safelisted methods work, and they need no listing.
  const entries = listOfStrings(path, value, issues, false);
  const methods: string[] = [];
  for (const [i, method] of entries) {
    const at = `${path}[${i}]`;
    if (method.length > LIMITS.methodLength) issues.push({ path: at, code: 'too-long', problem: `is longer than ${LIMITS.methodLength} bytes` });
    else if (method === '*') issues.push({ path: at, code: 'wildcard-in-list', problem: '"*" is not supported for methods; list each method' });
    else if (!isToken(method)) issues.push({ path: at, code: 'not-a-token', problem: `"${method}" is not an HTTP method token` });
    else if (isForbiddenMethod(method)) issues.push({ path: at, code: 'forbidden-method', problem: `"${method}" is a forbidden method; browsers never send it` });
    // Choice: methods are kept case-sensitively as written, because Access-Control-Allow-Methods is
    // compared byte for byte. A lowercase non-standard method such as `patch` is legitimate (fetch sends
    // it as is), but browsers uppercase the six normalized methods, so `put` could never match.
    else if (normalizeMethod(method) !== method) {
      issues.push({ path: at, code: 'method-not-normalized', problem: `browsers send "${method}" as "${normalizeMethod(method)}"; write "${normalizeMethod(method)}"` });
    } else if (!methods.includes(method)) methods.push(method);
  }
  return methods;
}

/** `allowHeaders` / `exposeHeaders`: `"*"` (never with credentials) or field-name tokens, lowercased. */
export function checkHeaderNames(path: 'allowHeaders' | 'exposeHeaders', value: unknown, credentials: boolean, issues: PolicyIssue[]): '*' | string[] {
  if (value === '*') {
    // With credentials `*` is a literal name to browsers (http-new-header-syntax note).
    if (credentials) issues.push({ path, code: 'wildcard-with-credentials', problem: '"*" cannot be combined with credentials: true; list the header names' });
    return '*';
  }
  const names: string[] = [];
  for (const [i, name] of listOfStrings(path, value, issues, false)) {
    const at = `${path}[${i}]`;
    const lower = byteLowercase(name);
    if (name === '*') issues.push({ path: at, code: 'wildcard-in-list', problem: `use "*" as the whole value of ${path}, not as a list element` });
    else if (!isToken(name)) issues.push({ path: at, code: 'not-a-token', problem: `"${name}" is not a header field name` });
    else if (path === 'allowHeaders' && isForbiddenRequestHeader(lower, '')) {
      issues.push({ path: at, code: 'forbidden-request-header', problem: `"${name}" is a forbidden request-header; scripts cannot set it` });
    } else if (path === 'exposeHeaders' && isForbiddenResponseHeaderName(lower)) {
      issues.push({ path: at, code: 'forbidden-response-header', problem: `"${name}" is never exposed to scripts` });
    } else if (!names.includes(lower)) names.push(lower);
  }
  return names;
}

/** `maxAge`: whole seconds, 0 to MAX_AGE_LIMIT; null when absent. */
export function checkMaxAge(value: unknown, issues: PolicyIssue[]): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.push({ path: 'maxAge', code: 'wrong-type', problem: 'must be a whole number of seconds' });
    return null;
  }
  if (value < 0 || value > MAX_AGE_LIMIT) {
    issues.push({ path: 'maxAge', code: 'out-of-range', problem: `must be between 0 and ${MAX_AGE_LIMIT} seconds (browsers cap it)` });
    return null;
  }
  return value;
}

/** `paths`: a non-empty list of path prefixes; null when absent (every path). */
export function checkPaths(value: unknown, issues: PolicyIssue[]): string[] | null {
  if (value === undefined) return null;
  const paths: string[] = [];
  for (const [i, prefix] of listOfStrings('paths', value, issues, true)) {
    if (!PATH_PREFIX.test(prefix) || AMBIGUOUS_PATH.test(prefix)) {
      issues.push({ path: `paths[${i}]`, code: 'invalid-path', problem: `"${prefix}" is not a path prefix ("/" then visible ASCII, no query, fragment or dot segment)` });
    } else if (!paths.includes(prefix)) paths.push(prefix);
  }
  return paths;
}

// The string elements of a list field with their indexes; pushes the type and emptiness problems.
function listOfStrings(path: string, value: unknown, issues: PolicyIssue[], nonEmpty: boolean): [number, string][] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'wrong-type', problem: path === 'methods' || path === 'paths' ? 'must be a list of strings' : 'must be "*" or a list of strings' });
    return [];
  }
  if (nonEmpty && value.length === 0) issues.push({ path, code: 'empty-list', problem: 'must not be empty; leave the field out instead' });
  const strings: [number, string][] = [];
  value.forEach((entry: unknown, i) => {
    if (typeof entry === 'string') strings.push([i, entry]);
    else issues.push({ path: `${path}[${i}]`, code: 'wrong-type', problem: 'must be a string' });
  });
  return strings;
}
