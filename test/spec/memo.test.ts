import t from 'tap';
import { memoizeString } from '../../spec/memo.js';

t.test('computes once per distinct input and shares the (frozen) result', async (t) => {
  let calls = 0;
  const split = memoizeString((s: string) => { calls++; return s.split(','); });
  const first = split('a,b');
  t.same(first, ['a', 'b']);
  t.equal(split('a,b'), first, 'the same array comes back');
  t.equal(calls, 1);
  t.ok(Object.isFrozen(first), 'a shared array cannot be changed by one caller for the next');
});

t.test('remembers null results and never caches a throw', async (t) => {
  let calls = 0;
  const parse = memoizeString((s: string) => {
    calls++;
    if (s === 'bad') throw new Error('bad input');
    return s === 'none' ? null : s.length;
  });
  t.equal(parse('none'), null);
  t.equal(parse('none'), null);
  t.equal(calls, 1);
  t.throws(() => parse('bad'));
  t.throws(() => parse('bad'));
  t.equal(calls, 3);
});

t.test('stays bounded: a full cache is emptied, then refilled', async (t) => {
  let calls = 0;
  const id = memoizeString((s: string) => { calls++; return s; }, 2);
  id('a'); id('b'); id('c');
  t.equal(calls, 3);
  id('c');
  t.equal(calls, 3, 'the newest entry survives the emptying');
  id('a');
  t.equal(calls, 4, 'older entries were dropped');
});
