import t from 'tap';
import fc from 'fast-check';
import { failure } from '../../spec/abnf.js';
import { byteLowercase } from '../../spec/header-list.js';
import type { HeaderList } from '../../spec/header-list.js';
import { ACCEPT, ACCEPT_LANGUAGE, AUTHORIZATION, CONTENT_LANGUAGE, CONTENT_TYPE, RANGE } from '../../spec/headers.js';
import {
  convertHeaderNamesToSortedLowercaseSet,
  corsUnsafeRequestHeaderNames,
  isCorsNonWildcardRequestHeaderName,
  isCorsSafelistedRequestHeader,
  isCorsUnsafeRequestHeaderByte,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
  isNoCorsSafelistedRequestHeaderName,
  isPrivilegedNoCorsRequestHeaderName,
  isRequestBodyHeaderName,
  parseSingleRangeHeaderValue,
  serializeAccessControlRequestHeaders,
} from '../../spec/request-headers.js';
import { byteString, syntaxString, token } from './fixtures/arbitraries.js';

const bytesWhere = (predicate: (byte: number) => boolean): number[] => Array.from({ length: 256 }, (_, b) => b).filter(predicate);

t.test('cors-unsafe-request-header-byte', (t) => {
  const controls = Array.from({ length: 0x20 }, (_, b) => b).filter((b) => b !== 0x09);
  t.same(bytesWhere(isCorsUnsafeRequestHeaderByte),
    [...controls, 0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f]);
  t.end();
});

t.test('cors-safelisted-request-header: accept', (t) => {
  t.equal(isCorsSafelistedRequestHeader('Accept', '*/*'), true);
  t.equal(isCorsSafelistedRequestHeader(ACCEPT, 'image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5'), true);
  t.equal(isCorsSafelistedRequestHeader(ACCEPT, 'text/\xe9\xff'), true, 'bytes >= 0x80 are not unsafe');
  t.equal(isCorsSafelistedRequestHeader(ACCEPT, 'a\tb'), true, 'HTAB is allowed');
  for (const unsafe of ['"', '(', ')', ':', '<', '>', '?', '@', '[', '\\', ']', '{', '}', '\x7f', '\x00', '\x1f']) {
    t.equal(isCorsSafelistedRequestHeader(ACCEPT, `text/plain${unsafe}`), false, JSON.stringify(unsafe));
  }
  t.equal(isCorsSafelistedRequestHeader(ACCEPT, 'a'.repeat(128)), true, '128 bytes fit');
  t.equal(isCorsSafelistedRequestHeader(ACCEPT, 'a'.repeat(129)), false, '129 bytes do not');
  t.end();
});

t.test('cors-safelisted-request-header: accept-language and content-language', (t) => {
  for (const name of ['Accept-Language', CONTENT_LANGUAGE]) {
    t.equal(isCorsSafelistedRequestHeader(name, 'en-US,en;q=0.9, de *'), true, name);
    t.equal(isCorsSafelistedRequestHeader(name, '0123456789 ABCXYZ abcxyz *,-.;='), true);
    t.equal(isCorsSafelistedRequestHeader(name, ''), true);
    for (const bad of ['en_US', 'en/US', 'en:US', 'en\tUS', 'fr\xe9', '"en"', 'en+', 'en!', 'en\x7f']) {
      t.equal(isCorsSafelistedRequestHeader(name, bad), false, `${name}: ${JSON.stringify(bad)}`);
    }
  }
  t.equal(isCorsSafelistedRequestHeader(ACCEPT_LANGUAGE, 'a'.repeat(129)), false);
  t.end();
});

t.test('cors-safelisted-request-header: content-type', (t) => {
  for (const ok of ['text/plain', 'TEXT/Plain', 'text/plain;charset=UTF-8', 'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded', 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
    'text/plain;a=\xe9', ' text/plain ']) {
    t.equal(isCorsSafelistedRequestHeader('Content-Type', ok), true, JSON.stringify(ok));
  }
  for (const bad of ['text/plain; charset="utf-8"', 'multipart/form-data; boundary=a:b', 'multipart/form-data; boundary=a?b',
    'multipart/form-data; boundary=a@b', 'text/plain charset=utf-8', 'text/', 'text/html', 'application/xml',
    'application/json', 'application/csp-report', 'text/plain, application/json', '']) {
    t.equal(isCorsSafelistedRequestHeader(CONTENT_TYPE, bad), false, JSON.stringify(bad));
  }
  t.equal(isCorsSafelistedRequestHeader(CONTENT_TYPE, `multipart/form-data; boundary=${'x'.repeat(98)}`), true, '128 bytes');
  t.equal(isCorsSafelistedRequestHeader(CONTENT_TYPE, `multipart/form-data; boundary=${'x'.repeat(99)}`), false, '129 bytes');
  t.end();
});

