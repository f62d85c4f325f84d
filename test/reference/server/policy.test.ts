import t from 'tap';
import { compilePolicy, isCompiledPolicy, MAX_AGE_LIMIT, PolicyError, toCompiledPolicy } from '../../../reference/server/index.js';
import type { PolicyIssue } from '../../../reference/server/index.js';

const designExample = {
  origins: ['https://app.example', 'https://*.app.example'],
  methods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['x-request-id'],
  credentials: true,
  maxAge: 600,
  paths: ['/items'],
};

function issuesOf(config: unknown): readonly PolicyIssue[] {
  const result = compilePolicy(config);
  return result.ok ? [] : result.issues;
}

function codesOf(config: unknown): string[] {
  return issuesOf(config).map((i) => `${i.path} ${i.code}`);
}

t.test('the DESIGN.md example compiles into sets and precomputed header values', async (t) => {
  const result = compilePolicy(designExample);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const p = result.policy;
  t.ok(isCompiledPolicy(p));
  t.notOk(isCompiledPolicy({ ...p }), 'a copy is not a compiled policy');
  t.equal(p.anyOrigin, false);
  t.same([...p.exactOrigins], ['https://app.example']);
  t.same([...p.subdomainBases], ['https://app.example']);
  t.equal(p.allowNullOrigin, false);
  t.same([...p.methods], ['GET', 'POST', 'PUT']);
  t.same(p.allowHeaders === '*' ? '*' : [...p.allowHeaders], ['content-type', 'x-api-key']);
  t.equal(p.credentials, true);
  t.same(p.paths, ['/items']);
  t.same(p.values, { acam: 'GET, POST, PUT', acah: 'content-type, x-api-key', aceh: 'x-request-id', acma: '600' });
  t.same(p.config, designExample);
});

t.test('a bad policy reports every problem at once, in field order', async (t) => {
  const issues = issuesOf({
    origins: ['https://app.example/', 'HTTPS://B.example', 'https://c.example:443', '*', 'ftp://d.example', 'https://*.com'],
    methods: ['PUT', 'TRACE', 'put', 'GET POST'],
    allowHeaders: ['X-Api-Key', 'Cookie', 'sec-fetch-mode'],
    exposeHeaders: '*',
    credentials: true,
    maxAge: -5,
    paths: ['items'],
    originz: ['https://typo.example'],
  });
  t.same(issues, [
    { path: 'originz', code: 'unknown-field', problem: 'unknown field; a policy has only origins, methods, allowHeaders, exposeHeaders, credentials, maxAge, paths' },
    { path: 'origins[0]', code: 'not-a-serialized-origin', problem: '"https://app.example/" has a trailing slash; its serialization is "https://app.example"' },
    { path: 'origins[1]', code: 'not-a-serialized-origin', problem: '"HTTPS://B.example" is not lowercase; its serialization is "https://b.example"' },
    { path: 'origins[2]', code: 'not-a-serialized-origin', problem: '"https://c.example:443" writes out the default port; its serialization is "https://c.example"' },
    { path: 'origins[3]', code: 'wildcard-in-list', problem: '"*" is only valid as the whole value of origins, not as a list element' },
    { path: 'origins[4]', code: 'unsupported-scheme', problem: '"ftp://d.example" has scheme "ftp"; browsers make CORS requests only to http and https' },
    { path: 'origins[5]', code: 'invalid-origin-pattern', problem: '"https://*.com" is not a valid pattern: the part after "*." must be a domain name with at least two labels' },
    { path: 'methods[1]', code: 'forbidden-method', problem: '"TRACE" is a forbidden method; browsers never send it' },
    { path: 'methods[2]', code: 'method-not-normalized', problem: 'browsers send "put" as "PUT"; write "PUT"' },
    { path: 'methods[3]', code: 'not-a-token', problem: '"GET POST" is not an HTTP method token' },
    { path: 'allowHeaders[1]', code: 'forbidden-request-header', problem: '"Cookie" is a forbidden request-header; scripts cannot set it' },
    { path: 'allowHeaders[2]', code: 'forbidden-request-header', problem: '"sec-fetch-mode" is a forbidden request-header; scripts cannot set it' },
    { path: 'exposeHeaders', code: 'wildcard-with-credentials', problem: '"*" cannot be combined with credentials: true; list the header names' },
    { path: 'maxAge', code: 'out-of-range', problem: `must be between 0 and ${MAX_AGE_LIMIT} seconds (browsers cap it)` },
    { path: 'paths[0]', code: 'invalid-path', problem: '"items" is not a path prefix ("/" then visible ASCII, no query, fragment or dot segment)' },
  ]);
});

