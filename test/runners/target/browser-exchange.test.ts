// Which URLs a browser exchange may send to: exactly those whose origin is a named target's.
import t from 'tap';
import { isAllowed } from '../../../runners/target/browser-exchange.js';

const allowed = new Set(['http://127.0.0.1:8922', 'https://api.example', 'http://10.0.0.1:1']);

t.test('isAllowed agrees with the URL origin, whatever the href looks like', async (t) => {
  const cases: readonly [string, boolean][] = [
    ['http://127.0.0.1:8922/items', true],
    ['http://127.0.0.1:8922/?x=1', true],
    ['http://127.0.0.1:8922', true],
    ['https://api.example/a//b', true],
    ['https://api.example:443/items', true],
    ['https://user:secret@api.example/items', true],
    ['blob:https://api.example/4f1c', true],
    ['http://10.0.0.1:10/items', false],
    ['http://10.0.0.1:1/items', true],
    ['http://127.0.0.1.evil.example:8922/items', false],
    ['https://api.example.evil.example/items', false],
    ['http://api.example/items', false],
    ['https://127.0.0.1:8922/items', false],
    ['https://evil.example/https://api.example/', false],
    ['https://evil.example@api.example/', true],
    ['https://api.example@evil.example/', false],
    ['data:text/plain,https://api.example/', false],
  ];
  for (const [href, expected] of cases) {
    const url = new URL(href);
    t.equal(isAllowed(url, allowed), expected, href);
    t.equal(isAllowed(url, allowed), allowed.has(url.origin), `${href}: as the origin getter says`);
  }
});
