import t from 'tap';
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, ACRH, ACRM, ORIGIN } from '../../../spec/headers.js';
import { decide, isAnsweredByMiddleware, LIMITS, toCompiledPolicy } from '../../../reference/server/index.js';
import type { CompiledPolicy, Decision } from '../../../reference/server/index.js';

const APP = 'https://app.example';
const OPTIONS_VARY = [ORIGIN, ACRM, ACRH];

// The DESIGN.md §5 example plus a lowercase `patch`.
const listPolicy = toCompiledPolicy({
  origins: [APP, 'https://*.app.example'],
  methods: ['GET', 'POST', 'PUT', 'patch'],
  allowHeaders: ['content-type', 'x-api-key'],
  exposeHeaders: ['x-request-id'],
  credentials: true,
  maxAge: 600,
  paths: ['/items'],
});

const starPolicy = toCompiledPolicy({ origins: '*', methods: ['PUT'], allowHeaders: '*', exposeHeaders: '*' });

function request(method: string, path: string, headers: [string, string][] = []) {
  return { method, path, headers };
}

function preflight(policy: CompiledPolicy, origin: string, method: string, acrh?: string, path = '/items'): Decision {
  const headers: [string, string][] = [[ORIGIN, origin], [ACRM, method]];
  if (acrh !== undefined) headers.push([ACRH, acrh]);
  return decide(policy, request('OPTIONS', path, headers));
}

const allowedPreflightHeaders = (origin: string) => [
  [ACAO, origin], [ACAC, 'true'], [ACAM, 'GET, POST, PUT, patch'], [ACAH, 'content-type, x-api-key'], [ACMA, '600'],
];
const refusedPreflight = (reason: string) => ({ kind: 'refused-preflight', status: 403, reason, headers: [], vary: OPTIONS_VARY });

t.test('allowed origin: preflight gets 204 and exactly the policy headers', async (t) => {
  const d = preflight(listPolicy, APP, 'PUT', 'content-type,x-api-key');
  t.same(d, { kind: 'preflight', status: 204, headers: allowedPreflightHeaders(APP), vary: OPTIONS_VARY });
  t.ok(isAnsweredByMiddleware(d));
  t.same(preflight(listPolicy, APP, 'PUT'), d, 'without ACRH');
});

t.test('allowed origin: actual request gets ACAO, ACAC and ACEH, and Vary: Origin', async (t) => {
  const d = decide(listPolicy, request('GET', '/items/1?x=y', [[ORIGIN, APP]]));
  t.same(d, { kind: 'actual', headers: [[ACAO, APP], [ACAC, 'true'], [ACEH, 'x-request-id']], vary: [ORIGIN] });
  t.notOk(isAnsweredByMiddleware(d));
  t.same(decide(listPolicy, request('PUT', '/items', [['Origin', APP]])).kind, 'actual', 'listed method, header name in any case');
  t.same(decide(listPolicy, request('patch', '/items', [[ORIGIN, APP]])).kind, 'actual');
});

t.test('disallowed origin: no CORS headers at all, still Vary', async (t) => {
  t.same(preflight(listPolicy, 'https://evil.example', 'PUT'), refusedPreflight('origin-not-allowed'));
  t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, 'https://evil.example']])),
    { kind: 'refused-actual', reason: 'origin-not-allowed', headers: [], vary: [ORIGIN] });
  for (const origin of ['https://app.example/', 'HTTPS://app.example', 'https://app.example:443', 'http://app.example', '', 'https://app.example, https://app.example']) {
    t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, origin]])).kind, 'refused-actual', JSON.stringify(origin));
  }
  t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, APP], [ORIGIN, APP]])).kind, 'refused-actual', 'two Origin lines combine to a non-origin');
});

