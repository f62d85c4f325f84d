// docs/engines.md is generated from the profiles: it must match what the generator writes now.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineMatrixMarkdown, knownDifferences } from '../../../reference/browser/engine-matrix.js';
import { profiles } from '../../../reference/browser/profiles.js';
import { root } from '../../support/paths.js';
import { edgeCases } from '../../../suites/edge/index.js';

t.test('docs/engines.md is up to date (npm run engines-doc)', async (t) => {
  t.equal(readFileSync(join(root, 'docs', 'engines.md'), 'utf8'), engineMatrixMarkdown());
});

t.test('every deviation row of every engine is in the matrix, with its evidence', async (t) => {
  const text = engineMatrixMarkdown();
  for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
    for (const row of profiles[engine].deviations) t.ok(text.includes(`\`${row.id}\``), `${engine}: ${row.id}`);
  }
  t.ok(knownDifferences.every((known) => known.evidence.length > 0), 'every known difference names its evidence');
  t.ok(text.includes('(`combinesRequestHeaders`) | no | **yes** | **yes** | **yes** |'), 'all three engines combine repeated request headers');
});

t.test('every measured row names regression edge cases that exist, and one of them expects that engine\'s own verdict', async (t) => {
  const ids = new Set(edgeCases.map((edge) => edge.id));
  for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
    for (const row of profiles[engine].deviations) {
      const named = /edge cases? ([^;]+?)(?:;|$)/.exec(row.source)?.[1];
      if (named === undefined) continue;
      const cited = named.split(/, /).map((id) => id.trim()).filter((id) => id.includes('/'));
      for (const id of cited) {
        const known = id.endsWith('/*') ? [...ids].some((one) => one.startsWith(id.slice(0, -1))) : ids.has(id);
        t.ok(known, `${engine}: ${row.id} cites ${id}`);
      }
      const own = edgeCases.some((edge) => cited.some((id) => (id.endsWith('/*') ? edge.id.startsWith(id.slice(0, -1)) : edge.id === id)) && edge.profiles?.[engine] !== undefined);
      t.ok(own, `${engine}: ${row.id} has an edge case with a ${engine} expectation`);
    }
  }
});
