/**
 * The engine matrix (docs/engines.md), generated from the profiles: every behaviour where an engine's
 * profile differs from the spec, which engines differ, and each deviation row with its evidence; then
 * the differences the browser runner has measured that the model does not reproduce yet. Pure.
 */
import { profiles, type MaxAgeRule, type Profile } from './profiles.js';

const engines = ['chromium', 'firefox', 'webkit'] as const;
type Engine = (typeof engines)[number];

/** Where each profile was checked against its engine by the browser runner (runners/browser). */
export const measuredWith: Readonly<Record<Engine, string>> = {
  chromium: 'Chromium 156 (Debian chromium, playwright-core)',
  firefox: 'Firefox 153 ESR (Debian firefox-esr, puppeteer-core over WebDriver BiDi)',
  webkit: 'WebKitGTK 2.50 (Debian webkit2gtk-driver: MiniBrowser through WebKitWebDriver under xvfb-run)',
};

/** A difference the browser runner showed that no profile row reproduces yet, with the case that shows it. */
export interface KnownDifference {
  readonly engines: readonly Engine[];
  readonly summary: string;
  readonly evidence: string;
}

export const knownDifferences: readonly KnownDifference[] = [
  { engines: ['firefox'], summary: 'after a redirect to another origin, the preflight carries the page\'s origin, not `null` (the actual request after it carries `null`)',
    evidence: 'edge cases redirect/preflight-origin-null, redirect/post-308-keeps-body, redirect/client-hints-to-page; generated seed 20261103 run 356' },
  { engines: ['firefox', 'webkit'], summary: 'a request that was preflighted is preflighted again after a redirect even when the redirected request needs no preflight (a 302/303 turning the method into GET, Authorization removed)',
    evidence: 'Firefox: edge cases redirect/post-302-becomes-get, redirect/put-303-becomes-get, redirect/authorization-dropped, redirect/authorization-dropped-acrh; WebKit: generated seed 7 runs 772, 1212, 1729' },
  { engines: ['firefox'], summary: 'a preflight result for a PUT or DELETE was not reused a second later within max-age 600 in these cases (the generated cache sequences do reuse entries; not yet explained, a harness cause is not ruled out)',
    evidence: 'edge cases cache/same-url, cache/every-listed-method' },
  { engines: ['webkit'], summary: 'a redirect to another origin keeps Authorization, and a 301/302/303 turning the method into GET keeps Content-Type, so the next hop is preflighted',
    evidence: 'edge cases redirect/authorization-dropped, redirect/authorization-dropped-acrh, redirect/post-302-becomes-get, redirect/put-303-becomes-get; generated seed 20261103 runs 962, 1460, 1950; seed 7 runs 94, 603' },
  { engines: ['webkit'], summary: 'two Location lines are joined with ", " and followed as one (relative) URL instead of failing',
    evidence: 'edge cases redirect/two-location-lines, redirect/two-identical-location-lines; generated seed 20261103 runs 1048, 1422, 1853; seed 7 runs 494, 671, 770, 1093, 1173, 1383, 1821' },
  { engines: ['webkit'], summary: 'a 301 or 302 turns a DELETE (not only a POST) into GET',
    evidence: 'generated seed 20261103 runs 422, 1939; seed 7 run 949' },
  { engines: ['webkit'], summary: 'a second request in a cache sequence went out without the preflight the model expects (not yet explained)',
    evidence: 'generated seed 20261103 runs 998, 1426; seed 7 run 1028' },
  { engines: ['firefox'], summary: 'Content-Type appended several times with the same safelisted value (`TEXT/PLAIN;charset=UTF-8`) is preflighted; the model parses the combined value as text/plain',
    evidence: 'generated seed 20261103 runs 778, 1005' },
  { engines: ['firefox'], summary: 'a preflight cached with max-age 1 was sometimes not reused by a request made right after the first fetch (timing: the real gap can exceed 1 s on a cold page; a harness artefact is likely)',
    evidence: 'generated seed 20261103 run 71 (differs in 2 of 5 replays)' },
];

function maxAgeText(rule: MaxAgeRule): string {
  return [
    `fallback ${rule.fallback}`, `cap ${rule.cap ?? 'none'}`, `negative ${rule.negative ?? 'invalid'}`,
    `+ ${rule.acceptsPlus ? 'accepted' : 'invalid'}`, ...(rule.invalid !== null ? [`non-number ${rule.invalid}`] : []),
    ...(rule.overflowAbove !== null ? [`overflow above ${rule.overflowAbove}`] : []),
  ].join('; ');
}

