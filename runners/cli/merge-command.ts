/** `cors-conformance merge a.jsonl b.jsonl …`: one report from shard reports, in any format. */
import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { mergeReports, parseReport } from '../merge.js';
import { renderReport } from '../reporters/index.js';
import { exitCode } from '../run/run.js';
import { formatOption, levelOption } from './options.js';
import type { Io } from './run-command.js';

export async function mergeCommand(files: readonly string[], flags: { format?: string; output?: string; level?: string }, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('merge takes the shard reports to combine (JSON or JSONL files)');
  const reports = await Promise.all(files.map(async (file) => {
    try {
      return parseReport(await readFile(file, 'utf8'), file);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }));
  const report = mergeReports(reports);
  const level = levelOption(flags.level);
  const text = renderReport(report, formatOption(flags.format), { color: io.color && flags.output === undefined, failLevel: level });
  if (flags.output !== undefined) await writeFile(flags.output, text);
  else io.stdout.write(text);
  return exitCode(report, level);
}
