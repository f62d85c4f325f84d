import t from 'tap';
import fc from 'fast-check';
import { failure } from '../../spec/abnf.js';
import {
  byteCaseInsensitiveMatch,
  byteLowercase,
  byteUppercase,
  extractHeaderListValues,
  extractLocation,
  extractMaxAge,
  headerListContains,
  headerListGet,
  headerListGetDecodeAndSplit,
  headerValueGetDecodeAndSplit,
  normalizeHeaderValue,
} from '../../spec/header-list.js';
import type { HeaderList } from '../../spec/header-list.js';
import { ACAH, ACAM, ACAO, ACEH, ACMA, ACRH, LOCATION } from '../../spec/headers.js';
import { byteString, syntaxString } from './fixtures/arbitraries.js';

t.test('byte case', (t) => {
  t.equal(byteLowercase('Content-TYPE \xc0\xc9'), 'content-type \xc0\xc9', 'bytes >= 0x80 are not letters');
  t.equal(byteUppercase('content-type \xe0\xe9'), 'CONTENT-TYPE \xe0\xe9');
  t.equal(byteUppercase('stra\xdfe \xb5 \xff'), 'STRA\xdfE \xb5 \xff', 'toUpperCase would make SS, U+039C and U+0178 of these');
  // The definitions, one byte at a time.
  const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x20));
  const upper = (s: string): string => s.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x20));
  const bytes = Array.from({ length: 0x100 }, (_, b) => String.fromCharCode(b));
  t.same(bytes.filter((b) => byteLowercase(b) !== lower(b) || byteUppercase(b) !== upper(b)), [], 'every byte folds as defined');
  t.same(bytes.filter((b) => byteLowercase(`A${b}z`) !== lower(`A${b}z`) || byteUppercase(`A${b}z`) !== upper(`A${b}z`)), [],
    'and next to letters of both cases');
  t.equal(byteCaseInsensitiveMatch('Authorization', 'aUTHORIZATION'), true);
  t.equal(byteCaseInsensitiveMatch('\xc0', '\xe0'), false);
  t.equal(byteCaseInsensitiveMatch('ab', 'abc'), false);
  t.equal(byteCaseInsensitiveMatch('[', '{'), false, 'only letters fold');
  let mismatches = 0;
  for (let x = 0; x < 0x100; x++) {
    for (let y = 0; y < 0x100; y++) {
      const [a, b] = [String.fromCharCode(x), String.fromCharCode(y)];
      if (byteCaseInsensitiveMatch(a, b) !== (byteLowercase(a) === byteLowercase(b))) mismatches++;
    }
  }
  t.equal(mismatches, 0, 'every pair of bytes matches exactly when their byte-lowercasings are equal');
  t.end();
});

const list: HeaderList = [
  ['Access-Control-Allow-Origin', 'https://a.example'],
  ['X-Other', '1'],
  ['access-control-allow-origin', 'https://a.example'],
];

t.test('header-list-contains and concept-header-list-get', (t) => {
  t.equal(headerListContains(list, ACAO), true);
  t.equal(headerListContains(list, 'x-OTHER'), true);
  t.equal(headerListContains(list, 'x-absent'), false);
  t.equal(headerListContains([], ACAO), false);
  t.equal(headerListGet(list, ACAO), 'https://a.example, https://a.example', 'two ACAO lines combine');
  t.equal(headerListGet([[ACAO, '*'], [ACAO, '*']], ACAO), '*, *');
  t.equal(headerListGet(list, 'X-Other'), '1');
  t.equal(headerListGet(list, 'x-absent'), null);
  t.equal(headerListGet([['A', '']], 'a'), '', 'an empty value is not absence');
  t.end();
});