t.test('wildcard subdomain patterns: one or more labels, same scheme and port', async (t) => {
  for (const origin of ['https://x.app.example', 'https://a.b.app.example', 'https://x-1.app.example']) {
    t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, origin]])),
      { kind: 'actual', headers: [[ACAO, origin], [ACAC, 'true'], [ACEH, 'x-request-id']], vary: [ORIGIN] }, origin);
    t.same(preflight(listPolicy, origin, 'patch').kind, 'preflight', origin);
  }
  for (const origin of ['https://evilapp.example', 'https://app.example.evil.test', 'http://x.app.example', 'https://x.app.example:8443',
    'https://.app.example', 'https://x..app.example', 'https://X.app.example', 'https://x.app.example/', 'https://x.app.example.']) {
    t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, origin]])).kind, 'refused-actual', origin);
    t.same(preflight(listPolicy, origin, 'PUT'), refusedPreflight('origin-not-allowed'), origin);
  }
  const bare = toCompiledPolicy({ origins: ['https://*.app.example'] });
  t.same(decide(bare, request('GET', '/', [[ORIGIN, APP]])).kind, 'refused-actual', 'the base domain itself is not a subdomain');
  const ported = toCompiledPolicy({ origins: ['http://*.dev.example:8080'] });
  t.same(decide(ported, request('GET', '/', [[ORIGIN, 'http://a.dev.example:8080']])).kind, 'actual');
  t.same(decide(ported, request('GET', '/', [[ORIGIN, 'http://a.dev.example']])).kind, 'refused-actual');
  t.same(decide(ported, request('GET', '/', [[ORIGIN, 'http://a.dev.example:8081']])).kind, 'refused-actual');
});

t.test('origins "*" without credentials: static `*` on every response, no Vary: Origin', async (t) => {
  t.same(preflight(starPolicy, 'https://any.example', 'PUT', 'x-anything'),
    { kind: 'preflight', status: 204, headers: [[ACAO, '*'], [ACAM, 'PUT'], [ACAH, '*']], vary: OPTIONS_VARY });
  const expected = { headers: [[ACAO, '*'], [ACEH, '*']], vary: [] };
  t.same(decide(starPolicy, request('GET', '/x', [[ORIGIN, 'https://any.example']])), { kind: 'actual', ...expected });
  t.same(decide(starPolicy, request('GET', '/x', [[ORIGIN, 'null']])), { kind: 'actual', ...expected }, 'null too: the answer is public');
  t.same(decide(starPolicy, request('GET', '/x')), { kind: 'not-cors', ...expected });
  t.same(decide(starPolicy, request('DELETE', '/x')), { kind: 'not-cors', headers: [], vary: [] }, 'not for methods outside the policy');
  t.same(preflight(starPolicy, 'https://any.example', 'PUT', 'authorization'), refusedPreflight('headers-not-allowed'),
    '`*` never covers Authorization');
  t.same(preflight(starPolicy, 'https://any.example', 'PUT', 'cookie'), refusedPreflight('headers-not-allowed'), 'nor forbidden names');
});

t.test('credentials with a list: exact origin echoed with ACAC on preflight and actual', async (t) => {
  const p = toCompiledPolicy({ origins: ['https://a.example', 'http://localhost:3000'], credentials: true });
  t.same(preflight(p, 'http://localhost:3000', 'POST', undefined, '/'),
    { kind: 'preflight', status: 204, headers: [[ACAO, 'http://localhost:3000'], [ACAC, 'true']], vary: OPTIONS_VARY });
  t.same(decide(p, request('POST', '/', [[ORIGIN, 'https://a.example']])),
    { kind: 'actual', headers: [[ACAO, 'https://a.example'], [ACAC, 'true']], vary: [ORIGIN] });
});

t.test('methods: safelisted always pass, others byte for byte', async (t) => {
  t.same(preflight(listPolicy, APP, 'patch'), { kind: 'preflight', status: 204, headers: allowedPreflightHeaders(APP), vary: OPTIONS_VARY });
  t.same(preflight(listPolicy, APP, 'PATCH'), refusedPreflight('method-not-allowed'), 'PATCH is not patch');
  t.same(preflight(listPolicy, APP, 'put'), refusedPreflight('method-not-allowed'), 'put is not PUT');
  t.same(preflight(listPolicy, APP, 'DELETE'), refusedPreflight('method-not-allowed'));
  t.same(preflight(listPolicy, APP, 'PUT ;'), refusedPreflight('method-invalid'));
  t.same(preflight(listPolicy, APP, ''), refusedPreflight('method-invalid'));
  const noMethods = toCompiledPolicy({ origins: [APP], allowHeaders: ['x-a'] });
  t.same(preflight(noMethods, APP, 'POST', 'x-a', '/'),
    { kind: 'preflight', status: 204, headers: [[ACAO, APP], [ACAH, 'x-a']], vary: OPTIONS_VARY }, 'a safelisted method needs no listing');
  t.same(decide(listPolicy, request('HEAD', '/items', [[ORIGIN, APP]])).kind, 'actual');
  t.same(decide(listPolicy, request('DELETE', '/items', [[ORIGIN, APP]])),
    { kind: 'refused-actual', reason: 'method-not-allowed', headers: [], vary: [ORIGIN] });
});

