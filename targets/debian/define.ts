/** What every Debian target shares: its shape, where its data files live, and the system Python. */
import { join } from 'node:path';
import { repositoryRoot } from '../root.js';
import type { TargetDefinition } from '../types.js';

/** The configuration under test as its author writes it; REPORT.md shows it under the row. */
export interface TargetConfig {
  /** The code block's info string: `python`, `xml`, `nginx`, `apache`. */
  readonly language: string;
  readonly text: string;
}

export interface DebianTargetDefinition extends TargetDefinition {
  readonly source: 'debian';
  readonly aptPackages: readonly string[];
  readonly config: TargetConfig;
}

/** A data file of the Debian targets (Python apps, Java sources), read from the repository, not dist/. */
export function dataPath(...parts: string[]): string {
  return join(repositoryRoot, 'targets', 'debian', ...parts);
}

/** Debian's interpreter, not whatever `python3` is first on PATH (pyenv, a venv): the packages under test are Debian's. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** A temp-dir name for a target id: `flask-cors/strict-list` -> `flask-cors-strict-list`. */
export function slug(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-');
}
