// The requests the conformance suite builds: exact shapes, header values by name, and header names
// kept as own properties whatever they are.
import t from 'tap';
import { buildRequest } from '../../../suites/conformance/requests.js';

t.test('buildRequest: headers with sample values, a body for methods other than GET and HEAD', async (t) => {
  t.strictSame(buildRequest('https://api.example/items', 'https://app.example', 'GET', [], 'omit'),
    { url: 'https://api.example/items', origin: 'https://app.example', method: 'GET', credentials: 'omit' });
  t.strictSame(buildRequest('https://api.example/items', 'https://app.example', 'PUT', ['content-type', 'authorization', 'x-api-key'], 'include'), {
    url: 'https://api.example/items', origin: 'https://app.example', method: 'PUT', credentials: 'include',
    headers: { 'content-type': 'application/json', authorization: 'Bearer cors-conformance', 'x-api-key': 'cors-conformance' }, body: true,
  });
  t.strictSame(buildRequest('https://api.example/items', 'null', 'HEAD', ['range', 'range'], 'omit'),
    { url: 'https://api.example/items', origin: 'null', method: 'HEAD', credentials: 'omit', headers: { range: 'bytes=0-99' } });
});

t.test('buildRequest: a header named __proto__ (a server may advertise it) is a header like any other', async (t) => {
  const request = buildRequest('https://api.example/items', 'https://app.example', 'GET', ['__proto__', 'accept'], 'omit');
  t.same(Object.entries(request.headers ?? {}), [['__proto__', 'cors-conformance'], ['accept', 'application/json']]);
  t.equal(Object.getPrototypeOf(request.headers), Object.prototype);
});