function valueText(profile: Profile, field: keyof Profile): string {
  const value = profile[field];
  if (field === 'maxAge') return maxAgeText(value as MaxAgeRule);
  if (field === 'isSafelistedRequestHeader') return value === profiles.spec.isSafelistedRequestHeader ? 'the spec\'s' : 'own predicate';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

const fields: readonly (readonly [keyof Profile, string])[] = [
  ['maxAge', 'Access-Control-Max-Age parsing'],
  ['wildcardCoversAuthorization', '`*` in ACAH covers Authorization at preflight time'],
  ['cacheWildcards', 'cached `*` entries match'],
  ['cacheWildcardCoversAuthorization', 'cached `*` covers Authorization'],
  ['cacheKeyedByCredentials', 'cache entries keyed by credentials mode'],
  ['cacheExemptMethods', 'methods needing no cache entry'],
  ['cacheStructure', 'cache structure'],
  ['isSafelistedRequestHeader', 'CORS-safelisted request-header predicate'],
  ['combinesRequestHeaders', 'repeated request headers classified combined'],
  ['extraForbiddenRequestHeaders', 'extra forbidden request-headers'],
  ['cacheClearing', 'when cache entries are cleared'],
  ['rejectsRedirectToCredentials', 'redirect to user:pass@ fails in every mode'],
  ['redirectRemovesHeaders', 'headers removed on a redirect away from the page'],
  ['identicalLocationLinesAreOne', 'identical Location lines followed as one'],
  ['redirectErrorNeedsLocation', 'redirect mode "error" needs a Location'],
  ['originSurvivesRedirectToGet', 'Origin kept after a redirect turns the method into GET'],
];

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function engineMatrixMarkdown(): string {
  const out: string[] = [
    '# Engines: where Chromium, Firefox and WebKit depart from the Fetch Standard',
    '',
    'Generated from `reference/browser/profiles.ts` by `npm run engines-doc`; do not edit by hand.',
    'Each profile was run against its engine by the browser runner (`cors-conformance browser CASE.json --engine E`,',
    '`npm run test:browser -- --engine E`):',
    '',
    ...engines.map((engine) => `- ${engine}: ${measuredWith[engine]}`),
    '',
    '## Behaviours',
    '',
    'Only the behaviours where at least one engine differs from the spec; **bold** marks a difference.',
    '',
    '| behaviour | spec | chromium | firefox | webkit |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [field, title] of fields) {
    const spec = valueText(profiles.spec, field);
    const values = engines.map((engine) => valueText(profiles[engine], field));
    const differs = engines.map((engine, i) => (field === 'isSafelistedRequestHeader' ? profiles[engine][field] !== profiles.spec[field] : values[i] !== spec));
    if (!differs.some(Boolean)) continue;
    const shown = values.map((value, i) => (differs[i] ? `**${value}**` : value));
    out.push(`| ${cell(title)} (\`${field}\`) | ${cell(spec)} | ${shown.map(cell).join(' | ')} |`);
  }
  out.push('', '## Deviation rows', '', 'Every row of every profile, with its source or the measured case that shows it.', '');
  out.push('| row | chromium | firefox | webkit | summary | evidence |', '| --- | --- | --- | --- | --- | --- |');
  const rows = new Map<string, { summary: string; source: string; engines: Set<Engine> }>();
  for (const engine of engines) {
    for (const row of profiles[engine].deviations) {
      const known = rows.get(row.id) ?? { summary: row.summary, source: row.source, engines: new Set<Engine>() };
      known.engines.add(engine);
      rows.set(row.id, known);
    }
  }
  for (const [id, row] of rows) {
    const marks = engines.map((engine) => (row.engines.has(engine) ? 'yes' : ''));
    out.push(`| \`${id}\` | ${marks.join(' | ')} | ${cell(row.summary)} | ${cell(row.source)} |`);
  }
  out.push('', '## Measured, not modelled yet', '',
    'The browser runner shows these differences; no profile row reproduces them yet, so the differential test',
    'reports them for these engines.', '');
  out.push('| engines | difference | evidence |', '| --- | --- | --- |');
  for (const known of knownDifferences) out.push(`| ${known.engines.join(', ')} | ${cell(known.summary)} | ${cell(known.evidence)} |`);
  return out.join('\n') + '\n';
}
