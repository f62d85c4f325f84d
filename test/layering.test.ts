// DESIGN.md §2: imports only point down spec/ <- reference/ <- suites/ <- runners/; STYLE.md §10.
import t from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { root } from './support/paths.js';

const layers = ['spec', 'reference', 'suites', 'runners'] as const;
/** What each layer may import from (itself included). */
const allowed: Record<string, readonly string[]> = {
  spec: ['spec'], reference: ['spec', 'reference'], suites: ['spec', 'reference', 'suites'],
  runners: ['spec', 'reference', 'suites', 'runners'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const importPattern = /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

t.test('imports only point down the layers', async (t) => {
  const violations: string[] = [];
  for (const layer of layers) {
    for (const file of sources(join(root, layer))) {
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const target = match[1] ?? match[2]!;
        if (!target.startsWith('.')) continue;
        const top = relative(root, resolve(dirname(file), target)).split(/[\\/]/)[0]!;
        if (!allowed[layer]!.includes(top)) violations.push(`${relative(root, file)} imports ${target} (${top}/)`);
      }
    }
  }
  t.same(violations, []);
});

t.test('reference/server and reference/browser do not import each other', async (t) => {
  const violations: string[] = [];
  for (const [from, to] of [['browser', 'server'], ['server', 'browser']] as const) {
    for (const file of sources(join(root, 'reference', from))) {
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const target = match[1] ?? match[2]!;
        if (resolve(dirname(file), target).startsWith(join(root, 'reference', to))) violations.push(relative(root, file));
      }
    }
  }
  t.same(violations, []);
});

t.test('spec/ and reference/ do no I/O', async (t) => {
  const io = /from\s+['"](node:)?(fs|fs\/promises|net|http|https|child_process|undici)['"]/;
  const offenders = ['spec', 'reference/browser'].flatMap((dir) => sources(join(root, dir)))
    .filter((file) => io.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
  t.same(offenders, []);
});

t.test('no bare TODO under reference/: an unmodelled step throws NotModelledError', async (t) => {
  const offenders = sources(join(root, 'reference')).filter((file) => /\bTODO\b/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));
  t.same(offenders, []);
});