t.test('the whole policy must be an object with origins', async (t) => {
  for (const config of [null, 'x', [], 42]) t.same(codesOf(config), [' not-an-object']);
  t.same(codesOf({}), ['origins missing-field']);
  t.same(codesOf({ origins: 'https://a.example' }), ['origins wrong-type']);
  t.same(codesOf({ origins: [] }), ['origins empty-list']);
  t.same(codesOf({ origins: [42] }), ['origins[0] wrong-type']);
});

t.test('origins: serialized origins, "null", "*" and subdomain patterns', async (t) => {
  const good = ['https://a.example', 'http://a.example:8080', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'null',
    'https://*.app.example', 'https://*.app.example:8443', 'http://*.dev.app.example'];
  t.same(issuesOf({ origins: good }), []);
  t.same(issuesOf({ origins: '*' }), []);
  const bad: [string, string][] = [
    ['https://a.example/app', 'not-a-serialized-origin'],
    ['https://a.example?x', 'not-a-serialized-origin'],
    ['http://a.example:80', 'not-a-serialized-origin'],
    ['https://user@a.example', 'not-a-serialized-origin'],
    ['https://bücher.example', 'not-a-serialized-origin'],
    ['a.example', 'not-a-serialized-origin'],
    ['localhost:3000', 'not-a-serialized-origin'],
    ['NULL', 'not-a-serialized-origin'],
    ['wss://a.example', 'unsupported-scheme'],
    ['https://*.app.example/', 'invalid-origin-pattern'],
    ['https://*.app.example:443', 'invalid-origin-pattern'],
    ['https://*.*.app.example', 'invalid-origin-pattern'],
    ['https://a.*.example', 'invalid-origin-pattern'],
    ['https://*app.example', 'invalid-origin-pattern'],
    ['*.app.example', 'invalid-origin-pattern'],
    ['https://*.localhost', 'invalid-origin-pattern'],
    ['https://*.10.0.0.1', 'invalid-origin-pattern'],
    ['ftp://*.app.example', 'unsupported-scheme'],
    ['https://' + 'a'.repeat(600) + '.example', 'too-long'],
  ];
  for (const [origin, code] of bad) t.same(codesOf({ origins: [origin] }), [`origins[0] ${code}`], origin);
  t.same(issuesOf({ origins: ['https://bücher.example'] })[0]?.problem,
    '"https://bücher.example" is not ASCII (a serialized origin uses the punycode form); its serialization is "https://xn--bcher-kva.example"');
  t.same(issuesOf({ origins: ['https://*.app.example:443'] })[0]?.problem,
    '"https://*.app.example:443" writes out the default port; write "https://*.app.example"');
  t.same(codesOf({ origins: '*', credentials: true }), ['origins wildcard-with-credentials']);
  t.same(codesOf({ origins: ['null'], credentials: true }), [], '"null" may be listed explicitly, even with credentials');
});

t.test('methods: tokens as written, not forbidden, not normalizable', async (t) => {
  const result = compilePolicy({ origins: ['https://a.example'], methods: ['patch', 'PATCH', 'DELETE', 'PUT', 'PUT', 'x-custom'] });
  t.ok(result.ok);
  if (result.ok) t.same([...result.policy.methods], ['patch', 'PATCH', 'DELETE', 'PUT', 'x-custom'], 'case kept, duplicates dropped');
  t.same(codesOf({ origins: ['https://a.example'], methods: ['connect', 'Track', 'get', 'Delete', '*', 'P(T', 7, 'M'.repeat(65)] }), [
    'methods[0] forbidden-method', 'methods[1] forbidden-method', 'methods[2] method-not-normalized', 'methods[3] method-not-normalized',
    'methods[4] wildcard-in-list', 'methods[5] not-a-token', 'methods[6] wrong-type', 'methods[7] too-long',
  ]);
  t.same(codesOf({ origins: ['https://a.example'], methods: 'GET' }), ['methods wrong-type']);
  t.same(codesOf({ origins: ['https://a.example'], methods: [] }), [], 'an empty list allows only the safelisted methods');
});

