/** `cors-conformance <url...>`: the suite against live servers, reported in the chosen format. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { FETCH_REVISION } from '../../spec/anchors.js';
import type { ReportFormat } from '../reporters/formats.js';
import { formatJsonlEvent } from '../reporters/jsonl.js';
import type { Report } from '../report-types.js';
import { exitCode, parseTarget, runSuite, type RunEvent, type RunOptions } from '../run/run.js';
import { version } from '../version.js';
import { UsageError } from '../errors.js';
import {
  credentialHeaders, formatOption, integerOption, levelOption, originOptions, policyOption, profileOption, shardOption, targetsOption,
} from './options.js';

export interface RunFlags {
  readonly policy?: string;
  readonly origin?: readonly string[];
  readonly suite?: readonly string[];
  readonly level?: string;
  readonly runs?: string;
  readonly seed?: string;
  readonly path?: string;
  readonly concurrency?: string;
  readonly rate?: string;
  readonly timeout?: string;
  readonly deadline?: string;
  readonly profile?: string;
  readonly header?: readonly string[];
  readonly cookie?: string;
  readonly format?: string;
  readonly output?: string;
  readonly insecure?: boolean;
  readonly targets?: string;
  readonly shard?: string;
}

export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly color: boolean;
  readonly signal?: AbortSignal;
}

export async function buildRunOptions(urls: readonly string[], flags: RunFlags): Promise<RunOptions & { format: ReportFormat; output?: string }> {
  const file = await targetsOption(flags.targets);
  if (urls.length + file.urls.length === 0) throw new UsageError('no target URL given; see --help');
  const targets = [...new Set([...urls, ...file.urls].map(parseTarget))];
  const targetPolicies = new Map([...file.policies].map(([url, policy]) => [parseTarget(url), policy]));
  const shard = shardOption(flags.shard);
  if (flags.path !== undefined && flags.seed === undefined) throw new UsageError('--path replays a failure and needs the --seed it was found with');
  if (flags.path !== undefined && !/^[0-9]+(:[0-9]+)*$/.test(flags.path)) throw new UsageError(`--path "${flags.path}" is not a fast-check path such as 3:1:0`);
  return {
    targets, targetPolicies, ...(shard && { shard }), policy: await policyOption(flags.policy), origins: originOptions(flags.origin ?? []), suites: flags.suite ?? [],
    level: levelOption(flags.level), runs: integerOption('runs', flags.runs, 500, 0, 10_000_000),
    seed: integerOption('seed', flags.seed, Date.now() % 2_147_483_647, 0, 2_147_483_647),
    ...(flags.path !== undefined && { path: flags.path }),
    concurrency: integerOption('concurrency', flags.concurrency, 8, 1, 256), rate: integerOption('rate', flags.rate, 0, 0),
    timeoutMs: integerOption('timeout', flags.timeout, 5000, 1), deadlineMs: integerOption('deadline', flags.deadline, 300_000, 1),
    profile: profileOption(flags.profile), credentialHeaders: credentialHeaders(flags.header ?? [], flags.cookie),
    insecure: flags.insecure === true, format: formatOption(flags.format), ...(flags.output !== undefined && { output: flags.output }),
  };
}

/** JSONL goes out line by line as results arrive, so an interrupted run keeps everything it found. */
function jsonlSink(options: RunOptions & { output?: string }, io: Io): { onEvent: (event: RunEvent) => void; close: () => Promise<void> } {
  const out: WriteStream | NodeJS.WritableStream = options.output !== undefined ? createWriteStream(options.output) : io.stdout;
  const onEvent = (event: RunEvent) => {
    if (event.type === 'target') return;
    const line = event.type === 'start'
      ? formatJsonlEvent({ type: 'start', tool: { name: 'cors-conformance', version }, fetchRevision: FETCH_REVISION, profile: event.profile, seed: event.seed, targets: event.targets, policy: options.policy?.config ?? null })
      : formatJsonlEvent(event);
    out.write(line);
  };
  const close = () => new Promise<void>((resolve) => (out === io.stdout ? resolve() : (out as WriteStream).end(resolve)));
  return { onEvent, close };
}

function progress(io: Io, format: ReportFormat): (event: RunEvent) => void {
  if (format !== 'text' || !io.stderr.isTTY) return () => {};
  return (event) => {
    if (event.type === 'target') io.stderr.write(`\r\x1b[2Kchecking ${event.target} …`);
    if (event.type === 'summary') io.stderr.write('\r\x1b[2K');
  };
}

export async function runCommand(urls: readonly string[], flags: RunFlags, io: Io): Promise<number> {
  const options = await buildRunOptions(urls, flags);
  const sink = options.format === 'jsonl' ? jsonlSink(options, io) : null;
  const draw = progress(io, options.format);
  let report: Report;
  try {
    report = await runSuite({
      ...options, ...(io.signal && { signal: io.signal }),
      onEvent: (event) => {
        draw(event);
        sink?.onEvent(event);
      },
    });
  } finally {
    await sink?.close();
  }
  if (sink === null) {
    // The reporters load when there is a report to render (start-up to the first request is a goal).
    const { renderReport } = await import('../reporters/index.js');
    const text = renderReport(report, options.format, { color: io.color && options.output === undefined, failLevel: options.level });
    if (options.output !== undefined) await writeFile(options.output, text);
    else io.stdout.write(text);
  }
  return exitCode(report, options.level);
}