t.test('cors-safelisted-request-header: range and other names', (t) => {
  t.equal(isCorsSafelistedRequestHeader('Range', 'bytes=0-'), true);
  t.equal(isCorsSafelistedRequestHeader(RANGE, 'bytes=0-499'), true);
  for (const bad of ['bytes=-500', 'bytes=0-1,5-6', 'bytes = 0-', 'Bytes=0-', 'bytes=5-1', 'bytes=', 'bytes=-', 'items=0-']) {
    t.equal(isCorsSafelistedRequestHeader(RANGE, bad), false, bad);
  }
  for (const name of ['X-Api-Key', AUTHORIZATION, 'Content-Encoding', 'DPR', 'Save-Data', 'Origin']) {
    t.equal(isCorsSafelistedRequestHeader(name, 'a'), false, name);
  }
  t.end();
});

t.test('simple-range-header-value', (t) => {
  t.same(parseSingleRangeHeaderValue('bytes=0-', false), { start: 0n, end: null });
  t.same(parseSingleRangeHeaderValue('bytes=0-499', false), { start: 0n, end: 499n });
  t.same(parseSingleRangeHeaderValue('bytes=-500', false), { start: null, end: 500n });
  t.same(parseSingleRangeHeaderValue('bytes=7-7', false), { start: 7n, end: 7n });
  t.same(parseSingleRangeHeaderValue('bytes=18446744073709551616-', false), { start: 18446744073709551616n, end: null }, 'bigint');
  for (const bad of ['bytes=5-1', 'bytes=-', 'bytes=', 'bytes', 'Bytes=0-', 'BYTES=0-', 'bytes=0-1,5-6', 'bytes = 0-',
    'bytes=0 -1', 'bytes=0-1 ', ' bytes=0-', 'bytes=+1-2', 'bytes=0x1-', 'bytes=\u0661-', 'bytes:0-', '']) {
    t.equal(parseSingleRangeHeaderValue(bad, false), failure, JSON.stringify(bad));
  }
  t.same(parseSingleRangeHeaderValue('bytes \t= \t0 \t- \t1', true), { start: 0n, end: 1n }, 'whitespace when allowed');
  t.equal(parseSingleRangeHeaderValue('bytes=0-1 ', true), failure, 'but never after the end');
  t.same(parseSingleRangeHeaderValue('bytes= -5', true), { start: null, end: 5n });
  t.equal(parseSingleRangeHeaderValue('bytes=0-1\r', true), failure, 'only tabs and spaces');
  t.equal(parseSingleRangeHeaderValue('bytes=9-1', true), failure);
  t.equal(parseSingleRangeHeaderValue('bytes = - ', true), failure);
  t.end();
});

t.test('convert-header-names-to-a-sorted-lowercase-set', (t) => {
  t.same(convertHeaderNamesToSortedLowercaseSet(['X-B', 'content-type', 'x-a', 'X-A', 'Content-Type']), ['content-type', 'x-a', 'x-b']);
  t.same(convertHeaderNamesToSortedLowercaseSet([]), []);
  t.same(convertHeaderNamesToSortedLowercaseSet(['b', 'a-b', 'a', 'a_b', 'a.b', '_']), ['_', 'a', 'a-b', 'a.b', 'a_b', 'b'].sort(),
    'byte order');
  t.same(convertHeaderNamesToSortedLowercaseSet(new Set(['Z', '~', '!'])), ['!', 'z', '~']);
  t.end();
});

