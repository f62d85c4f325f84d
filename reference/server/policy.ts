/**
 * The policy (DESIGN.md §5): the CORS behaviour a server's owner intends. `compilePolicy` validates a
 * parsed JSON value strictly, reports every problem at once, and compiles the rest into the sets and
 * precomputed header values `decide` needs, so nothing is re-parsed per request.
 */
import { byteLowercase } from '../../spec/header-list.js';
import { compileOriginEntry } from './origin-patterns.js';
import type { OriginEntryProblem } from './origin-patterns.js';
import { checkHeaderNames, checkMaxAge, checkMethods, checkPaths } from './policy-fields.js';

/** A policy as written (DESIGN.md §5). Only `origins` is required. */
export interface PolicyConfig {
  readonly origins: '*' | readonly string[];
  readonly methods?: readonly string[];
  readonly allowHeaders?: '*' | readonly string[];
  readonly exposeHeaders?: '*' | readonly string[];
  readonly credentials?: boolean;
  readonly maxAge?: number;
  readonly paths?: readonly string[];
}

export type PolicyIssueCode =
  | OriginEntryProblem
  | 'not-an-object' | 'unknown-field' | 'missing-field' | 'wrong-type' | 'empty-list'
  | 'wildcard-with-credentials' | 'not-a-token' | 'forbidden-method' | 'method-not-normalized'
  | 'forbidden-request-header' | 'forbidden-response-header' | 'out-of-range' | 'invalid-path';

/** One problem: the field path (`origins[2]`, `maxAge`, `` for the whole policy) and what is wrong. */
export interface PolicyIssue {
  readonly path: string;
  readonly code: PolicyIssueCode;
  readonly problem: string;
}

/** A validated policy in the shape `decide` reads. Build it with `compilePolicy` only. */
export interface CompiledPolicy {
  /** The policy as validated, header names lowercased and duplicates dropped. */
  readonly config: PolicyConfig;
  readonly anyOrigin: boolean;
  readonly exactOrigins: ReadonlySet<string>;
  /** `scheme://domain[:port]` of each `scheme://*.domain[:port]` pattern. */
  readonly subdomainBases: ReadonlySet<string>;
  readonly allowNullOrigin: boolean;
  readonly methods: ReadonlySet<string>;
  readonly allowHeaders: '*' | ReadonlySet<string>;
  readonly credentials: boolean;
  /** Path prefixes, or null when the policy applies to every path. */
  readonly paths: readonly string[] | null;
  /** Header values computed once: null means the header is not sent. */
  readonly values: { readonly acam: string | null; readonly acah: string | null; readonly aceh: string | null; readonly acma: string | null };
}

export type CompileResult = { readonly ok: true; readonly policy: CompiledPolicy } | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

/** Thrown by the adapters when given a config that does not compile; carries every issue. */
export class PolicyError extends Error {
  readonly issues: readonly PolicyIssue[];
  constructor(issues: readonly PolicyIssue[]) {
    super(`invalid CORS policy:\n${issues.map((i) => `  ${i.path === '' ? '(policy)' : i.path}: ${i.problem}`).join('\n')}`);
    this.name = 'PolicyError';
    this.issues = issues;
  }
}

const FIELDS = ['origins', 'methods', 'allowHeaders', 'exposeHeaders', 'credentials', 'maxAge', 'paths'] as const;
const compiledPolicies = new WeakSet<object>();

/** Whether `value` came out of `compilePolicy`. */
export function isCompiledPolicy(value: unknown): value is CompiledPolicy {
  return typeof value === 'object' && value !== null && compiledPolicies.has(value);
}

/** A compiled policy as is, or `config` compiled now; throws `PolicyError` listing every issue. */
export function toCompiledPolicy(config: unknown): CompiledPolicy {
  if (isCompiledPolicy(config)) return config;
  const result = compilePolicy(config);
  if (!result.ok) throw new PolicyError(result.issues);
  return result.policy;
}

