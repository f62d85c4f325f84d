// The check ledger: what an exchange exercised becomes passed, unless found failing or never exercised.
import t from 'tap';
import { CheckLedger } from '../../../runners/run/ledger.js';
import type { CheckId } from '../../../suites/checks/registry.js';

const statuses = (ledger: CheckLedger) => Object.fromEntries(ledger.results().map((result) => [result.id, result.status]));

t.test('exerciseGroup marks every id of a group, once, and later groups still count', async (t) => {
  const ledger = new CheckLedger('http://h/items', new Set(['acao/missing', 'acao/multiple-values', 'acac/not-true', 'preflight/ok-status']));
  const omit: readonly CheckId[] = ['acao/missing', 'acao/multiple-values'];
  const include: readonly CheckId[] = [...omit, 'acac/not-true'];
  ledger.exerciseGroup(omit);
  ledger.exerciseGroup(omit);
  t.same(statuses(ledger), { 'acao/missing': 'passed', 'acao/multiple-values': 'passed', 'acac/not-true': 'skipped', 'preflight/ok-status': 'skipped' });
  ledger.exerciseGroup(include);
  ledger.skip('acac/not-true', 'too late: it was exercised');
  ledger.skip('preflight/ok-status', 'no preflight');
  t.same(statuses(ledger), { 'acao/missing': 'passed', 'acao/multiple-values': 'passed', 'acac/not-true': 'passed', 'preflight/ok-status': 'skipped' });
  t.equal(ledger.results().find((result) => result.id === 'preflight/ok-status')?.skipReason, 'no preflight');
});