t.test('header-value-get-decode-and-split', (t) => {
  t.same(headerValueGetDecodeAndSplit('nosniff,'), ['nosniff', '']);
  t.same(headerValueGetDecodeAndSplit(''), ['']);
  t.same(headerValueGetDecodeAndSplit('text/html;", x/x'), ['text/html;", x/x']);
  t.same(headerValueGetDecodeAndSplit('x/x;test="hi",y/y'), ['x/x;test="hi"', 'y/y']);
  t.same(headerValueGetDecodeAndSplit('x / x,,,1'), ['x / x', '', '', '1']);
  t.same(headerValueGetDecodeAndSplit('"1,2", 3'), ['"1,2"', '3']);
  t.same(headerValueGetDecodeAndSplit(' \tPUT \t, trace'), ['PUT', 'trace']);
  t.same(headerValueGetDecodeAndSplit('a"b\\"c,d"e,f'), ['a"b\\"c,d"e', 'f'], 'escaped quotes stay inside');
  t.same(headerValueGetDecodeAndSplit('\r\na\r\n'), ['\r\na\r\n'], 'only tabs and spaces are trimmed');
  t.end();
});

t.test('concept-header-list-get-decode-split: the spec example table', (t) => {
  t.same(headerListGetDecodeAndSplit([['A', 'nosniff,']], 'A'), ['nosniff', '']);
  t.same(headerListGetDecodeAndSplit([['A', 'nosniff'], ['B', 'sniff'], ['A', '']], 'A'), ['nosniff', '']);
  t.same(headerListGetDecodeAndSplit([['A', ''], ['B', 'sniff']], 'A'), ['']);
  t.equal(headerListGetDecodeAndSplit([['B', 'sniff']], 'A'), null);
  t.same(headerListGetDecodeAndSplit([['A', 'text/html;"'], ['A', 'x/x']], 'A'), ['text/html;", x/x']);
  t.same(headerListGetDecodeAndSplit([['A', 'x/x;test="hi"'], ['C', '**bingo**'], ['A', 'y/y']], 'A'), ['x/x;test="hi"', 'y/y']);
  t.same(headerListGetDecodeAndSplit([['A', 'x / x'], ['A', ','], ['A', '1']], 'A'), ['x / x', '', '', '1']);
  t.same(headerListGetDecodeAndSplit([['A', '"1,2"'], ['D', '4'], ['A', '3']], 'A'), ['"1,2"', '3']);
  t.end();
});

t.test('concept-header-value-normalize', (t) => {
  t.equal(normalizeHeaderValue(' \t\r\nhttps://a.example \r\n\t'), 'https://a.example');
  t.equal(normalizeHeaderValue('a  b'), 'a  b');
  t.equal(normalizeHeaderValue('\x00a\x0b'), '\x00a\x0b');
  t.end();
});

t.test('extract-header-list-values', (t) => {
  t.equal(extractHeaderListValues(ACAM, []), null);
  t.equal(extractHeaderListValues(ACAM, [[ACAH, 'x']]), null);
  t.same(extractHeaderListValues(ACAM, [[ACAM, 'PUT, , DELETE']]), ['PUT', 'DELETE']);
  t.same(extractHeaderListValues(ACAM, [['Access-Control-Allow-Methods', 'PUT'], ['X', 'y'], [ACAM, 'DELETE']]), ['PUT', 'DELETE'],
    'lines concatenate');
  t.same(extractHeaderListValues(ACAM, [[ACAM, '']]), [], 'present but empty is an empty list, not null');
  t.equal(extractHeaderListValues(ACAM, [[ACAM, 'GET POST']]), failure);
  t.equal(extractHeaderListValues(ACAM, [[ACAM, 'PUT'], [ACAM, 'PUT;']]), failure, 'one bad line fails all');
  t.same(extractHeaderListValues(ACAH, [[ACAH, '*, Authorization']]), ['*', 'Authorization']);
  t.equal(extractHeaderListValues(ACAH, [[ACAH, 'X-A:']]), failure);
  t.same(extractHeaderListValues(ACEH, [[ACEH, 'x-request-id,X-Total-Count']]), ['x-request-id', 'X-Total-Count']);
  t.equal(extractHeaderListValues(ACEH, [[ACEH, 'X-A X-B']]), failure);
  t.same(extractHeaderListValues(ACRH, [[ACRH, 'content-type,x-api-key']]), ['content-type', 'x-api-key']);
  t.equal(extractHeaderListValues(ACRH, [[ACRH, '']]), failure, 'ACRH is 1#field-name');
  t.equal(extractHeaderListValues(ACRH, [[ACRH, 'a'], [ACRH, ' , ']]), failure);
  t.end();
});

