#!/usr/bin/env node
/** The command-line entry point: the only place that prints and exits. DESIGN.md §7. */
import { parseArgs } from 'node:util';
import { CaseError, NotModelledError } from '../../reference/browser/errors.js';
import { checks } from '../../suites/checks/registry.js';
import { TargetError, UsageError } from '../errors.js';
import { version } from '../version.js';
import { integerOption, policyOption, profileOption } from './options.js';
import type { Io } from './run-command.js';

// Each command loads its own modules, so start-up pays only for the one that runs (the browser driver
// alone costs more than the rest together).
const runCommand: typeof import('./run-command.js').runCommand = async (...args) => (await import('./run-command.js')).runCommand(...args);

const USAGE = `Usage:
  cors-conformance <url...> [--policy FILE] [--origin ORIGIN]... [--suite PREFIX]... [--list]
      [--level must|should|info] [--runs N] [--seed N [--path P]] [--concurrency N] [--rate N]
      [--timeout MS] [--deadline MS] [--profile spec|chromium|firefox|webkit] [--header "K: V"]...
      [--cookie C] [--format text|json|jsonl|tap|junit|sarif|markdown] [--output FILE] [--insecure]
      [--targets FILE] [--shard i/n]
  cors-conformance merge REPORT.json|REPORT.jsonl... [--format F] [--output FILE] [--level L]
  cors-conformance explain CASE.json|-  [--format json|text] [--profile P]
  cors-conformance browser CASE.json|-  [--engine chromium|firefox|webkit|all] [--format text|json] [--profile P]
                                        the case in real browsers, each next to the model (its own profile)
  cors-conformance serve [--policy FILE] [--port N]
  cors-conformance demo                  the suite against a correct and a broken embedded server
  cors-conformance examples              the bundled example cases through the model
  cors-conformance --list | --version | --help

Exit codes: 0 no failing findings; 1 failing findings; 2 usage or input error;
3 the target could not be reached or the harness failed.
`;

const flags = {
  policy: { type: 'string' }, origin: { type: 'string', multiple: true }, suite: { type: 'string', multiple: true },
  list: { type: 'boolean' }, level: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' },
  path: { type: 'string' }, concurrency: { type: 'string' }, rate: { type: 'string' }, timeout: { type: 'string' },
  deadline: { type: 'string' }, profile: { type: 'string' }, header: { type: 'string', multiple: true },
  cookie: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' }, insecure: { type: 'boolean' },
  port: { type: 'string' }, engine: { type: 'string' }, targets: { type: 'string' }, shard: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, debug: { type: 'boolean' },
  color: { type: 'boolean' }, 'no-color': { type: 'boolean' },
} as const;

function listChecks(format: string | undefined, suites: readonly string[]): string {
  const selected = checks.filter((check) => suites.length === 0 || suites.some((prefix) => check.id.startsWith(prefix)));
  if (format === 'json') return JSON.stringify(selected, null, 2) + '\n';
  const width = Math.max(...selected.map((check) => check.id.length));
  return selected.map((check) => `${check.id.padEnd(width)}  ${check.level.padEnd(6)}  ${check.category.padEnd(11)}  ${check.anchor}  ${check.title}`).join('\n') + '\n';
}

async function run(argv: readonly string[], signal: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: flags });
  const color = values['no-color'] === true ? false : values.color === true || (process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const io: Io = { stdout: process.stdout, stderr: process.stderr, color, signal };
  if (values.help) return void process.stdout.write(USAGE), 0;
  if (values.version) return void process.stdout.write(`cors-conformance ${version}\n`), 0;
  if (values.list) return void process.stdout.write(listChecks(values.format, values.suite ?? [])), 0;
  const [command, ...rest] = positionals;
  switch (command) {
    case 'explain': {
      if (rest.length !== 1) throw new UsageError('explain takes one case file, or - for stdin');
      const format = values.format ?? 'json';
      if (format !== 'json' && format !== 'text') throw new UsageError(`explain --format must be json or text, not "${format}"`);
      const options = { format, color, ...(values.profile !== undefined && { profile: profileOption(values.profile) }) } as const;
      process.stdout.write(await (await import('./explain.js')).explainCommand(rest[0]!, options));
      return 0;
    }
    case 'browser': {
      if (rest.length !== 1) throw new UsageError('browser takes one case file, or - for stdin');
      const result = await (await import('../browser/command.js')).browserCommand(rest[0]!, {
        format: values.format ?? 'text', ...(values.engine !== undefined && { engine: values.engine }),
        ...(values.profile !== undefined && { profile: profileOption(values.profile) }),
      });
      process.stdout.write(result.output);
      return result.code;
    }
    case 'serve': {
      const served = await (await import('./serve.js')).serveCommand(await policyOption(values.policy), integerOption('port', values.port, 0, 0, 65535), signal);
      process.stdout.write(`reference CORS server listening on ${served.url} (Ctrl-C to stop)\n`);
      await served.done;
      return 0;
    }
    case 'demo':
      return (await import('./demo.js')).demoCommand(io);
    case 'examples':
      process.stdout.write(await (await import('./examples.js')).examplesCommand({ color, ...(values.profile !== undefined && { profile: profileOption(values.profile) }) }));
      return 0;
    case 'merge':
      return (await import('./merge-command.js')).mergeCommand(rest, values, io);
    case undefined:
      if (values.targets !== undefined) return runCommand([], values, io);
      throw new UsageError('no target URL or command given; see --help');
    default:
      if (!/^https?:\/\//i.test(command)) throw new UsageError(`unknown command "${command}"; give a target URL (http:// or https://) or see --help`);
      return runCommand(positionals, values, io);
  }
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof CaseError) return 2;
  if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return 2;
  return 3;
}

const argv = process.argv.slice(2);
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});
try {
  process.exitCode = await run(argv, interrupt.signal);
} catch (error) {
  const code = exitCodeOf(error);
  const known = error instanceof UsageError || error instanceof CaseError || error instanceof TargetError || error instanceof NotModelledError ||
    (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cors-conformance: ${known ? '' : 'internal error: '}${message}\n`);
  if (argv.includes('--debug') && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  process.exitCode = code;
}
