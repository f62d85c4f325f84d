/**
 * Accept-Language and Content-Language are safelisted only if every byte is an ASCII letter or digit,
 * or one of space * , - . ; = (and the value is at most 128 bytes).
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import type { EdgeCase } from '../types.js';
import { bytes } from '../fixtures.js';
import { classification } from './classify.js';

const steps = ['cors-safelisted-request-header'] as const;

export const languageCases = [
  classification({
    id: 'al/q-values', title: 'Accept-Language "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5": safelisted',
    digest: 54, steps, name: 'Accept-Language', value: 'fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5', safelisted: true,
  }),
  classification({
    id: 'al/underscore', title: 'Accept-Language "en_US": the underscore is not allowed, preflighted',
    digest: 54, steps, name: 'Accept-Language', value: 'en_US', safelisted: false,
  }),
  classification({
    id: 'al/over-128-bytes', title: 'An Accept-Language value of 129 letters: preflighted',
    digest: 51, steps: ['cors-safelisted-request-header:1'], name: 'Accept-Language', value: bytes(129), safelisted: false,
  }),
  classification({
    id: 'cl/plain', title: 'Content-Language "de-DE, en": safelisted',
    digest: 54, steps, name: 'Content-Language', value: 'de-DE, en', safelisted: true,
  }),
  classification({
    id: 'cl/colon', title: 'Content-Language "de:DE": preflighted',
    digest: 54, steps, name: 'Content-Language', value: 'de:DE', safelisted: false,
  }),
  classification({
    id: 'cl/slash', title: 'Content-Language "en/US": preflighted',
    digest: 54, steps, name: 'Content-Language', value: 'en/US', safelisted: false,
  }),
  classification({
    id: 'cl/non-ascii', title: 'Content-Language with a byte above 0x7F: preflighted',
    digest: 54, steps, name: 'Content-Language', value: 'd\u00e9', safelisted: false,
  }),
] as const satisfies readonly EdgeCase[];
