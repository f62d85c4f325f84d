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

/**
 * Empty since issue 8: every difference the differential test showed in Firefox and WebKit is now a
 * profile row (docs/engines.md lists them), or was a harness artefact (Harness.warmUp).
 */
export const knownDifferences: readonly KnownDifference[] = [];

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
  ['preflightAfterRedirect', 'preflight after a redirect'],
  ['preflightSeesRemovedHeaders', 'headers a redirect removes still count for the next preflight'],
  ['preflightIgnoresRedirectTaint', 'preflight carries the page\'s origin after a tainting redirect'],
  ['crossOriginRedirectToGetMethods', 'methods a redirect to another origin turns into GET'],
  ['joinsLocationLines', 'Location lines joined and followed as one URL'],
  ['cachesRejectedPreflight', 'a rejected preflight is cached'],
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
  out.push('', '## Measured, not modelled yet', '');
  if (knownDifferences.length === 0) {
    out.push('None: the differential test (`npm run test:browser -- --engine all`) shows no difference the profiles do not reproduce.');
  } else {
    out.push('The browser runner shows these differences; no profile row reproduces them yet, so the differential test',
      'reports them for these engines.', '');
    out.push('| engines | difference | evidence |', '| --- | --- | --- |');
    for (const known of knownDifferences) out.push(`| ${known.engines.join(', ')} | ${cell(known.summary)} | ${cell(known.evidence)} |`);
  }
  return out.join('\n') + '\n';
}