t.test('Access-Control-Request-Headers: canonical form and lenient variants', async (t) => {
  const ok = { kind: 'preflight', status: 204, headers: allowedPreflightHeaders(APP), vary: OPTIONS_VARY };
  for (const acrh of ['content-type,x-api-key', 'x-api-key', 'Content-Type, X-Api-Key', ' x-api-key ,\tcontent-type ', 'x-api-key,,', '']) {
    t.same(preflight(listPolicy, APP, 'PUT', acrh), ok, JSON.stringify(acrh));
  }
  const twoLines = decide(listPolicy, request('OPTIONS', '/items', [[ORIGIN, APP], [ACRM, 'PUT'], [ACRH, 'content-type'], [ACRH, 'x-api-key']]));
  t.same(twoLines, ok, 'split over two lines');
  t.same(preflight(listPolicy, APP, 'PUT', 'content-type,x-other'), refusedPreflight('headers-not-allowed'));
  t.same(preflight(listPolicy, APP, 'GET', 'authorization'), refusedPreflight('headers-not-allowed'));
  t.same(preflight(listPolicy, APP, 'PUT', 'x-api-key x-b'), refusedPreflight('headers-invalid'));
  t.same(preflight(listPolicy, APP, 'PUT', 'x-api-key;'), refusedPreflight('headers-invalid'));
});

t.test('a plain OPTIONS without Access-Control-Request-Method goes to the application', async (t) => {
  t.same(decide(listPolicy, request('OPTIONS', '/items', [[ORIGIN, APP]])),
    { kind: 'refused-actual', reason: 'method-not-allowed', headers: [], vary: OPTIONS_VARY }, 'OPTIONS is not in the policy');
  const withOptions = toCompiledPolicy({ origins: [APP], methods: ['OPTIONS'] });
  t.same(decide(withOptions, request('OPTIONS', '/', [[ORIGIN, APP]])),
    { kind: 'actual', headers: [[ACAO, APP]], vary: OPTIONS_VARY });
  t.same(decide(listPolicy, request('OPTIONS', '/items')), { kind: 'not-cors', headers: [], vary: OPTIONS_VARY });
  t.same(decide(listPolicy, request('OPTIONS', '/items', [[ACRM, 'PUT']])), { kind: 'not-cors', headers: [], vary: OPTIONS_VARY },
    'no Origin: not a preflight');
  t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, APP], [ACRM, 'PUT']])).kind, 'actual', 'ACRM on GET means nothing');
});

t.test('requests without Origin still vary on Origin', async (t) => {
  t.same(decide(listPolicy, request('GET', '/items')), { kind: 'not-cors', headers: [], vary: [ORIGIN] });
  t.same(decide(listPolicy, request('POST', '/items/1', [['accept', '*/*']])), { kind: 'not-cors', headers: [], vary: [ORIGIN] });
});

t.test('Origin: null is refused unless "null" is listed', async (t) => {
  t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, 'null']])),
    { kind: 'refused-actual', reason: 'null-origin', headers: [], vary: [ORIGIN] });
  t.same(preflight(listPolicy, 'null', 'PUT'), refusedPreflight('null-origin'));
  const withNull = toCompiledPolicy({ origins: ['null'], credentials: true });
  t.same(decide(withNull, request('GET', '/', [[ORIGIN, 'null']])),
    { kind: 'actual', headers: [[ACAO, 'null'], [ACAC, 'true']], vary: [ORIGIN] });
  for (const origin of ['NULL', 'Null', 'null ']) t.same(decide(withNull, request('GET', '/', [[ORIGIN, origin]])).kind, 'refused-actual', origin);
});

