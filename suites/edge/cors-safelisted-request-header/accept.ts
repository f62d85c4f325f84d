/**
 * Accept is safelisted unless it holds a CORS-unsafe request-header byte or is over 128 bytes; bytes
 * of 0x80 and above, and tabs, are fine.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
 */
import type { EdgeCase } from '../types.js';
import { bytes } from '../fixtures.js';
import { classification, classified } from './classify.js';

const accept = (slug: string, value: string, safelisted: boolean, title: string, digest?: number) => classification({
  id: `accept/${slug}`, title, ...(digest !== undefined ? { digest } : {}),
  steps: ['cors-safelisted-request-header', 'cors-unsafe-request-header-byte'],
  name: 'Accept', value, safelisted,
});

export const acceptCases = [
  accept('json', 'application/json', true, 'Accept application/json: safelisted'),
  accept('list-with-tab', 'text/html,\tapplication/json;q=0.9', true, 'Accept with an interior tab: safelisted'),
  {
    ...accept('latin1-byte', 'text/plain; x=\u00e9', true, 'Accept with a byte above 0x7F: not an unsafe byte, safelisted (Firefox preflights it)'),
    // Measured in Firefox 153 ESR.
    profiles: {
      firefox: classified({ id: 'accept/latin1-byte', title: '', steps: [], name: 'Accept', value: 'text/plain; x=\u00e9', safelisted: false }, false),
    },
  },
  accept('brace', 'application/{json}', false, 'Accept with "{": an unsafe byte, preflighted'),
  accept('over-128-bytes', 'text/' + bytes(124), false, 'An Accept value of 129 bytes: preflighted', 51),
] as const satisfies readonly EdgeCase[];
