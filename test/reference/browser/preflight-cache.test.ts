// The preflight cache across a history of requests, per profile: what reaches the server, and when.
import t from 'tap';
import { runCase, type Case, type CaseHistoryEntry, type CaseRequest, type CaseResponse, type ProfileName } from '../../../reference/browser/index.js';
import { ACAC, ACAH, ACAM, ACAO, ACMA } from '../../../spec/headers.js';

const origin = 'https://app.example';
const url = 'https://api.example/cache';
const put: CaseRequest = { url, method: 'PUT', origin };
const ok: CaseResponse = { status: 200, headers: { [ACAO]: origin } };
const allowPut = (maxAge?: string, extra: Record<string, string> = {}): CaseResponse =>
  ({ status: 204, headers: { [ACAO]: origin, [ACAM]: 'PUT', ...(maxAge !== undefined && { [ACMA]: maxAge }), ...extra } });

/** A first request at t=0 that fills the cache, then the same request at `at`. */
function again(at: number, preflight: CaseResponse, request: CaseRequest = put, profile: ProfileName = 'spec', second: CaseRequest = request): Case {
  const first: CaseHistoryEntry = { at: 0, request, preflight, response: ok };
  return { profile, history: [first], at, request: second, preflight, response: ok };
}

const preflighted = (c: Case) => {
  const verdict = runCase(c);
  return { sent: verdict.preflight.sent, fromCache: verdict.preflight.fromCache, outcome: verdict.outcome };
};

t.test('no max-age: cached for 5 seconds', async (t) => {
  t.same(preflighted(again(4, allowPut())), { sent: false, fromCache: true, outcome: 'ok' });
  t.same(preflighted(again(5, allowPut())), { sent: true, fromCache: false, outcome: 'ok' });
});

t.test('max-age 600: within and beyond', async (t) => {
  t.same(preflighted(again(599, allowPut('600'))), { sent: false, fromCache: true, outcome: 'ok' });
  t.same(preflighted(again(600, allowPut('600'))), { sent: true, fromCache: false, outcome: 'ok' });
});

t.test('max-age 0 caches nothing', async (t) => {
  t.same(preflighted(again(0, allowPut('0'))), { sent: true, fromCache: false, outcome: 'ok' });
});

t.test('invalid or duplicated max-age falls back to 5 seconds in the spec', async (t) => {
  for (const value of ['abc', '1.5', '-1', '+60']) {
    t.same(preflighted(again(4, allowPut(value))), { sent: false, fromCache: true, outcome: 'ok' }, value);
    t.same(preflighted(again(6, allowPut(value))), { sent: true, fromCache: false, outcome: 'ok' }, value);
  }
  const twice: CaseResponse = { status: 204, headers: { [ACAO]: origin, [ACAM]: 'PUT', [ACMA]: ['600', '600'] } };
  t.same(preflighted(again(6, twice)), { sent: true, fromCache: false, outcome: 'ok' });
});

t.test('caps and parsing per engine', async (t) => {
  const huge = allowPut('100000');
  t.equal(preflighted({ ...again(7300, huge), profile: 'spec' }).sent, false, 'spec: no imposed limit');
  t.equal(preflighted({ ...again(7199, huge), profile: 'chromium' }).sent, false);
  t.equal(preflighted({ ...again(7200, huge), profile: 'chromium' }).sent, true, 'chromium caps at 7200');
  t.equal(preflighted({ ...again(86400, huge), profile: 'firefox' }).sent, true, 'firefox caps at 86400');
  t.equal(preflighted({ ...again(86399, huge), profile: 'firefox' }).sent, false);
  t.equal(preflighted({ ...again(600, huge), profile: 'webkit' }).sent, true, 'webkit caps at 600');
  t.equal(preflighted({ ...again(1, allowPut('abc')), profile: 'firefox' }).sent, true, 'firefox: non-digits cache nothing');
  t.equal(preflighted({ ...again(1, allowPut('abc')), profile: 'chromium' }).sent, false, 'chromium: invalid gives 5 s');
  t.equal(preflighted({ ...again(1, allowPut('-1')), profile: 'chromium' }).sent, true, 'chromium: negative gives 0');
  t.equal(preflighted({ ...again(30, allowPut('+60')), profile: 'webkit' }).sent, false, 'webkit accepts +60');
  t.equal(preflighted({ ...again(30, allowPut('+60')), profile: 'chromium' }).sent, false, 'chromium accepts +60 too');
  t.equal(preflighted({ ...again(30, allowPut('+60')), profile: 'spec' }).sent, true, 'the spec rejects +60: 5 s');
  t.equal(preflighted({ ...again(6, allowPut('99999999999999999999')), profile: 'chromium' }).sent, true, 'int64 overflow: 5 s');
});

