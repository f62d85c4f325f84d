/**
 * Range is safelisted only in the simple form `bytes=N-` or `bytes=N-M` (N <= M), parsed without
 * whitespace; suffix ranges, lists, other units and any case change are preflighted.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * @see https://fetch.spec.whatwg.org/#simple-range-header-value
 */
import type { EdgeCase } from '../types.js';
import { classification, classified } from './classify.js';

const range = (slug: string, value: string, safelisted: boolean, title: string, webkitSafelisted?: boolean): EdgeCase => {
  const c = {
    id: `range/${slug}`, title, digest: 55, steps: ['cors-safelisted-request-header', 'simple-range-header-value'] as const,
    name: 'Range', value, safelisted,
  };
  const edge = classification({ ...c, steps: [...c.steps] });
  return webkitSafelisted === undefined ? edge : { ...edge, profiles: { webkit: classified({ ...c, steps: [...c.steps] }, webkitSafelisted) } };
};

export const rangeCases = [
  range('open-ended', 'bytes=0-', true, 'Range bytes=0-: safelisted'),
  range('closed', 'bytes=0-499', true, 'Range bytes=0-499: safelisted'),
  range('single-byte', 'bytes=5-5', true, 'Range bytes=5-5 (start equals end): safelisted'),
  range('suffix', 'bytes=-500', false, 'Range bytes=-500: a suffix range has no start, preflighted'),
  range('multiple', 'bytes=0-1,5-6', false, 'Range bytes=0-1,5-6: several ranges, preflighted'),
  range('whitespace', 'bytes = 0-', false, 'Range "bytes = 0-": whitespace is not allowed, preflighted'),
  // Measured in WebKitGTK 2.50: WebKit matches the unit case-insensitively and safelists it.
  range('capitalized-unit', 'Bytes=0-', false, 'Range Bytes=0-: the unit is case-sensitive, preflighted (WebKit safelists it)', true),
  range('start-after-end', 'bytes=5-1', false, 'Range bytes=5-1: start after end, preflighted'),
  range('no-bounds', 'bytes=-', false, 'Range bytes=-: neither start nor end, preflighted'),
  range('other-unit', 'items=0-1', false, 'Range items=0-1: not bytes, preflighted'),
] as const satisfies readonly EdgeCase[];