t.test('http-access-control-max-age', (t) => {
  t.equal(extractMaxAge([]), null);
  t.equal(extractMaxAge([[ACMA, '600']]), 600n);
  t.equal(extractMaxAge([['Access-Control-Max-Age', '0']]), 0n);
  t.equal(extractMaxAge([[ACMA, '31536000']]), 31536000n);
  t.equal(extractMaxAge([[ACMA, '600'], [ACMA, '600']]), failure, 'two ACMA lines');
  for (const bad of ['+60', '1.5', '-1', 'abc', '60s', '600, 600', '']) t.equal(extractMaxAge([[ACMA, bad]]), failure, bad);
  t.end();
});

t.test('concept-response-location-url', (t) => {
  t.equal(extractLocation([]), null);
  t.equal(extractLocation([['Location', '/next']]), '/next');
  t.equal(extractLocation([[LOCATION, '/a'], [LOCATION, '/b']]), failure);
  t.end();
});

t.test('properties', (t) => {
  const lists = fc.array(fc.tuple(fc.constantFrom(ACAM, 'Access-Control-Allow-Methods', ACMA, LOCATION, 'x'), byteString), { maxLength: 4 });
  t.doesNotThrow(() => fc.assert(fc.property(lists, syntaxString, (headers, value) => {
    headerValueGetDecodeAndSplit(value);
    extractHeaderListValues(ACAM, headers);
    extractHeaderListValues(ACRH, headers);
    extractMaxAge(headers);
    extractLocation(headers);
    normalizeHeaderValue(value);
  })), 'the parsers never throw on byte strings');
  t.doesNotThrow(() => fc.assert(fc.property(syntaxString, (value) => {
    const pieces = headerValueGetDecodeAndSplit(value);
    // Without quotes, splitting is a plain comma split with trimming.
    return value.includes('"') || pieces.join('\n') === value.split(',').map((p) => p.replace(/^[\t ]+|[\t ]+$/g, '')).join('\n');
  })), 'unquoted values split on every comma');
  t.doesNotThrow(() => fc.assert(fc.property(byteString, (s) => byteLowercase(s).length === s.length && byteLowercase(byteLowercase(s)) === byteLowercase(s)
    && byteCaseInsensitiveMatch(s, byteUppercase(s)))), 'byte case folding is length-preserving and idempotent');
  t.doesNotThrow(() => fc.assert(fc.property(byteString, (s) =>
    byteLowercase(s) === s.replace(/[A-Z]/g, (c) => c.toLowerCase()) && byteUppercase(s) === s.replace(/[a-z]/g, (c) => c.toUpperCase()))),
  'byte case folding changes exactly the ASCII letters');
  t.doesNotThrow(() => fc.assert(fc.property(byteString, byteString, (a, b) =>
    byteCaseInsensitiveMatch(a, b) === (byteLowercase(a) === byteLowercase(b)))), 'byte-case-insensitive is equality of the byte-lowercasings');
  t.doesNotThrow(() => fc.assert(fc.property(fc.array(byteString, { minLength: 1, maxLength: 4 }), (values) => {
    const headers: HeaderList = values.map((v) => ['a', v] as const);
    return headerListGet(headers, 'A') === values.join(', ');
  })), 'get joins every value with ", "');
  t.end();
});
