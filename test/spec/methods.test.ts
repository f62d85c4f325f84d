import t from 'tap';
import fc from 'fast-check';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from '../../spec/methods.js';
import { byteString } from './fixtures/arbitraries.js';

t.test('cors-safelisted-method', (t) => {
  for (const m of ['GET', 'HEAD', 'POST']) t.equal(isCorsSafelistedMethod(m), true, m);
  for (const m of ['get', 'Post', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', '', 'GET ']) t.equal(isCorsSafelistedMethod(m), false, m);
  t.end();
});

t.test('forbidden-method', (t) => {
  for (const m of ['CONNECT', 'TRACE', 'TRACK', 'trace', 'Track', 'cOnNeCt']) t.equal(isForbiddenMethod(m), true, m);
  for (const m of ['GET', 'TRACES', ' TRACE', 'OPTIONS', '']) t.equal(isForbiddenMethod(m), false, m);
  t.end();
});

t.test('concept-method-normalize', (t) => {
  t.equal(normalizeMethod('delete'), 'DELETE');
  t.equal(normalizeMethod('gEt'), 'GET');
  t.equal(normalizeMethod('head'), 'HEAD');
  t.equal(normalizeMethod('options'), 'OPTIONS');
  t.equal(normalizeMethod('post'), 'POST');
  t.equal(normalizeMethod('Put'), 'PUT');
  t.equal(normalizeMethod('patch'), 'patch', 'PATCH is not normalized');
  t.equal(normalizeMethod('Foo'), 'Foo');
  t.equal(normalizeMethod('trace'), 'trace');
  t.end();
});

t.test('properties', (t) => {
  t.doesNotThrow(() => fc.assert(fc.property(byteString, (m) => {
    const normalized = normalizeMethod(m);
    return normalizeMethod(normalized) === normalized && normalized.length === m.length
      && isForbiddenMethod(normalized) === isForbiddenMethod(m);
  })), 'normalization is idempotent, length-preserving and keeps forbiddenness');
  t.doesNotThrow(() => fc.assert(fc.property(fc.constantFrom('GET', 'HEAD', 'POST'), fc.boolean(), (m, lower) =>
    isCorsSafelistedMethod(normalizeMethod(lower ? m.toLowerCase() : m)))), 'every case of a safelisted method normalizes into the safelist');
  t.end();
});
