import t from 'tap';
import fc from 'fast-check';
import {
  corsSafelistedResponseHeaderNames, isCorsSafelistedResponseHeaderName, isForbiddenResponseHeaderName,
} from '../../spec/response-headers.js';
import { byteLowercase } from '../../spec/header-list.js';

t.test('cors-safelisted-response-header-name', (t) => {
  for (const name of ['Cache-Control', 'content-language', 'CONTENT-LENGTH', 'Content-Type', 'Expires', 'Last-Modified', 'pragma']) {
    t.equal(isCorsSafelistedResponseHeaderName(name, []), true, name);
  }
  for (const name of ['ETag', 'Location', 'Link', 'Date', 'Server', 'Content-Disposition', 'Content-Encoding', 'Retry-After',
    'X-Total-Count', 'X-Request-Id', 'Set-Cookie', 'Vary']) {
    t.equal(isCorsSafelistedResponseHeaderName(name, []), false, name);
  }
  t.equal(isCorsSafelistedResponseHeaderName('X-Request-Id', ['x-request-id']), true, 'exposed, case-insensitively');
  t.equal(isCorsSafelistedResponseHeaderName('x-request-id', ['X-Request-ID']), true);
  t.equal(isCorsSafelistedResponseHeaderName('x-request-idx', ['x-request-id']), false);
  t.equal(isCorsSafelistedResponseHeaderName('Set-Cookie', ['Set-Cookie']), false, 'Set-Cookie is never exposed');
  t.equal(isCorsSafelistedResponseHeaderName('set-cookie2', ['SET-COOKIE2']), false);
  t.equal(isCorsSafelistedResponseHeaderName('x-a', ['*']), false, '* is literal here');
  t.equal(isCorsSafelistedResponseHeaderName('*', ['*']), true);
  t.end();
});

t.test('forbidden-response-header-name', (t) => {
  t.same(['Set-Cookie', 'set-cookie2', 'SET-COOKIE', 'Set-Cookie3', 'Cookie', ''].map(isForbiddenResponseHeaderName),
    [true, true, true, false, false, false]);
  t.end();
});

t.test('the precomputed filter agrees with cors-safelisted-response-header-name', (t) => {
  const name = fc.constantFrom('Content-Type', 'x-a', 'X-A', 'Set-Cookie', 'set-cookie2', '*', 'ETag', 'x-\u00c9', 'x-\u00e9', 'Pragma');
  fc.assert(fc.property(fc.array(name, { maxLength: 5 }), name, (exposed, asked) => {
    t.equal(corsSafelistedResponseHeaderNames(exposed)(byteLowercase(asked)), isCorsSafelistedResponseHeaderName(asked, exposed));
  }), { numRuns: 300 });
  t.end();
});
