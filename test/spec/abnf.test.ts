import t from 'tap';
import fc from 'fast-check';
import {
  collectAnHttpQuotedString,
  failure,
  isHttpTabOrSpace,
  isHttpWhitespace,
  isToken,
  parseDeltaSeconds,
  parseTokenList,
  trimHttpTabOrSpace,
  trimHttpWhitespace,
  trimTrailingHttpWhitespace,
} from '../../spec/abnf.js';
import { byteString, syntaxString, token } from './fixtures/arbitraries.js';

t.test('isToken: RFC 9110 1*tchar', (t) => {
  for (const s of ['GET', 'x-api-key', '*', "!#$%&'*+-.^_`|~", 'a1']) t.equal(isToken(s), true, s);
  for (const s of ['', 'GET POST', 'PUT;', 'X-A:', '"q"', 'a/b', 'caf\xe9', 'a\tb', 'a,b', '(x)', '\x7f']) {
    t.equal(isToken(s), false, JSON.stringify(s));
  }
  t.end();
});

t.test('HTTP tab or space, HTTP whitespace', (t) => {
  t.same(['\t', ' ', '\n', '\r', 'a', undefined].map(isHttpTabOrSpace), [true, true, false, false, false, false]);
  t.same(['\t', ' ', '\n', '\r', 'a', '\f', undefined].map(isHttpWhitespace), [true, true, true, true, false, false, false]);
  t.equal(trimHttpTabOrSpace(' \t a b \t '), 'a b');
  t.equal(trimHttpTabOrSpace('\na\r'), '\na\r');
  t.equal(trimHttpWhitespace('\r\n\t a b \t\r\n'), 'a b');
  t.equal(trimHttpWhitespace(' \t\r\n'), '');
  t.equal(trimHttpWhitespace('\fa\v'), '\fa\v');
  t.equal(trimTrailingHttpWhitespace('  a \r\n'), '  a');
  t.end();
});

t.test('parseTokenList: the #token list rule', (t) => {
  t.same(parseTokenList('PUT, , DELETE'), ['PUT', 'DELETE']);
  t.same(parseTokenList('PUT,DELETE'), ['PUT', 'DELETE']);
  t.same(parseTokenList(' \tx-a \t,\tX-B'), ['x-a', 'X-B']);
  t.same(parseTokenList(''), []);
  t.same(parseTokenList(' , ,, '), []);
  t.same(parseTokenList('*'), ['*']);
  t.same(parseTokenList('a,a'), ['a', 'a'], 'duplicates are kept');
  for (const bad of ['GET POST', 'PUT;', 'X-A:', 'GET/PUT', '"PUT"', 'x-\xe9', 'a,b c', 'a\r\n', 'a, b;c=d']) {
    t.equal(parseTokenList(bad), failure, JSON.stringify(bad));
  }
  t.end();
});

t.test('parseDeltaSeconds: 1*DIGIT exactly', (t) => {
  t.equal(parseDeltaSeconds('0'), 0n);
  t.equal(parseDeltaSeconds('600'), 600n);
  t.equal(parseDeltaSeconds('007'), 7n);
  t.equal(parseDeltaSeconds('99999999999999999999999'), 99999999999999999999999n);
  for (const bad of ['', '+60', '1.5', '-1', '60s', ' 60', '60 ', 'abc', '600, 600', '0x10', '\u0661']) {
    t.equal(parseDeltaSeconds(bad), failure, JSON.stringify(bad));
  }
  t.end();
});

t.test('collectAnHttpQuotedString', (t) => {
  // The examples of the spec's table, position starting at 0.
  t.same(collectAnHttpQuotedString('"\\', 0, false), { value: '"\\', position: 2 });
  t.same(collectAnHttpQuotedString('"\\', 0, true), { value: '\\', position: 2 });
  t.same(collectAnHttpQuotedString('"Hello" World', 0, false), { value: '"Hello"', position: 7 });
  t.same(collectAnHttpQuotedString('"Hello" World', 0, true), { value: 'Hello', position: 7 });
  t.same(collectAnHttpQuotedString('"Hello \\\\ World\\""', 0, false), { value: '"Hello \\\\ World\\""', position: 18 });
  t.same(collectAnHttpQuotedString('"Hello \\\\ World\\""', 0, true), { value: 'Hello \\ World"', position: 18 });
  t.same(collectAnHttpQuotedString('x"a,b"y', 1, true), { value: 'a,b', position: 6 });
  t.same(collectAnHttpQuotedString('"open', 0, true), { value: 'open', position: 5 }, 'unterminated runs to the end');
  t.end();
});

t.test('properties', (t) => {
  t.doesNotThrow(() => fc.assert(fc.property(byteString, (s) => {
    parseTokenList(s);
    parseDeltaSeconds(s);
  })), 'the parsers never throw on byte strings');
  t.doesNotThrow(() => fc.assert(fc.property(fc.array(token, { maxLength: 8 }), fc.constantFrom(',', ', ', ' ,\t', ' , , '), (tokens, separator) => {
    const parsed = parseTokenList(tokens.join(separator));
    return Array.isArray(parsed) && parsed.join('\n') === tokens.join('\n');
  })), 'a list of tokens joined with any OWS comma parses back to itself');
  t.doesNotThrow(() => fc.assert(fc.property(syntaxString, (s) => {
    const parsed = parseTokenList(s);
    return parsed === failure || parsed.every(isToken);
  })), 'every parsed element is a token');
  t.doesNotThrow(() => fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 80n }), (n) => parseDeltaSeconds(String(n)) === n)),
    'delta-seconds round-trips through its decimal serialization');
  t.doesNotThrow(() => fc.assert(fc.property(syntaxString, fc.boolean(), (s, extract) => {
    const input = `"${s}`;
    const { value, position } = collectAnHttpQuotedString(input, 0, extract);
    return position > 0 && position <= input.length && (extract || value === input.slice(0, position));
  })), 'a quoted string is a prefix of its input');
  t.end();
});
