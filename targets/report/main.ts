/**
 * `npm run report`: runs the suite against every target that can run here, keeps each row as
 * results/<id>.json, and writes REPORT.md from those files.
 *
 *   npm run report                       run everything available, then write REPORT.md
 *   npm run report -- --install          first apt-install the Debian packages the targets miss
 *   npm run report -- --from-results     only rebuild REPORT.md from results/*.json
 *   npm run report -- --only PREFIX      run only the targets whose id starts with PREFIX (repeatable);
 *                                        the other rows keep their results
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allTargets } from '../index.js';
import { repositoryRoot } from '../root.js';
import type { TargetDefinition } from '../types.js';
import { renderReportMarkdown } from './markdown.js';
import { parseResult, resultFileName, serializeResult, type TargetResult } from './results.js';
import { REPORT_SETTINGS, runTarget } from './run-target.js';

const COMMAND = 'npm run report';
const resultsDir = join(repositoryRoot, 'results');
const reportFile = join(repositoryRoot, 'REPORT.md');

interface Options {
  readonly install: boolean;
  readonly fromResults: boolean;
  readonly only: readonly string[];
}

function parseArgs(argv: readonly string[]): Options {
  const only: string[] = [];
  let install = false;
  let fromResults = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--install') install = true;
    else if (arg === '--from-results') fromResults = true;
    else if (arg === '--only' && argv[i + 1] !== undefined) only.push(argv[++i]!);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}; use --install, --from-results or --only PREFIX`);
  }
  if (fromResults && (install || only.length > 0)) throw new Error('--from-results runs nothing: it takes no other option');
  return { install, fromResults, only };
}

const log = (line: string) => process.stderr.write(line + '\n');

function spawnInherit(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.once('error', (error) => { log(`${command}: ${error.message}`); resolve(127); });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** apt-get installs what the selected Debian targets miss (as root, or through sudo). */
async function installMissing(targets: readonly TargetDefinition[]): Promise<void> {
  const missing = new Set<string>();
  for (const target of targets) {
    if (target.source !== 'debian' || (await target.unavailable()) === null) continue;
    for (const pkg of target.aptPackages ?? []) missing.add(pkg);
  }
  if (missing.size === 0) {
    log('--install: every Debian package the targets need is installed');
    return;
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = async (...args: string[]) => spawnInherit(sudo[0] ?? 'apt-get', [...(sudo.length > 0 ? ['apt-get'] : []), ...args]);
  const packages = [...missing].sort();
  log(`--install: apt-get install ${packages.join(' ')}`);
  if ((await apt('install', '-y', '--no-install-recommends', ...packages)) === 0) return;
  log('--install: retrying after apt-get update');
  await apt('update');
  if ((await apt('install', '-y', '--no-install-recommends', ...packages)) !== 0) log('--install: apt-get failed; the targets that still miss packages are listed as not run');
}

async function readResults(): Promise<TargetResult[]> {
  let names: string[];
  try {
    names = (await readdir(resultsDir)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const results = await Promise.all(names.map(async (name) => parseResult(JSON.parse(await readFile(join(resultsDir, name), 'utf8')), `results/${name}`)));
  // The order of allTargets; rows of targets no longer defined go last, by id.
  const rank = (id: string) => {
    const index = allTargets.findIndex((target) => target.id === id);
    return index === -1 ? allTargets.length : index;
  };
  return results.sort((a, b) => rank(a.target.id) - rank(b.target.id) || (a.target.id < b.target.id ? -1 : 1));
}

async function writeReport(): Promise<void> {
  const results = await readResults();
  await writeFile(reportFile, renderReportMarkdown(results, { command: COMMAND }));
  const ran = results.filter((r) => r.report !== null).length;
  log(`REPORT.md: ${ran} rows ran, ${results.length - ran} not run`);
}

function summary(result: TargetResult): string {
  if (result.report === null) return `not run: ${result.notRun}`;
  const f = result.report.summary.findings;
  return `${(result.run.durationMs / 1000).toFixed(1)} s, findings must ${f.must}, should ${f.should}, info ${f.info}` +
    (result.report.errors.length > 0 ? `, ${result.report.errors.length} errors` : '');
}

async function runAll(options: Options, signal: AbortSignal): Promise<void> {
  const selected = options.only.length === 0 ? allTargets : allTargets.filter((t) => options.only.some((prefix) => t.id.startsWith(prefix)));
  if (selected.length === 0) throw new Error(`no target id starts with ${options.only.join(' or ')}`);
  if (options.install) await installMissing(selected);
  await mkdir(resultsDir, { recursive: true });
  const started = Date.now();
  for (const [i, target] of selected.entries()) {
    if (signal.aborted) break;
    const result = await runTarget(target, { ...REPORT_SETTINGS, signal });
    await writeFile(join(resultsDir, resultFileName(target.id)), serializeResult(result));
    log(`[${i + 1}/${selected.length}] ${target.id}: ${summary(result)}`);
  }
  if (options.only.length === 0 && !signal.aborted) {
    // Rows of targets that are no longer defined would linger in REPORT.md.
    const current = new Set(allTargets.map((t) => resultFileName(t.id)));
    for (const name of await readdir(resultsDir)) if (name.endsWith('.json') && !current.has(name)) await rm(join(resultsDir, name));
  }
  log(`ran ${selected.length} targets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    log(`report: ${(error as Error).message}`);
    return 2;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => {
    log('interrupted: stopping the running target');
    controller.abort();
  });
  if (!options.fromResults) await runAll(options, controller.signal);
  await writeReport();
  return controller.signal.aborted ? 130 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  log(`report: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exitCode = 3;
});
