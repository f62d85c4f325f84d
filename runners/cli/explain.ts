/** `cors-conformance explain CASE.json|-`: one case through the reference state machine. */
import { readFile } from 'node:fs/promises';
import { explain, type ProfileName, type Verdict } from '../../reference/browser/index.js';
import { formatVerdictText } from '../reporters/verdict-text.js';
import { UsageError } from '../errors.js';

export interface ExplainOptions {
  readonly format: 'json' | 'text';
  readonly profile?: ProfileName;
  readonly color: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a case file (or `-` for stdin) as JSON; errors name the file. */
export async function readCaseFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path === '-' ? 'stdin' : path} is not valid JSON: ${(error as Error).message}`);
  }
}

export function renderVerdict(verdict: Verdict, options: ExplainOptions): string {
  return options.format === 'json' ? JSON.stringify(verdict, null, 2) + '\n' : formatVerdictText(verdict, options);
}

export async function explainCommand(path: string, options: ExplainOptions): Promise<string> {
  return renderVerdict(explain(await readCaseFile(path), options.profile), options);
}
