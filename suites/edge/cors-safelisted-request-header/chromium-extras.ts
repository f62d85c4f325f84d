/**
 * Chromium safelists request headers the spec does not (legacy client hints and Save-Data, with
 * value rules), so script-set values of them go out without a preflight there only; and it classifies
 * a repeated header by its combined value, where the spec classifies every entry on its own.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import type { EdgeCase } from '../types.js';
import { bytes } from '../fixtures.js';
import { type Classification, classification, classified } from './classify.js';

/** A header the spec preflights; `chromiumSafelisted` says whether Chromium's extra rules skip it. */
const extra = (c: Omit<Classification, 'steps' | 'safelisted'>, chromiumSafelisted: boolean): EdgeCase => {
  const full: Classification = { ...c, steps: ['cors-safelisted-request-header', 'concept-main-fetch:12'], safelisted: false };
  const edge = classification(full);
  return chromiumSafelisted ? { ...edge, profiles: { chromium: classified(full, true) } } : edge;
};

/**
 * A header appended more than once, safelisted per entry as the spec says; Chromium, Firefox and WebKit
 * classify the combined value (`chromiumSafelisted`: whether that still passes).
 */
function combined(c: Omit<Classification, 'steps' | 'safelisted'>, chromiumSafelisted = false): EdgeCase {
  const full: Classification = { ...c, steps: ['cors-safelisted-request-header', 'cors-unsafe-request-header-names'], safelisted: true };
  const edge = classification(full);
  const unsafe = classified(full, false);
  return chromiumSafelisted ? edge : { ...edge, profiles: { chromium: unsafe, firefox: unsafe, webkit: unsafe } };
}

export const chromiumExtraCases = [
  extra({ id: 'chromium-safelist/save-data-on', title: 'Save-Data: on is preflighted by the spec; Chromium safelists it',
    name: 'Save-Data', value: 'on' }, true),
  extra({ id: 'chromium-safelist/dpr', title: 'DPR: 2 is preflighted by the spec; Chromium safelists it',
    name: 'DPR', value: '2' }, true),
  extra({ id: 'chromium-safelist/width', title: 'Width: 100 is preflighted by the spec; Chromium safelists it',
    name: 'Width', value: '100' }, true),
  extra({ id: 'chromium-safelist/save-data-off', title: 'Save-Data: off is preflighted everywhere (Chromium accepts only "on")',
    name: 'Save-Data', value: 'off' }, false),
  extra({ id: 'chromium-safelist/width-decimal', title: 'Width: 1.5 is preflighted everywhere (Chromium wants digits only)',
    name: 'Width', value: '1.5' }, false),
  combined({ id: 'chromium-safelist/repeated-content-language',
    title: 'Two 100-byte Content-Language appends: each is safelisted by the spec; Chromium classifies the 202-byte combined value',
    name: 'Content-Language', value: [bytes(100), bytes(100)] }),
  combined({ id: 'chromium-safelist/repeated-accept-short',
    title: 'Two short Accept appends stay safelisted in both (combined "a, b" is under 128 bytes)',
    name: 'Accept', value: ['text/a', 'text/b'] }, true),
] as const satisfies readonly EdgeCase[];