t.test('allowHeaders and exposeHeaders: field names lowercased, "*" only without credentials', async (t) => {
  const result = compilePolicy({ origins: ['https://a.example'], allowHeaders: ['X-Api-Key', 'x-api-key', 'Authorization', 'X-HTTP-Method-Override'], exposeHeaders: ['X-Request-Id'] });
  t.ok(result.ok);
  if (result.ok) {
    t.same(result.policy.values.acah, 'x-api-key, authorization, x-http-method-override');
    t.same(result.policy.values.aceh, 'x-request-id');
  }
  t.same(codesOf({ origins: ['https://a.example'], allowHeaders: ['Origin', 'proxy-authorization', 'Content-Length', 'x a', '*'] }), [
    'allowHeaders[0] forbidden-request-header', 'allowHeaders[1] forbidden-request-header', 'allowHeaders[2] forbidden-request-header',
    'allowHeaders[3] not-a-token', 'allowHeaders[4] wildcard-in-list',
  ]);
  t.same(codesOf({ origins: ['https://a.example'], exposeHeaders: ['Set-Cookie', 'set-cookie2', 'x:y'] }), [
    'exposeHeaders[0] forbidden-response-header', 'exposeHeaders[1] forbidden-response-header', 'exposeHeaders[2] not-a-token',
  ]);
  t.same(codesOf({ origins: ['https://a.example'], allowHeaders: '*', exposeHeaders: '*' }), []);
  t.same(codesOf({ origins: ['https://a.example'], allowHeaders: '*', credentials: true }), ['allowHeaders wildcard-with-credentials']);
  t.same(codesOf({ origins: ['https://a.example'], allowHeaders: 'x-a' }), ['allowHeaders wrong-type']);
});

t.test('credentials, maxAge and paths', async (t) => {
  const o = { origins: ['https://a.example'] };
  t.same(codesOf({ ...o, credentials: 'true' }), ['credentials wrong-type']);
  for (const maxAge of [0, 600, MAX_AGE_LIMIT]) t.same(codesOf({ ...o, maxAge }), [], String(maxAge));
  for (const maxAge of [-1, MAX_AGE_LIMIT + 1]) t.same(codesOf({ ...o, maxAge }), ['maxAge out-of-range'], String(maxAge));
  for (const maxAge of [1.5, '600', null, Number.NaN]) t.same(codesOf({ ...o, maxAge }), ['maxAge wrong-type'], String(maxAge));
  t.same(codesOf({ ...o, paths: ['/', '/items', '/items/', '/a-b_c/~d'] }), []);
  t.same(codesOf({ ...o, paths: [] }), ['paths empty-list']);
  t.same(codesOf({ ...o, paths: '/items' }), ['paths wrong-type']);
  t.same(codesOf({ ...o, paths: ['/a?b', '/a#b', '/a b', '/a/../b', '/a/%2E', '/a%2fb', '/a\\b', ''] }),
    [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `paths[${i}] invalid-path`));
  const result = compilePolicy(o);
  t.ok(result.ok);
  if (result.ok) {
    t.equal(result.policy.credentials, false, 'credentials default to false');
    t.equal(result.policy.paths, null, 'no paths: every path');
    t.same(result.policy.values, { acam: null, acah: null, aceh: null, acma: null });
  }
});

t.test('toCompiledPolicy passes compiled policies through and throws PolicyError with every issue', async (t) => {
  const compiled = toCompiledPolicy(designExample);
  t.equal(toCompiledPolicy(compiled), compiled);
  let caught: unknown = null;
  try {
    toCompiledPolicy({ origins: '*', credentials: true, maxAge: -1 });
  } catch (error) {
    caught = error;
  }
  t.ok(caught instanceof PolicyError);
  if (caught instanceof PolicyError) {
    t.same(caught.issues.map((i) => i.code), ['wildcard-with-credentials', 'out-of-range']);
    t.equal(caught.message, 'invalid CORS policy:\n  origins: "*" cannot be combined with credentials: true; list the origins\n  maxAge: must be between 0 and 86400 seconds (browsers cap it)');
  }
});