t.test('cors-unsafe-request-header-names', (t) => {
  const list: HeaderList = [
    ['Accept', '*/*'],
    ['X-Custom-B', '1'],
    ['Content-Type', 'application/json'],
    ['x-custom-a', '2'],
    ['X-Custom-B', '3'],
    ['Accept-Language', 'en-US'],
  ];
  t.same(corsUnsafeRequestHeaderNames(list), ['content-type', 'x-custom-a', 'x-custom-b']);
  t.equal(serializeAccessControlRequestHeaders(corsUnsafeRequestHeaderNames(list)), 'content-type,x-custom-a,x-custom-b');
  t.same(corsUnsafeRequestHeaderNames([]), []);
  t.same(corsUnsafeRequestHeaderNames([['Accept', '*/*'], ['Content-Type', 'text/plain']]), []);
  t.same(corsUnsafeRequestHeaderNames([['Range', 'bytes=-500']]), ['range']);

  // Nine Accept values of 114 bytes (1026 in all): every safelisted name joins the unsafe ones.
  const value = `text/${'a'.repeat(109)}`;
  const nine: HeaderList = [...Array.from({ length: 9 }, () => ['Accept', value] as const), ['Content-Language', 'en'], ['X-A', 'b']];
  t.equal(value.length * 9, 1026);
  t.same(corsUnsafeRequestHeaderNames(nine), ['accept', 'content-language', 'x-a']);
  const exactly1024: HeaderList = [...Array.from({ length: 8 }, () => ['Accept', 'a'.repeat(128)] as const)];
  t.same(corsUnsafeRequestHeaderNames(exactly1024), [], '1024 bytes is not over the limit');
  t.same(corsUnsafeRequestHeaderNames([...exactly1024, ['Accept-Language', 'e']]), ['accept', 'accept-language'], '1025 is');
  t.same(corsUnsafeRequestHeaderNames([...exactly1024, ['X-A', 'long'.repeat(100)]]), ['x-a'], 'unsafe values do not count');

  const widerSafelist = (name: string, value: string): boolean => byteLowercase(name) === 'dpr' || isCorsSafelistedRequestHeader(name, value);
  t.same(corsUnsafeRequestHeaderNames([['DPR', '2'], ['X-A', 'b']], widerSafelist), ['x-a'], 'a profile may widen the safelist');
  t.end();
});

t.test('cors-preflight-fetch-0:5 Access-Control-Request-Headers serialization', (t) => {
  t.equal(serializeAccessControlRequestHeaders(['content-type', 'x-b']), 'content-type,x-b');
  t.equal(serializeAccessControlRequestHeaders(['x-a']), 'x-a');
  t.equal(serializeAccessControlRequestHeaders([]), '');
  t.end();
});

t.test('forbidden-request-header', (t) => {
  for (const name of ['Accept-Charset', 'accept-encoding', 'Access-Control-Request-Headers', 'ACCESS-CONTROL-REQUEST-METHOD',
    'Connection', 'Content-Length', 'Cookie', 'Cookie2', 'Date', 'DNT', 'Expect', 'Host', 'Keep-Alive', 'Origin', 'Referer',
    'Set-Cookie', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'Via', 'Proxy-Authorization', 'proxy-', 'Sec-Fetch-Mode',
    'SEC-CH-UA', 'sec-']) {
    t.equal(isForbiddenRequestHeader(name, 'x'), true, name);
  }
  for (const name of ['Accept', 'Authorization', 'X-Proxy-Foo', 'Proxy', 'Secret', 'Referrer', 'Cookie3', 'User-Agent', 'Content-Type']) {
    t.equal(isForbiddenRequestHeader(name, 'x'), false, name);
  }
  for (const name of ['X-HTTP-Method', 'x-http-method-override', 'X-Method-Override']) {
    t.equal(isForbiddenRequestHeader(name, 'TRACE'), true, `${name}: TRACE`);
    t.equal(isForbiddenRequestHeader(name, 'PUT, trace'), true, `${name}: PUT, trace`);
    t.equal(isForbiddenRequestHeader(name, 'connect'), true);
    t.equal(isForbiddenRequestHeader(name, 'TRACK ,GET'), true);
    t.equal(isForbiddenRequestHeader(name, 'PUT'), false, `${name}: PUT`);
    t.equal(isForbiddenRequestHeader(name, 'DELETE, PATCH'), false);
    t.equal(isForbiddenRequestHeader(name, '"TRACE"'), false, 'a quoted piece keeps its quotes');
    t.equal(isForbiddenRequestHeader(name, 'TRACES'), false);
    t.equal(isForbiddenRequestHeader(name, ''), false);
  }
  t.equal(isForbiddenRequestHeader('X-Method-Override-2', 'TRACE'), false);
  t.end();
});

