/** Where the repository is, from a compiled module under dist/targets/…: the directory holding package.json. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tsconfig.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('repository root not found');
  }
}

export const repositoryRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));
