/**
 * Chromium safelists request headers the spec does not (legacy client hints and Save-Data, with
 * value rules), so script-set values of them go out without a preflight there only.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
import type { EdgeCase } from '../types.js';
import { type Classification, classification, classified } from './classify.js';

/** A header the spec preflights; `chromiumSafelisted` says whether Chromium's extra rules skip it. */
const extra = (c: Omit<Classification, 'steps' | 'safelisted'>, chromiumSafelisted: boolean): EdgeCase => {
  const full: Classification = { ...c, steps: ['cors-safelisted-request-header', 'concept-main-fetch:12'], safelisted: false };
  const edge = classification(full);
  return chromiumSafelisted ? { ...edge, profiles: { chromium: classified(full, true) } } : edge;
};

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
] as const satisfies readonly EdgeCase[];
