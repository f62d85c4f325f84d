// The edge-case data itself: stable slugs, real anchors, titles, distinct URLs, and every item of the
// digest's §4 either covered by a case or listed as not modelled with a reason.
import t from 'tap';
import { anchors } from '../../spec/anchors.js';
import { edgeCases, notModelled } from '../../suites/edge/index.js';
import { expectationFor, matchExpectation } from '../../suites/edge/match.js';
import type { Verdict } from '../../reference/browser/types.js';

const DIGEST_ITEMS = 96;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9*]+(?:-[a-z0-9]+)*)+$/;
const anchorOf = (ref: string): string => ref.split(':')[0]!;

t.test('ids are unique, stable slugs', async (t) => {
  const seen = new Set<string>();
  const duplicates = edgeCases.map((e) => e.id).filter((id) => seen.has(id) || !seen.add(id));
  t.same(duplicates, []);
  t.same(edgeCases.map((e) => e.id).filter((id) => !SLUG.test(id)), []);
});

t.test('every case has a title and cites real Fetch anchors', async (t) => {
  t.same(edgeCases.filter((e) => e.title.trim() === '').map((e) => e.id), []);
  t.same(edgeCases.filter((e) => e.steps.length === 0).map((e) => e.id), []);
  const unknown = edgeCases.flatMap((e) => e.steps.filter((s) => !(anchorOf(s) in anchors)).map((s) => `${e.id}: ${s}`));
  t.same(unknown, []);
  const expectations = edgeCases.flatMap((e) => [e.expect, ...Object.values(e.profiles ?? {})].map((x) => [e.id, x] as const));
  const badFailedAt = expectations.flatMap(([id, x]) =>
    x.kind === 'verdict' && x.failedAt !== undefined && !(anchorOf(x.failedAt) in anchors) ? [`${id}: ${x.failedAt}`] : []);
  t.same(badFailedAt, []);
});

t.test('failedAt is pinned only on network errors', async (t) => {
  const wrong = edgeCases.flatMap((e) => [e.expect, ...Object.values(e.profiles ?? {})]
    .filter((x) => x.kind === 'verdict' && x.outcome === 'ok' && x.failedAt !== undefined).map(() => e.id));
  t.same(wrong, []);
});

t.test('each case requests its own URL, so no case depends on another one\'s cache', async (t) => {
  const seen = new Map<string, string>();
  const shared: string[] = [];
  for (const e of edgeCases) {
    const other = seen.get(e.case.request.url);
    if (other !== undefined) shared.push(`${e.id} and ${other}: ${e.case.request.url}`);
    seen.set(e.case.request.url, e.id);
  }
  t.same(shared, []);
});

t.test('every digest §4 item is covered by a case or listed as not modelled', async (t) => {
  const covered = new Set(edgeCases.flatMap((e) => (e.digest === undefined ? [] : [e.digest])));
  const skipped = new Set(notModelled.map((n) => n.digest));
  const missing: number[] = [];
  for (let item = 1; item <= DIGEST_ITEMS; item++) if (!covered.has(item) && !skipped.has(item)) missing.push(item);
  t.same(missing, []);
  t.same([...covered].filter((item) => skipped.has(item)), [], 'an item is either covered or skipped, not both');
  t.same([...covered, ...skipped].filter((item) => !Number.isInteger(item) || item < 1 || item > DIGEST_ITEMS), []);
  t.same(notModelled.filter((n) => n.reason.trim() === '').map((n) => n.digest), []);
});

t.test('the matcher reports differences and accepts an exact match', async (t) => {
  const verdict: Verdict = {
    profile: 'spec', outcome: 'network-error', failedAt: 'concept-cors-check:2', reason: 'no ACAO',
    requests: [{ kind: 'actual', method: 'GET', url: 'https://api.example/x', headers: { origin: 'https://app.example' } }],
    preflight: { sent: false, fromCache: false }, status: null, type: null, exposedHeaders: [], trace: [],
  };
  t.same(matchExpectation(verdict, {
    kind: 'verdict', outcome: 'network-error', failedAt: 'concept-cors-check:2', preflightSent: false,
    requests: [{ kind: 'actual', method: 'GET', headers: { origin: 'https://app.example', authorization: null } }],
  }), []);
  const problems = matchExpectation(verdict, {
    kind: 'verdict', outcome: 'ok', failedAt: 'concept-cors-check:4',
    requests: [{ kind: 'preflight', headers: { origin: null } }, { kind: 'actual' }],
  });
  t.ok(problems.some((p) => p.startsWith('outcome:')));
  t.ok(problems.some((p) => p.startsWith('failedAt:')));
  t.ok(problems.some((p) => p.startsWith('requests: expected 2')));
  t.ok(problems.some((p) => p.startsWith('requests[0].kind')));
  t.ok(problems.some((p) => p.startsWith('requests[0] header origin: expected absent')));
  t.same(matchExpectation({ name: 'CaseError', message: 'TRACE is a forbidden method' }, { kind: 'input-error', message: 'forbidden method' }), []);
  t.equal(matchExpectation(verdict, { kind: 'input-error', message: 'forbidden method' }).length, 1);
  t.equal(matchExpectation({ name: 'CaseError', message: 'bad' }, { kind: 'verdict', outcome: 'ok' }).length, 1);
});

t.test('a profile override replaces the spec expectation for that profile only', async (t) => {
  const withOverride = edgeCases.find((e) => e.profiles?.chromium !== undefined);
  t.ok(withOverride, 'some case has a chromium override');
  if (withOverride === undefined) return;
  t.equal(expectationFor(withOverride, 'spec'), withOverride.expect);
  t.equal(expectationFor(withOverride, 'chromium'), withOverride.profiles?.chromium);
  t.equal(expectationFor(withOverride, 'firefox'), withOverride.profiles?.firefox ?? withOverride.expect);
});
