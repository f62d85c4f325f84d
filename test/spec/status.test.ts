import t from 'tap';
import { isNullBodyStatus, isOkStatus, isRedirectStatus } from '../../spec/status.js';

const statuses = (predicate: (s: number) => boolean): number[] => {
  const matched: number[] = [];
  for (let s = 0; s <= 999; s++) if (predicate(s)) matched.push(s);
  return matched;
};

t.test('ok-status', (t) => {
  t.same(statuses(isOkStatus), Array.from({ length: 100 }, (_, i) => 200 + i));
  t.equal(isOkStatus(204.5), false);
  t.equal(isOkStatus(Number.NaN), false);
  t.end();
});

t.test('redirect-status', (t) => {
  t.same(statuses(isRedirectStatus), [301, 302, 303, 307, 308]);
  t.end();
});

t.test('null-body-status', (t) => {
  t.same(statuses(isNullBodyStatus), [101, 103, 204, 205, 304]);
  t.end();
});
