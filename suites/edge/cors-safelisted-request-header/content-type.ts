/**
 * Content-Type is safelisted only if it has no CORS-unsafe byte, is at most 128 bytes, parses with the
 * strict MIME type parser, and its essence is one of the three form types.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import type { EdgeCase } from '../types.js';
import { bytes } from '../fixtures.js';
import { type Classification, classification, classified } from './classify.js';

/** `prefix` padded with "a" to exactly `total` bytes. */
const padded = (prefix: string, total: number): string => prefix + bytes(total - prefix.length);

const contentType = (c: Omit<Classification, 'name' | 'method' | 'steps'> & { steps?: Classification['steps'] }) =>
  classification({ name: 'Content-Type', method: 'POST', steps: ['cors-safelisted-request-header'], ...c });

/** Firefox's verdict where it preflights a Content-Type with a comma. */
const firefoxPreflights = (id: string, value: Classification['value']) =>
  classified({ id, title: '', steps: [], name: 'Content-Type', method: 'POST', value, safelisted: false }, false);

export const contentTypeCases = [
  contentType({ id: 'ct/text-plain', title: 'Content-Type text/plain: safelisted, no preflight', value: 'text/plain', safelisted: true }),
  contentType({
    id: 'ct/text-plain-charset', title: 'Content-Type text/plain;charset=UTF-8: parameters are fine, safelisted',
    value: 'text/plain;charset=UTF-8', safelisted: true,
  }),
  contentType({
    id: 'ct/mixed-case-essence', title: 'Content-Type Text/Plain: the parsed essence is lowercased, safelisted',
    value: 'Text/Plain', safelisted: true,
  }),
  contentType({
    id: 'ct/form-urlencoded', title: 'Content-Type application/x-www-form-urlencoded: safelisted',
    value: 'application/x-www-form-urlencoded', safelisted: true,
  }),
  contentType({
    id: 'ct/multipart', title: 'Content-Type multipart/form-data with a plain boundary: safelisted',
    value: 'multipart/form-data; boundary=----x1', safelisted: true,
  }),
  contentType({
    id: 'ct/exactly-128-bytes', title: 'A text/plain Content-Type of exactly 128 bytes: safelisted',
    digest: 51, value: padded('text/plain;x=', 128), safelisted: true,
  }),
  contentType({
    id: 'ct/over-128-bytes', title: 'A text/plain Content-Type of 129 bytes: preflighted',
    digest: 51, steps: ['cors-safelisted-request-header:1'], value: padded('text/plain;x=', 129), safelisted: false,
  }),
  contentType({
    id: 'ct/long-multipart-boundary', title: 'multipart/form-data with a boundary making the value 160 bytes: preflighted',
    digest: 51, steps: ['cors-safelisted-request-header:1'], value: padded('multipart/form-data; boundary=', 160), safelisted: false,
  }),
  contentType({
    id: 'ct/quoted-charset', title: 'Content-Type text/plain; charset="utf-8": the quote is an unsafe byte, preflighted',
    digest: 52, steps: ['cors-unsafe-request-header-byte'], value: 'text/plain; charset="utf-8"', safelisted: false,
  }),
  contentType({
    id: 'ct/boundary-colon', title: 'A multipart boundary containing ":": preflighted',
    digest: 52, steps: ['cors-unsafe-request-header-byte'], value: 'multipart/form-data; boundary=a:b', safelisted: false,
  }),
  contentType({
    id: 'ct/boundary-question-mark', title: 'A multipart boundary containing "?": preflighted',
    digest: 52, steps: ['cors-unsafe-request-header-byte'], value: 'multipart/form-data; boundary=a?b', safelisted: false,
  }),
  contentType({
    id: 'ct/boundary-at', title: 'A multipart boundary containing "@": preflighted',
    digest: 52, steps: ['cors-unsafe-request-header-byte'], value: 'multipart/form-data; boundary=a@b', safelisted: false,
  }),
  contentType({
    id: 'ct/space-instead-of-semicolon', title: 'Content-Type "text/plain charset=utf-8" does not parse: preflighted',
    digest: 53, value: 'text/plain charset=utf-8', safelisted: false,
  }),
  contentType({
    id: 'ct/empty-subtype', title: 'Content-Type "text/" does not parse: preflighted',
    digest: 53, value: 'text/', safelisted: false,
  }),
  contentType({
    id: 'ct/text-html', title: 'Content-Type text/html: not one of the three essences, preflighted',
    digest: 53, value: 'text/html', safelisted: false,
  }),
  contentType({
    id: 'ct/application-xml', title: 'Content-Type application/xml: preflighted',
    digest: 53, value: 'application/xml', safelisted: false,
  }),
  contentType({
    id: 'ct/two-lines-json-and-text',
    title: 'Two Content-Type lines, application/json then text/plain: each is judged alone, preflighted',
    digest: 53, steps: ['cors-safelisted-request-header', 'cors-unsafe-request-header-names'],
    value: ['application/json', 'text/plain'], safelisted: false,
  }),
  {
    ...contentType({
      id: 'ct/comma-in-parameter', title: 'Content-Type text/plain;charset=a,b: the parameter is dropped, text/plain is safelisted (Firefox preflights a comma)',
      value: 'text/plain;charset=a,b', safelisted: true,
    }),
    // Measured in Firefox 153 ESR.
    profiles: { firefox: firefoxPreflights('ct/comma-in-parameter', 'text/plain;charset=a,b') },
  },
  {
    ...contentType({
      id: 'ct/appended-twice-with-parameter',
      title: 'Content-Type TEXT/PLAIN;charset=UTF-8 appended twice: safelisted, each line and the combined value alike (Firefox preflights it)',
      steps: ['cors-safelisted-request-header', 'cors-unsafe-request-header-names'],
      value: ['TEXT/PLAIN;charset=UTF-8', 'TEXT/PLAIN;charset=UTF-8'], safelisted: true,
    }),
    // Measured in Firefox 153 ESR (generated seed 20261103 runs 778, 1005).
    profiles: { firefox: firefoxPreflights('ct/appended-twice-with-parameter', ['TEXT/PLAIN;charset=UTF-8', 'TEXT/PLAIN;charset=UTF-8']) },
  },
] as const satisfies readonly EdgeCase[];