t.test('other request-header name classes', (t) => {
  t.same(['Authorization', 'AUTHORIZATION', 'Proxy-Authorization', 'x'].map(isCorsNonWildcardRequestHeaderName), [true, true, false, false]);
  t.same(['Accept', 'accept-language', 'Content-Language', 'CONTENT-TYPE', 'Range', 'X-A'].map(isNoCorsSafelistedRequestHeaderName),
    [true, true, true, true, false, false]);
  t.equal(isNoCorsSafelistedRequestHeader('Content-Type', 'text/plain'), true);
  t.equal(isNoCorsSafelistedRequestHeader('Content-Type', 'application/json'), false);
  t.equal(isNoCorsSafelistedRequestHeader('Accept', 'a'.repeat(129)), false, 'the 128-byte limit applies');
  t.equal(isNoCorsSafelistedRequestHeader('Range', 'bytes=0-'), false, 'Range is CORS-safelisted but not no-CORS-safelisted');
  t.same(['Content-Encoding', 'content-language', 'Content-Location', 'Content-Type', 'Content-Length', 'Accept'].map(isRequestBodyHeaderName),
    [true, true, true, true, false, false]);
  t.same(['Range', 'RANGE', 'Content-Range', 'If-Range'].map(isPrivilegedNoCorsRequestHeaderName), [true, true, false, false]);
  t.end();
});

t.test('properties', (t) => {
  const names = fc.oneof(token, fc.constantFrom('Accept', 'accept', 'Accept-Language', 'Content-Language', 'Content-Type', 'Range', 'X-A'));
  const headerLists = fc.array(fc.tuple(names, fc.oneof(byteString, syntaxString)), { maxLength: 12 });
  t.doesNotThrow(() => fc.assert(fc.property(fc.oneof(byteString, syntaxString), fc.boolean(), names, (value, ws, name) => {
    parseSingleRangeHeaderValue(value, ws);
    parseSingleRangeHeaderValue(`bytes=${value}`, ws);
    isCorsSafelistedRequestHeader(name, value);
    isForbiddenRequestHeader(name, value);
  })), 'the parsers never throw on byte strings');
  t.doesNotThrow(() => fc.assert(fc.property(fc.option(fc.bigInt({ min: 0n, max: 2n ** 70n })), fc.option(fc.bigInt({ min: 0n, max: 2n ** 70n })),
    (start, end) => {
      const parsed = parseSingleRangeHeaderValue(`bytes=${start ?? ''}-${end ?? ''}`, false);
      const valid = (start !== null || end !== null) && (start === null || end === null || start <= end);
      return valid ? parsed !== failure && parsed.start === start && parsed.end === end : parsed === failure;
    })), 'a range round-trips through `bytes=start-end`');
  t.doesNotThrow(() => fc.assert(fc.property(fc.array(fc.oneof(token, byteString), { maxLength: 10 }), (input) => {
    const set = convertHeaderNamesToSortedLowercaseSet(input);
    const sorted = set.every((name, i) => i === 0 || (set[i - 1] as string) < name);
    const lowercase = set.every((name) => name === byteLowercase(name));
    const covers = input.every((name) => set.includes(byteLowercase(name))) && set.length <= input.length;
    return sorted && lowercase && covers && JSON.stringify(convertHeaderNamesToSortedLowercaseSet(set)) === JSON.stringify(set);
  })), 'a sorted-lowercase set is sorted, lowercase, duplicate-free, complete and idempotent');
  t.doesNotThrow(() => fc.assert(fc.property(headerLists, (list) => {
    const unsafe = corsUnsafeRequestHeaderNames(list);
    const individuallyUnsafe = list.filter(([n, v]) => !isCorsSafelistedRequestHeader(n, v)).map(([n]) => byteLowercase(n));
    const total = list.filter(([n, v]) => isCorsSafelistedRequestHeader(n, v)).reduce((sum, [, v]) => sum + v.length, 0);
    const expected = total > 1024 ? list.map(([n]) => byteLowercase(n)) : individuallyUnsafe;
    return JSON.stringify(unsafe) === JSON.stringify([...new Set(expected)].sort());
  })), 'unsafe names are the unsafe headers, or every header past 1024 safelisted bytes');
  t.doesNotThrow(() => fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), (input) => {
    const set = convertHeaderNamesToSortedLowercaseSet(input);
    return JSON.stringify(serializeAccessControlRequestHeaders(set).split(',')) === JSON.stringify(set);
  })), 'ACRH splits back into its names');
  t.end();
});