/** Validates `config` (parsed JSON or a `PolicyConfig`) and compiles it, or returns every issue found. */
export function compilePolicy(config: unknown): CompileResult {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return { ok: false, issues: [{ path: '', code: 'not-an-object', problem: 'a policy is a JSON object' }] };
  }
  const input = config as Record<string, unknown>;
  const issues: PolicyIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      issues.push({ path: key, code: 'unknown-field', problem: `unknown field; a policy has only ${FIELDS.join(', ')}` });
    }
  }
  const credentials = checkCredentials(input['credentials'], issues);
  const origins = checkOrigins(input['origins'], credentials, issues);
  const methods = checkMethods(input['methods'], issues);
  const allowHeaders = checkHeaderNames('allowHeaders', input['allowHeaders'], credentials, issues);
  const exposeHeaders = checkHeaderNames('exposeHeaders', input['exposeHeaders'], credentials, issues);
  const maxAge = checkMaxAge(input['maxAge'], issues);
  const paths = checkPaths(input['paths'], issues);
  if (issues.length > 0 || origins === null) return { ok: false, issues: sortIssues(issues) };
  const policy = build({ origins, methods, allowHeaders, exposeHeaders, credentials, maxAge, paths });
  compiledPolicies.add(policy);
  return { ok: true, policy };
}

// Issues in field order (unknown fields first), then by list index, whatever order the checks ran in.
function sortIssues(issues: readonly PolicyIssue[]): PolicyIssue[] {
  const rank = (path: string): number => {
    const field = path.replace(/\[.*$/, '');
    return (FIELDS as readonly string[]).indexOf(field);
  };
  const index = (path: string): number => Number(/\[(\d+)\]/.exec(path)?.[1] ?? -1);
  return [...issues].sort((a, b) => rank(a.path) - rank(b.path) || index(a.path) - index(b.path));
}

function checkCredentials(value: unknown, issues: PolicyIssue[]): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  issues.push({ path: 'credentials', code: 'wrong-type', problem: 'must be true or false' });
  return false;
}

function checkOrigins(value: unknown, credentials: boolean, issues: PolicyIssue[]): '*' | string[] | null {
  const path = 'origins';
  if (value === undefined) {
    issues.push({ path, code: 'missing-field', problem: 'is required: "*" or a list of serialized origins and patterns' });
    return null;
  }
  if (value === '*') {
    // A browser never accepts `*` for a credentialed request (concept-cors-check step 3).
    if (credentials) issues.push({ path, code: 'wildcard-with-credentials', problem: '"*" cannot be combined with credentials: true; list the origins' });
    return '*';
  }
  if (!Array.isArray(value)) {
    issues.push({ path, code: 'wrong-type', problem: 'must be "*" or a list of serialized origins and patterns' });
    return null;
  }
  if (value.length === 0) issues.push({ path, code: 'empty-list', problem: 'must list at least one origin' });
  const origins: string[] = [];
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== 'string') {
      issues.push({ path: `${path}[${i}]`, code: 'wrong-type', problem: 'must be a string' });
      return;
    }
    const compiled = compileOriginEntry(entry);
    if (compiled.kind === 'invalid') issues.push({ path: `${path}[${i}]`, code: compiled.code, problem: `"${entry}" ${compiled.problem}` });
    else if (!origins.includes(entry)) origins.push(entry);
  });
  return origins;
}

interface Checked {
  readonly origins: '*' | readonly string[];
  readonly methods: readonly string[];
  readonly allowHeaders: '*' | readonly string[];
  readonly exposeHeaders: '*' | readonly string[];
  readonly credentials: boolean;
  readonly maxAge: number | null;
  readonly paths: readonly string[] | null;
}

function build(checked: Checked): CompiledPolicy {
  const { origins, methods, allowHeaders, exposeHeaders, credentials, maxAge, paths } = checked;
  const entries = origins === '*' ? [] : origins.map(compileOriginEntry);
  const config: PolicyConfig = {
    origins, methods, allowHeaders, exposeHeaders, credentials,
    ...(maxAge === null ? {} : { maxAge }),
    ...(paths === null ? {} : { paths }),
  };
  return {
    config,
    anyOrigin: origins === '*',
    exactOrigins: new Set(entries.flatMap((e) => (e.kind === 'exact' ? [e.origin] : []))),
    subdomainBases: new Set(entries.flatMap((e) => (e.kind === 'subdomains' ? [e.base] : []))),
    allowNullOrigin: entries.some((e) => e.kind === 'null'),
    methods: new Set(methods),
    allowHeaders: allowHeaders === '*' ? '*' : new Set(allowHeaders.map(byteLowercase)),
    credentials,
    paths,
    values: {
      acam: listValue(methods),
      acah: allowHeaders === '*' ? '*' : listValue(allowHeaders),
      aceh: exposeHeaders === '*' ? '*' : listValue(exposeHeaders),
      acma: maxAge === null ? null : String(maxAge),
    },
  };
}

function listValue(items: readonly string[]): string | null {
  return items.length === 0 ? null : items.join(', ');
}