t.test('paths: whole-segment prefixes; everything else is left alone', async (t) => {
  const untouched = { kind: 'out-of-scope', headers: [], vary: [] };
  for (const path of ['/items', '/items/', '/items/1', '/items?q=1', '/items#x', '/items/a/b?c']) {
    t.same(decide(listPolicy, request('GET', path, [[ORIGIN, APP]])).kind, 'actual', path);
  }
  for (const path of ['/', '/itemsx', '/other/items', '/item', '/items/../admin', '/items/%2e%2E/admin', '/items/./x', '/items%2fx', '/items/a%5Cb', '*']) {
    t.same(decide(listPolicy, request('GET', path, [[ORIGIN, APP]])), untouched, path);
    t.same(preflight(listPolicy, APP, 'PUT', undefined, path), untouched, `preflight ${path}`);
    t.same(decide(listPolicy, request('GET', path)), untouched, `no Origin ${path}`);
  }
  const slash = toCompiledPolicy({ origins: [APP], paths: ['/api/'] });
  t.same(decide(slash, request('GET', '/api/x', [[ORIGIN, APP]])).kind, 'actual');
  t.same(decide(slash, request('GET', '/api', [[ORIGIN, APP]])).kind, 'out-of-scope');
});

t.test('hostile inputs are refused at each bound, never parsed beyond it', async (t) => {
  const at = (n: number) => `https://${'a'.repeat(n - 'https://.app.example'.length)}.app.example`;
  t.equal(at(LIMITS.originLength).length, LIMITS.originLength);
  t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, at(LIMITS.originLength)]])).kind, 'actual', 'an origin at the bound is matched');
  t.same(decide(listPolicy, request('GET', '/items', [[ORIGIN, at(LIMITS.originLength + 1)]])),
    { kind: 'refused-actual', reason: 'origin-too-long', headers: [], vary: [ORIGIN] });
  t.same(preflight(listPolicy, 'https://' + 'a'.repeat(1_000_000), 'PUT'), refusedPreflight('origin-too-long'));
  t.same(decide(listPolicy, request('GET', '/items', Array.from({ length: 1000 }, (): [string, string] => [ORIGIN, APP]))).kind,
    'refused-actual', 'a thousand Origin lines');

  const long = 'X'.repeat(LIMITS.methodLength + 1);
  t.same(preflight(listPolicy, APP, long), refusedPreflight('method-too-long'));
  t.same(preflight(listPolicy, APP, 'Y'.repeat(LIMITS.methodLength)), refusedPreflight('method-not-allowed'), 'at the bound: checked');

  const names = (n: number, name = (i: number) => `x${i}`) => Array.from({ length: n }, (_, i) => name(i)).join(',');
  const anyHeaders = toCompiledPolicy({ origins: [APP], allowHeaders: '*' });
  const acrhAtBound = 'x-a,' + 'b'.repeat(LIMITS.requestHeadersLength - 4);
  t.equal(acrhAtBound.length, LIMITS.requestHeadersLength);
  t.same(preflight(anyHeaders, APP, 'GET', acrhAtBound, '/').kind, 'preflight', 'ACRH at the length bound');
  t.same(preflight(anyHeaders, APP, 'GET', acrhAtBound + 'z', '/'), refusedPreflight('headers-too-long'));
  t.same(preflight(anyHeaders, APP, 'GET', names(5000), '/'), refusedPreflight('headers-too-long'), 'thousands of names');
  t.same(preflight(anyHeaders, APP, 'GET', 'x'.repeat(10_000_000), '/'), refusedPreflight('headers-too-long'), 'a 10 MB value');
  const manyLines = Array.from({ length: 3000 }, (): [string, string] => [ACRH, 'x-a']);
  t.same(decide(anyHeaders, request('OPTIONS', '/', [[ORIGIN, APP], [ACRM, 'GET'], ...manyLines])), refusedPreflight('headers-too-long'),
    'thousands of ACRH lines');
  t.same(preflight(anyHeaders, APP, 'GET', names(LIMITS.requestHeaderNames), '/').kind, 'preflight', 'names at the count bound');
  t.same(preflight(anyHeaders, APP, 'GET', names(LIMITS.requestHeaderNames + 1), '/'), refusedPreflight('too-many-headers'));
});

t.test('decisions do not depend on unrelated headers and are deterministic', async (t) => {
  const noise: [string, string][] = [['cookie', 'a=b'], ['x-huge', 'z'.repeat(100_000)], ['authorization', 'Bearer x']];
  t.same(decide(listPolicy, request('GET', '/items', [...noise, [ORIGIN, APP]])), decide(listPolicy, request('GET', '/items', [[ORIGIN, APP]])));
  t.same(preflight(listPolicy, APP, 'PUT'), preflight(listPolicy, APP, 'PUT'));
});
