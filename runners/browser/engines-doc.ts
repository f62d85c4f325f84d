/**
 * Writes docs/engines.md from the profiles (`npm run engines-doc`); with --check, exits 1 when the file
 * is out of date instead of writing it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineMatrixMarkdown } from '../../reference/browser/engine-matrix.js';

const path = fileURLToPath(new URL('../../../docs/engines.md', import.meta.url));
const text = engineMatrixMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // Missing counts as out of date.
  }
  if (current !== text) {
    process.stderr.write('docs/engines.md is out of date: run npm run engines-doc\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path}\n`);
}
