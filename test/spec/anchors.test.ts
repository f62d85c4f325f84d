import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchors, anchorUrl, FETCH_REVISION } from '../../spec/anchors.js';

// The compiled test runs from dist/test/spec; data and sources live under the repository root.
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the test');
    dir = parent;
  }
  return dir;
}

const root = repositoryRoot();
const validIds: ReadonlySet<string> = new Set(
  readFileSync(join(root, 'spec', 'data', 'fetch-anchors.txt'), 'utf8').split('\n').filter((line) => line !== ''),
);

function* typeScriptFiles(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

// `#id` after the spec's host; a sentence's final `.` is not part of it, a template's `${` ends it.
const SPEC_URL = /fetch\.spec\.whatwg\.org\/#([A-Za-z0-9_?%-]*)/g;
// A whole quoted (', ", `) string `id:1.2.3`.
const STEP_REFERENCE = /(['"`])([a-z][a-z0-9-]*):(\d+(?:\.\d+)*)\1/g;
const BEYOND_SPEC_NAMESPACES: ReadonlySet<string> = new Set(['practice', 'security', 'browser']);

// Step references are told from `host:port` by the hyphen every multi-word anchor id has, or by the registry.
const looksLikeAnchorId = (id: string): boolean => !BEYOND_SPEC_NAMESPACES.has(id) && (id.includes('-') || id in anchors);

t.test('the registry is pinned and every id exists at that revision', (t) => {
  t.match(FETCH_REVISION, /^[0-9a-f]{40}$/);
  t.ok(validIds.size > 500, 'the list of ids is loaded');
  const missing: string[] = [];
  for (const [id, info] of Object.entries(anchors)) {
    if (!validIds.has(id)) missing.push(id);
    const aliases: readonly string[] = 'aliases' in info ? info.aliases : [];
    for (const alias of aliases) if (!validIds.has(alias)) missing.push(`${alias} (alias of ${id})`);
  }
  t.same(missing, []);
  t.equal(anchorUrl('cors-preflight-fetch-0:7.3'), 'https://fetch.spec.whatwg.org/#cors-preflight-fetch-0');
  t.equal(anchorUrl('ok-status'), 'https://fetch.spec.whatwg.org/#ok-status');
  t.end();
});

t.test('every Fetch URL and step reference in the sources names a real id', (t) => {
  const bad: string[] = [];
  let files = 0;
  let citations = 0;
  for (const folder of ['spec', 'reference', 'suites', 'runners']) {
    for (const file of typeScriptFiles(join(root, folder))) {
      files++;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        const where = `${relative(root, file)}:${index + 1}`;
        for (const [, id] of line.matchAll(SPEC_URL)) {
          if (id === '' && line.includes('#${')) continue;
          citations++;
          if (!validIds.has(id as string)) bad.push(`${where} #${id}`);
        }
        for (const [, , id] of line.matchAll(STEP_REFERENCE)) {
          if (!looksLikeAnchorId(id as string)) continue;
          citations++;
          if (!validIds.has(id as string)) bad.push(`${where} ${id}:`);
        }
      });
    }
  }
  t.ok(files > 0 && citations > 0, `${files} files, ${citations} citations scanned`);
  t.same(bad, []);
  t.end();
});
