import t from 'tap';
import fc from 'fast-check';
import { failure, isToken } from '../../spec/abnf.js';
import { byteLowercase } from '../../spec/header-list.js';
import { parseMimeType, serializeMimeType } from '../../spec/mime.js';
import type { MimeType } from '../../spec/mime.js';
import { byteString, syntaxString, token } from './fixtures/arbitraries.js';

// [type, subtype, parameters in order] or failure.
const parsed = (input: string): [string, string, [string, string][]] | typeof failure => {
  const mimeType = parseMimeType(input);
  return mimeType === failure ? failure : [mimeType.type, mimeType.subtype, [...mimeType.parameters]];
};

t.test('parse a MIME type: type and subtype', (t) => {
  t.same(parsed('text/plain'), ['text', 'plain', []]);
  t.same(parsed('TEXT/PLAIN'), ['text', 'plain', []]);
  t.same(parsed('\r\n\t text/plain \t\r\n'), ['text', 'plain', []], 'HTTP whitespace around the value');
  t.same(parsed('text/plain \t;charset=utf-8'), ['text', 'plain', [['charset', 'utf-8']]], 'trailing subtype whitespace');
  t.same(parsed('application/x-www-form-urlencoded'), ['application', 'x-www-form-urlencoded', []]);
  t.same(parsed("!#$%&'*+-.^_`|~/x"), ["!#$%&'*+-.^_`|~", 'x', []]);
  for (const bad of ['', ' ', 'text', 'text/', '/plain', 'text /plain', 'text/ plain', 'te xt/plain', 'text/pl ain',
    'text/plain charset=utf-8', 'text/html(', 'text/\xe9', '\xe9/x', 'text/plain/x', '"text"/plain', ';/x', 'text/;a=b']) {
    t.equal(parseMimeType(bad), failure, JSON.stringify(bad));
  }
  t.end();
});

t.test('parse a MIME type: parameters', (t) => {
  t.same(parsed('text/plain;charset=UTF-8'), ['text', 'plain', [['charset', 'UTF-8']]], 'values keep their case');
  t.same(parsed('text/plain;CHARSET=utf-8'), ['text', 'plain', [['charset', 'utf-8']]]);
  t.same(parsed('text/plain; charset="utf-8"'), ['text', 'plain', [['charset', 'utf-8']]]);
  t.same(parsed('text/plain;charset="utf-8'), ['text', 'plain', [['charset', 'utf-8']]], 'unterminated quote');
  t.same(parsed('text/plain;a="b\\"c\\\\d"'), ['text', 'plain', [['a', 'b"c\\d']]]);
  t.same(parsed('text/plain;a="b"junk;c=d'), ['text', 'plain', [['a', 'b'], ['c', 'd']]], 'junk after a quoted value');
  t.same(parsed('text/plain;a=;a=b'), ['text', 'plain', [['a', 'b']]], 'an empty bare value is skipped');
  t.same(parsed('text/plain;a="";a=b'), ['text', 'plain', [['a', '']]], 'an empty quoted value is kept');
  t.same(parsed('text/plain;a=1;A=2'), ['text', 'plain', [['a', '1']]], 'the first of a repeated name wins');
  t.same(parsed('text/plain;a;b=c'), ['text', 'plain', [['b', 'c']]], 'a name without = is skipped');
  t.same(parsed('text/plain;;;b=c;'), ['text', 'plain', [['b', 'c']]]);
  t.same(parsed('text/plain;a='), ['text', 'plain', []]);
  t.same(parsed('text/plain;a'), ['text', 'plain', []]);
  t.same(parsed('text/plain;a b=c;d=e'), ['text', 'plain', [['d', 'e']]], 'a non-token name is ignored');
  t.same(parsed('text/plain;charset= "utf-8"'), ['text', 'plain', [['charset', ' "utf-8"']]], 'not quoted after a space');
  t.same(parsed('text/plain;a=b \t'), ['text', 'plain', [['a', 'b']]]);
  t.same(parsed('text/plain;a=\xe9\x80'), ['text', 'plain', [['a', '\xe9\x80']]], 'bytes >= 0x80 are quoted-string code points');
  t.same(parsed('text/plain;a=b\x00c;d=e'), ['text', 'plain', [['d', 'e']]], 'a control byte drops the parameter');
  t.same(parsed('text/plain;a="\x7f"'), ['text', 'plain', []]);
  t.end();
});

t.test('parse a MIME type: essence', (t) => {
  const mimeType = parseMimeType('Multipart/Form-Data; boundary=----x');
  t.not(mimeType, failure);
  t.equal((mimeType as MimeType).essence, 'multipart/form-data');
  t.end();
});

t.test('serialize a MIME type', (t) => {
  const serialize = (input: string): string => serializeMimeType(parseMimeType(input) as MimeType);
  t.equal(serialize('TEXT/Plain;Charset="utf-8"'), 'text/plain;charset=utf-8');
  t.equal(serialize('text/plain;charset= "utf-8"'), 'text/plain;charset=" \\"utf-8\\""');
  t.equal(serialize('text/plain;a="";b="\\\\"'), 'text/plain;a="";b="\\\\"');
  t.equal(serialize('text/plain;a=b;c=d'), 'text/plain;a=b;c=d');
  t.end();
});

t.test('properties', (t) => {
  t.doesNotThrow(() => fc.assert(fc.property(fc.oneof(byteString, syntaxString), (s) => {
    const mimeType = parseMimeType(s);
    return mimeType === failure || (mimeType.essence === byteLowercase(mimeType.essence)
      && mimeType.essence === `${mimeType.type}/${mimeType.subtype}` && isToken(mimeType.type) && isToken(mimeType.subtype));
  })), 'the parser never throws and its essence is lowercase tokens');
  const structured = fc.tuple(token, token, fc.array(fc.tuple(token, fc.oneof(token, syntaxString)), { maxLength: 4 }))
    .map(([type, subtype, params]) => `${type}/${subtype}${params.map(([n, v]) => `;${n}=${v}`).join('')}`);
  t.doesNotThrow(() => fc.assert(fc.property(fc.oneof(structured, syntaxString), (s) => {
    const mimeType = parseMimeType(s);
    if (mimeType === failure) return true;
    const serialized = serializeMimeType(mimeType);
    const reparsed = parseMimeType(serialized);
    return reparsed !== failure && reparsed.essence === mimeType.essence
      && JSON.stringify([...reparsed.parameters]) === JSON.stringify([...mimeType.parameters])
      && serializeMimeType(reparsed) === serialized;
  })), 'serialize then parse gives back the same MIME type');
  t.end();
});
