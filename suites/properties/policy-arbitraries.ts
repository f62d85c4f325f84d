/**
 * fast-check arbitraries for policies (DESIGN.md §5) and for the browser requests a page could make
 * against a server holding one. Origins, methods and header names come from small shared pools, so
 * generated requests hit the policy's allowed values, their near misses and plain strangers alike.
 * Every generated policy compiles; every request is browser-realistic (STYLE.md §16).
 */
import fc from 'fast-check';
import type { CaseRequest, CredentialsMode } from '../../reference/browser/types.js';
import type { PolicyConfig } from '../../reference/server/policy.js';

/** The server every generated request goes to; paths are drawn from `PATHS`. */
export const SERVER = 'https://api.example';

// Hosts around one trusted site: its subdomains at one and two levels, look-alikes that the bypass
// classes produce (suffix, prefix, unescaped dot), an unrelated site, and loopback names.
const HOSTS = [
  'app.example', 'a.app.example', 'x.y.app.example', 'evilapp.example', 'app.example.evil.test', 'appxexample',
  'other.example', 'localhost',
] as const;

/** Serialized origins: http and https, default and explicit ports, over the shared hosts. */
export const serializedOrigin: fc.Arbitrary<string> = fc.record({
  scheme: fc.constantFrom('https', 'http'),
  host: fc.constantFrom(...HOSTS),
  port: fc.constantFrom('', ':8080'),
}).map(({ scheme, host, port }) => `${scheme}://${host}${port}`);

/** Subdomain patterns, only over hosts with at least two labels (the compiler refuses `*.localhost`). */
export const subdomainPattern: fc.Arbitrary<string> = fc.record({
  scheme: fc.constantFrom('https', 'http'),
  base: fc.constantFrom('app.example', 'y.app.example', 'other.example'),
  port: fc.constantFrom('', ':8080'),
}).map(({ scheme, base, port }) => `${scheme}://*.${base}${port}`);

/** One entry of an `origins` list: an exact origin, a subdomain pattern, or the literal `null`. */
export const originEntry: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: serializedOrigin }, { weight: 2, arbitrary: subdomainPattern }, { weight: 1, arbitrary: fc.constant('null') },
);

/**
 * Methods a policy may list: as fetch() sends them (normalized), including the non-standard
 * lowercase `patch` that no normalization touches, and OPTIONS as an actual method.
 */
export const POLICY_METHODS = ['PUT', 'DELETE', 'PATCH', 'patch', 'OPTIONS', 'PURGE', 'X-Custom', 'GET', 'POST'] as const;

/** Request header names a policy may allow: unsafe names, Authorization, and safelisted ones. */
export const ALLOW_HEADER_NAMES = ['content-type', 'x-api-key', 'authorization', 'X-Requested-With', 'accept', 'range', 'x-b'] as const;

/** Response header names a policy may expose, some of which the application sends. */
export const EXPOSE_HEADER_NAMES = ['x-request-id', 'etag', 'x-total-count', 'content-type', 'X-Trace'] as const;

export interface PolicyArbitraryOptions {
  /** The methods to list from; defaults to `POLICY_METHODS`. */
  readonly methods?: readonly string[];
}

/**
 * Valid policies: `*` or a list of origins (never `*` with credentials), listed methods, allowed and
 * exposed header names or `*` (again never with credentials), an optional max-age and path scope.
 */
