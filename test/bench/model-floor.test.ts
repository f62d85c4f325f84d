// The yardsticks of bench/model-floor.ts must return the model's own verdict, or they measure
// something cheaper than the model's work.
import t from 'tap';
import { outputOnly, specialised } from '../../bench/model-floor.js';
import { shapes } from '../../bench/model.js';
import { runCase, type Case } from '../../reference/browser/index.js';

const c = shapes.preflightedCredentialed;

t.test('both yardsticks return runCase\'s verdict for the preflighted credentialed shape', async (t) => {
  const verdict = runCase(c);
  t.equal(JSON.stringify(specialised(c)), JSON.stringify(verdict));
  t.equal(JSON.stringify(outputOnly(c)), JSON.stringify(verdict));
});

t.test('the specialised code still decides: another URL, method or status reaches runCase\'s verdict too', async (t) => {
  const other: Case = {
    ...c,
    request: { ...c.request, url: 'https://API.example:443/a/../b', method: 'PATCH', headers: { 'X-Api-Key': 'k', 'x-b': '1' } },
    preflight: { status: 200, headers: { ...c.preflight!.headers, 'access-control-allow-methods': 'PATCH', 'access-control-allow-headers': ' X-B ,x-api-key', 'access-control-max-age': '5' } },
    response: { status: 201, headers: { ...c.response!.headers, 'access-control-expose-headers': ['x-request-id', 'Expires'], expires: '0' } },
  };
  t.equal(JSON.stringify(specialised(other)), JSON.stringify(runCase(other)));
});

t.test('the specialised code refuses a case off its one path instead of measuring a shorter one', async (t) => {
  const off: [string, Case][] = [
    ['no preflight answer', { request: c.request, response: c.response! }],
    ['a safelisted method', { ...c, request: { ...c.request, method: 'GET' } }],
    ['a safelisted header', { ...c, request: { ...c.request, headers: { accept: 'text/html' } } }],
    ['another Content-Type', { ...c, request: { ...c.request, headers: { 'content-type': 'text/plain' } } }],
    ['a failing preflight CORS check', { ...c, preflight: { status: 204, headers: { ...c.preflight!.headers, 'access-control-allow-credentials': 'TRUE' } } }],
    ['a preflight status that is not ok', { ...c, preflight: { ...c.preflight!, status: 302 } }],
    ['a method not allowed', { ...c, preflight: { status: 204, headers: { ...c.preflight!.headers, 'access-control-allow-methods': 'GET' } } }],
    ['a header not allowed', { ...c, preflight: { status: 204, headers: { ...c.preflight!.headers, 'access-control-allow-headers': 'x-api-key' } } }],
    ['no max-age', { ...c, preflight: { status: 204, headers: { ...c.preflight!.headers, 'access-control-max-age': '' } } }],
    ['a failing CORS check', { ...c, response: { status: 200, headers: { ...c.response!.headers, 'access-control-allow-origin': '*' } } }],
    ['a wildcard exposed', { ...c, response: { status: 200, headers: { ...c.response!.headers, 'access-control-expose-headers': '*' } } }],
  ];
  for (const [why, off1] of off) t.throws(() => specialised(off1), /only follows the preflighted credentialed shape/, why);
});
