#!/usr/bin/env node
/** The command-line entry point: the only place that prints and exits. DESIGN.md §7. */
import { parseArgs } from 'node:util';
import { CaseError, NotModelledError, profileNames, type ProfileName } from '../../reference/browser/index.js';
import { TargetError, UsageError } from '../errors.js';
import { explainCommand } from './explain.js';
import { demoCommand } from './demo.js';
import { version } from './version.js';

const USAGE = `Usage:
  cors-conformance explain CASE.json|-  [--format json|text] [--profile spec|chromium|firefox|webkit]
  cors-conformance demo                 run the bundled example cases through the model
  cors-conformance --version | --help

Exit codes: 0 ok, 1 failing findings, 2 usage or input error, 3 target unreachable or harness failure.
`;

function profileOption(value: string | undefined): ProfileName | undefined {
  if (value === undefined) return undefined;
  if (!(profileNames as readonly string[]).includes(value)) throw new UsageError(`--profile must be one of ${profileNames.join(', ')}, not "${value}"`);
  return value as ProfileName;
}

function formatOption(value: string | undefined, fallback: 'json' | 'text'): 'json' | 'text' {
  if (value === undefined) return fallback;
  if (value !== 'json' && value !== 'text') throw new UsageError(`--format must be json or text, not "${value}"`);
  return value;
}

async function run(argv: readonly string[]): Promise<{ output: string; code: number }> {
  const { values, positionals } = parseArgs({
    args: [...argv], allowPositionals: true, strict: true,
    options: {
      format: { type: 'string' }, profile: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' }, debug: { type: 'boolean' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' },
    },
  });
  const color = values['no-color'] === true ? false : values.color === true || (process.stdout.isTTY && !process.env['NO_COLOR']);
  if (values.help) return { output: USAGE, code: 0 };
  if (values.version) return { output: `cors-conformance ${version}\n`, code: 0 };
  const [command, ...rest] = positionals;
  switch (command) {
    case 'explain': {
      if (rest.length !== 1) throw new UsageError('explain takes one case file, or - for stdin');
      const options = { format: formatOption(values.format, 'json'), color, ...(values.profile && { profile: profileOption(values.profile)! }) };
      return { output: await explainCommand(rest[0]!, options), code: 0 };
    }
    case 'demo':
      return { output: await demoCommand({ color, ...(values.profile && { profile: profileOption(values.profile)! }) }), code: 0 };
    case undefined:
      throw new UsageError('no command given; see --help');
    default:
      throw new UsageError(`unknown command "${command}"; see --help`);
  }
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof CaseError) return 2;
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return 2;
  if (error instanceof TargetError || error instanceof NotModelledError) return 3;
  return 3;
}

const argv = process.argv.slice(2);
try {
  const { output, code } = await run(argv);
  process.stdout.write(output);
  process.exitCode = code;
} catch (error) {
  const code = exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cors-conformance: ${code === 3 && !(error instanceof TargetError || error instanceof NotModelledError) ? 'internal error: ' : ''}${message}\n`);
  if (argv.includes('--debug') && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  process.exitCode = code;
}
