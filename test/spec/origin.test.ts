import t from 'tap';
import fc from 'fast-check';
import { failure } from '../../spec/abnf.js';
import {
  isOriginOrNull,
  isSameOrigin,
  isSerializedOrigin,
  originOfUrl,
  parseOriginOrNull,
  serializeOrigin,
} from '../../spec/origin.js';
import type { Origin } from '../../spec/origin.js';
import { byteString, syntaxString } from './fixtures/arbitraries.js';

const originOf = (url: string): Origin => originOfUrl(new URL(url));
const tuple = (scheme: string, host: string, port: number | null): Origin => ({ kind: 'tuple', scheme, host, port });

t.test('originOfUrl', (t) => {
  t.same(originOf('https://a.example/path?q#f'), tuple('https', 'a.example', null));
  t.same(originOf('HTTPS://User:Pass@A.Example:8443/'), tuple('https', 'a.example', 8443));
  t.same(originOf('http://a.example:80'), tuple('http', 'a.example', null), 'a default port is null');
  t.same(originOf('https://a.example:80'), tuple('https', 'a.example', 80));
  t.same(originOf('ws://a.example:80'), tuple('ws', 'a.example', null));
  t.same(originOf('wss://a.example:443'), tuple('wss', 'a.example', null));
  t.same(originOf('ftp://a.example:21'), tuple('ftp', 'a.example', null));
  t.same(originOf('https://bücher.example'), tuple('https', 'xn--bcher-kva.example', null), 'punycode');
  t.same(originOf('http://[0:0::1]:8080'), tuple('http', '[::1]', 8080), 'IPv6 compressed, in brackets');
  t.same(originOf('http://0x7f.1'), tuple('http', '127.0.0.1', null), 'IPv4 dotted decimal');
  for (const opaque of ['data:,x', 'file:///x', 'blob:https://a.example/uuid', 'about:blank', 'javascript:void 0', 'foo://a.example']) {
    t.same(originOf(opaque), { kind: 'opaque' }, opaque);
  }
  t.end();
});

t.test('serialized-origin: serializeOrigin', (t) => {
  t.equal(serializeOrigin(tuple('https', 'a.example', null)), 'https://a.example');
  t.equal(serializeOrigin(tuple('https', 'a.example', 8443)), 'https://a.example:8443');
  t.equal(serializeOrigin(tuple('http', '[::1]', 8080)), 'http://[::1]:8080');
  t.equal(serializeOrigin({ kind: 'opaque' }), 'null');
  t.equal(serializeOrigin(originOf('https://bücher.example:443/x')), 'https://xn--bcher-kva.example');
  t.end();
});

t.test('isSameOrigin', (t) => {
  t.equal(isSameOrigin(originOf('https://a.example/x'), originOf('https://a.example:443/y')), true);
  t.equal(isSameOrigin(originOf('https://a.example'), originOf('http://a.example')), false);
  t.equal(isSameOrigin(originOf('https://a.example'), originOf('https://a.example:8443')), false);
  t.equal(isSameOrigin(originOf('https://a.example'), originOf('https://b.a.example')), false);
  t.equal(isSameOrigin(originOf('https://a.example'), originOf('https://a.example.')), false);
  const opaque: Origin = { kind: 'opaque' };
  t.equal(isSameOrigin(opaque, opaque), false, 'opaque identity is not modelled');
  t.equal(isSameOrigin(opaque, originOf('https://a.example')), false);
  t.end();
});

t.test('serialized-origin: isSerializedOrigin', (t) => {
  for (const s of ['https://a.example', 'http://a.example:8080', 'https://a.example:80', 'https://xn--bcher-kva.example',
    'http://[::1]', 'http://[2001:db8::1]:8443', 'http://127.0.0.1', 'ws://a', 'wss://a:1', 'ftp://a.example',
    'https://a.example:65535', 'https://a.example.', 'https://a_b.example']) {
    t.equal(isSerializedOrigin(s), true, s);
  }
  for (const s of ['https://a.example/', 'https://a.example:443', 'http://a.example:80', 'HTTPS://a.example', 'https://A.Example',
    'https://bücher.example', 'https://a.example/app', 'https://a.example https://b.example', 'https://a.example, https://b.example',
    'null', 'NULL', '*', '', 'https://user@a.example', 'https://a.example?', 'https://a.example#', 'https://a.example:08080',
    'https://a.example:0', 'https://a.example:65536', 'https://a.example:', 'file:///x', 'data:,', 'blob:https://a.example/x',
    'foo://a.example', 'chrome-extension://abc', 'https://[0:0::1]', 'https://[::FFFF:1.2.3.4]', 'https://[::ffff:1.2.3.4]',
    'https://0x7f.0.0.1', 'https://127.1', 'https://010.0.0.1', ' https://a.example', 'https://a.example ', 'https:a.example',
    'https:/a.example', 'https://%61.example', 'https://a.exa\tmple', 'https://a.example\n', 'https://']) {
    t.equal(isSerializedOrigin(s), false, JSON.stringify(s));
  }
  t.end();
});

t.test('origin-or-null', (t) => {
  t.same(['null', 'https://a.example', 'NULL', 'Null', 'null ', '*', 'https://a.example:443'].map(isOriginOrNull),
    [true, true, false, false, false, false, false]);
  t.same(parseOriginOrNull('null'), { kind: 'opaque' });
  t.same(parseOriginOrNull('https://a.example:8443'), tuple('https', 'a.example', 8443));
  t.same(parseOriginOrNull('http://[::1]'), tuple('http', '[::1]', null));
  t.equal(parseOriginOrNull('https://a.example/'), failure);
  t.equal(parseOriginOrNull('NULL'), failure);
  t.equal(parseOriginOrNull('not a url'), failure);
  t.end();
});

t.test('properties', (t) => {
  t.doesNotThrow(() => fc.assert(fc.property(fc.oneof(byteString, syntaxString, fc.string()), (s) => {
    const parsed = parseOriginOrNull(s);
    return isOriginOrNull(s) === (parsed !== failure) && isSerializedOrigin(s) === (parsed !== failure && parsed.kind === 'tuple');
  })), 'the parsers never throw and agree with each other');

  t.doesNotThrow(() => fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (s) => {
    const url = new URL(s);
    const origin = originOfUrl(url);
    const serialized = serializeOrigin(origin);
    if (serialized !== url.origin) return false;
    if (origin.kind === 'opaque' || origin.port === 0) return true;
    return isSerializedOrigin(serialized) && JSON.stringify(parseOriginOrNull(serialized)) === JSON.stringify(origin);
  })), 'a URL origin serializes as URL#origin and parses back to itself');

  const scheme = fc.constantFrom('http', 'https', 'ws', 'wss', 'ftp');
  const host = fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`));
  const port = fc.option(fc.integer({ min: 1, max: 65535 }));
  t.doesNotThrow(() => fc.assert(fc.property(scheme, host, port, (sch, h, p) => {
    // Canonicalize the generated tuple the way URL would, then check the serialization is accepted and parses back.
    const origin = originOf(`${sch}://${h}${p === null ? '' : `:${p}`}`);
    const serialized = serializeOrigin(origin);
    const reparsed = parseOriginOrNull(serialized);
    return isSerializedOrigin(serialized) && reparsed !== failure && isSameOrigin(reparsed, origin)
      && !isSerializedOrigin(`${serialized}/`) && !isSerializedOrigin(serialized.toUpperCase());
  })), 'constructed tuples round-trip; a trailing slash or uppercase breaks them');
  t.end();
});