export function policyArbitrary(options: PolicyArbitraryOptions = {}): fc.Arbitrary<PolicyConfig> {
  const methods = options.methods ?? POLICY_METHODS;
  return fc.boolean().chain((credentials) => {
    const names = (pool: readonly string[]) => credentials
      ? fc.subarray([...pool])
      : fc.oneof({ weight: 3, arbitrary: fc.subarray([...pool]) }, { weight: 1, arbitrary: fc.constant<'*'>('*') });
    return fc.record({
      origins: credentials
        ? fc.uniqueArray(originEntry, { minLength: 1, maxLength: 4 })
        : fc.oneof({ weight: 3, arbitrary: fc.uniqueArray(originEntry, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant<'*'>('*') }),
      methods: fc.subarray([...methods]),
      allowHeaders: names(ALLOW_HEADER_NAMES),
      exposeHeaders: names(EXPOSE_HEADER_NAMES),
      maxAge: fc.option(fc.constantFrom(0, 5, 600, 86_400), { nil: undefined }),
      paths: fc.option(fc.constantFrom<readonly string[]>(['/items'], ['/items', '/api/'], ['/api/']), { nil: undefined }),
    }).map((fields): PolicyConfig => ({
      ...stripUndefined(fields), credentials,
    }));
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Paths a request may go to: in and out of the generated `paths` scopes. */
export const PATHS = ['/items', '/items/1?q=1', '/api/v1', '/itemsx', '/other'] as const;

/** Methods script may use: safelisted, normalized in any case (`put`), non-standard (`patch`). */
export const REQUEST_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'put', 'DELETE', 'PATCH', 'patch', 'OPTIONS', 'PURGE', 'X-Custom', 'X-Other'] as const;

/** Request headers script may set: safelisted values, unsafe values of safelisted names, unsafe names. */
export const REQUEST_HEADERS: readonly (readonly [string, string])[] = [
  ['accept', 'application/json'], ['content-type', 'text/plain'], ['content-type', 'application/json'],
  ['x-api-key', 'k'], ['X-Requested-With', 'XMLHttpRequest'], ['authorization', 'Bearer t'], ['range', 'bytes=0-99'],
  ['x-b', '1'], ['x-unknown', '1'], ['content-language', 'en'],
];

/** A value script might give a header the policy allows by name. */
function sampleValue(name: string): string {
  return REQUEST_HEADERS.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? '1';
}

/** Draws from `near` (what the policy names) more often than from `any` (everything else). */
function near<T>(named: readonly T[], any: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return named.length === 0 ? any : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...named) }, { weight: 2, arbitrary: any });
}

/**
 * Browser requests against `SERVER`, drawn near the policy and around it: its origins (patterns
 * instantiated at one and two labels), methods, header names and paths, their look-alikes, `null`
 * and strangers, with any credentials mode.
 */
export function browserRequestArbitrary(policy: PolicyConfig): fc.Arbitrary<CaseRequest> {
  const origins = policy.origins === '*' ? [] : policy.origins.flatMap((entry) =>
    entry.includes('*') ? [entry.replace('*', 'a'), entry.replace('*', 'x.y')] : [entry]);
  const allowed = policy.allowHeaders === undefined || policy.allowHeaders === '*' ? [] : policy.allowHeaders;
  const headerPool = [...new Map([...allowed.map((name) => [name, sampleValue(name)] as const), ...REQUEST_HEADERS]
    .map((entry) => [entry[0].toLowerCase(), entry] as const)).values()];
  return fc.record({
    origin: near(origins, fc.oneof({ weight: 3, arbitrary: serializedOrigin }, { weight: 1, arbitrary: fc.constant('null') })),
    method: near(policy.methods ?? [], fc.constantFrom(...REQUEST_METHODS)),
    headers: fc.subarray(headerPool, { maxLength: 3 }),
    credentials: fc.constantFrom<CredentialsMode>('omit', 'same-origin', 'include'),
    path: near((policy.paths ?? []).map((prefix) => prefix.endsWith('/') ? `${prefix}x` : prefix), fc.constantFrom(...PATHS)),
  }).map(({ origin, method, headers, credentials, path }): CaseRequest => ({
    url: SERVER + path, origin, method, credentials,
    ...(headers.length > 0 && { headers: Object.fromEntries(headers) }),
    ...(!['GET', 'HEAD'].includes(method) && { body: true }),
  }));
}