t.test('credentials: a credentialed entry serves everyone, an uncredentialed one does not serve credentialed requests', async (t) => {
  const withCredentials: CaseRequest = { ...put, credentials: 'include' };
  const credentialedAllow = allowPut('600', { [ACAC]: 'true' });
  const credentialedOk: CaseResponse = { status: 200, headers: { [ACAO]: origin, [ACAC]: 'true' } };
  const first = (request: CaseRequest): CaseHistoryEntry => ({ at: 0, request, preflight: credentialedAllow, response: credentialedOk });
  t.same(preflighted({ history: [first(withCredentials)], at: 1, request: put, preflight: credentialedAllow, response: credentialedOk }),
    { sent: false, fromCache: true, outcome: 'ok' });
  t.same(preflighted({ history: [first(put)], at: 1, request: withCredentials, preflight: credentialedAllow, response: credentialedOk }),
    { sent: true, fromCache: false, outcome: 'ok' });
});

t.test('the cache is per URL: another query string needs its own preflight', async (t) => {
  t.same(preflighted(again(1, allowPut('600'), put, 'spec', { ...put, url: url + '?page=2' })), { sent: true, fromCache: false, outcome: 'ok' });
});

t.test('a failure on the preflighted path clears the cache entries for the URL', async (t) => {
  const c: Case = {
    history: [
      { at: 0, request: put, preflight: allowPut('600'), response: ok },
      { at: 1, request: put, response: { status: 200, headers: {} } },
    ],
    at: 2, request: put, preflight: allowPut('600'), response: ok,
  };
  t.same(preflighted(c), { sent: true, fromCache: false, outcome: 'ok' });
  t.equal(runCase(c).outcome, 'ok');
});

t.test('wildcards in the cache: chromium and spec match uncredentialed, firefox never', async (t) => {
  const star: CaseResponse = { status: 204, headers: { [ACAO]: origin, [ACAM]: '*', [ACMA]: '600' } };
  t.equal(preflighted({ ...again(1, star), profile: 'spec' }).sent, false);
  t.equal(preflighted({ ...again(1, star), profile: 'chromium' }).sent, false);
  t.equal(preflighted({ ...again(1, star), profile: 'firefox' }).sent, true);
});

t.test('Authorization with ACAH *: spec fails; chromium passes but re-preflights every time', async (t) => {
  const withAuth: CaseRequest = { url, origin, headers: { authorization: 'Bearer t' } };
  const star: CaseResponse = { status: 204, headers: { [ACAO]: origin, [ACAH]: '*', [ACMA]: '600' } };
  const c = again(1, star, withAuth, 'chromium');
  t.same(preflighted(c), { sent: true, fromCache: false, outcome: 'ok' });
  const spec = runCase({ request: withAuth, preflight: star, response: ok });
  t.equal(spec.failedAt, 'cors-preflight-fetch-0:7.6');
});

t.test('cache merge vs replace: a later preflight for another header drops earlier entries in chromium only', async (t) => {
  const withA: CaseRequest = { url, origin, headers: { 'x-a': '1' } };
  const withB: CaseRequest = { url, origin, headers: { 'x-b': '1' } };
  const allow = (name: string): CaseResponse => ({ status: 204, headers: { [ACAO]: origin, [ACAH]: name, [ACMA]: '600' } });
  const history: CaseHistoryEntry[] = [
    { at: 0, request: withA, preflight: allow('x-a'), response: ok },
    { at: 1, request: withB, preflight: allow('x-b'), response: ok },
  ];
  const third = (profile: ProfileName): Case => ({ profile, history, at: 2, request: withA, preflight: allow('x-a'), response: ok });
  t.equal(preflighted(third('spec')).sent, false, 'spec merges entries');
  t.equal(preflighted(third('firefox')).sent, false, 'firefox merges entries');
  t.equal(preflighted(third('chromium')).sent, true, 'chromium keeps one result per URL');
  t.equal(preflighted(third('webkit')).sent, true, 'webkit keeps one result per URL');
});
