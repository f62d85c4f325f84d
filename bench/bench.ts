/**
 * `npm run bench [-- --json] [-- --quick | --full]`: the suite's speed against the machine's limit, in one run
 * on loopback (DESIGN §8): autocannon's raw rate, the transport's own rate, and the suite's rate on a long run against the same reference server
 * at concurrency 8, the model's verdicts per second, the default run's wall time, peak RSS by size,
 * and CLI start-up to first request.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY } from '../runners/cli/serve.js';
import { browserCasesPerSecond } from './browser.js';
import { shapes, verdictsPerSecond } from './model.js';

const cli = fileURLToPath(new URL('../runners/cli/main.js', import.meta.url));
const child = fileURLToPath(new URL('./suite-child.js', import.meta.url));
const transportChild = fileURLToPath(new URL('./transport-child.js', import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
/** The 1M-exchange memory run takes minutes; it runs with --full. */
const full = args.includes('--full');
const log = (line: string) => { if (!json) process.stderr.write(line + '\n'); };

function output(proc: ChildProcess): Promise<string> {
  let out = '';
  proc.stdout?.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => proc.on('close', (code) => (code === null ? reject(new Error('killed')) : resolve(out))));
}

/** The reference server in a process of its own, so client and server do not share an event loop. */
async function startServer(): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [cli, 'serve', '--port', '0']);
  const url = await new Promise<string>((resolve) => proc.stdout!.on('data', (chunk: Buffer) => {
    const match = /listening on (\S+)/.exec(chunk.toString());
    if (match) resolve(`${match[1]}/items`);
  }));
  return { url, proc };
}

/** The runner's transport alone against `url`: the ceiling for the suite's rate. */
async function transportRun(url: string, seconds: number): Promise<{ rps: number; cpuUsPerRequest: number }> {
  return JSON.parse(await output(spawn(process.execPath, [transportChild, url, String(seconds)])));
}

async function suiteRun(url: string, runs: number): Promise<{ requests: number; durationMs: number; peakRssMb: number; cpuUsPerRequest: number }> {
  return JSON.parse(await output(spawn(process.execPath, [child, url, String(runs)])));
}

/** Wall time of a default CLI run (process start to exit), and how many requests it made. */
async function defaultRun(url: string): Promise<{ ms: number; requests: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify(DEFAULT_POLICY));
  const started = performance.now();
  const out = await output(spawn(process.execPath, [cli, url, '--policy', policy, '--format', 'json']));
  return { ms: Math.round(performance.now() - started), requests: JSON.parse(out).summary.requests };
}

/** From spawning the CLI to the first byte of its first request reaching a listening socket. */
async function startupMs(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const started = performance.now();
  const first = new Promise<number>((resolve) => server.on('connection', (socket) => socket.once('data', () => {
    resolve(performance.now() - started);
    socket.destroy();
  })));
  const proc = spawn(process.execPath, [cli, `http://127.0.0.1:${port}/`, '--timeout', '200', '--deadline', '2000']);
  const ms = await first;
  proc.kill();
  server.close();
  return Math.round(ms);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const modelVerdictsPerSec = Object.fromEntries(Object.entries(shapes).map(([name, c]) => [name, verdictsPerSecond(c, quick ? 300 : 1500)]));
  log(`model: ${JSON.stringify(modelVerdictsPerSec)} verdicts/s`);
  const server = await startServer();
  try {
    const raw = await autocannon({ url: server.url, connections: 8, duration: quick ? 2 : 8, headers: { origin: 'https://app.example' } });
    const rawRps = Math.round(raw.requests.average);
    log(`raw: ${rawRps} requests/s (autocannon, 8 connections)`);
    const transport = await transportRun(server.url, quick ? 2 : 8);
    log(`transport alone: ${transport.rps} requests/s, ${transport.cpuUsPerRequest} µs CPU per request`);
    const runs = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) runs.push(await defaultRun(server.url));
    const defaultRunMs = median(runs.map((r) => r.ms));
    log(`default run: ${defaultRunMs} ms, ${runs[0]!.requests} requests`);
    // A generated request makes 1.85 exchanges on average (most are preflighted): these run counts make
    // at least the labelled number of exchanges. The suite's rate is read off the 100k run (the long
    // run: start-up, intent discovery and the deterministic probes weigh little in it).
    const sizes: Record<string, number> = quick ? { '10k': 2_000 } : { '10k': 5_500, '100k': 55_000, ...(full && { '1M': 550_000 }) };
    const peakRssMb: Record<string, number> = {};
    let long: Awaited<ReturnType<typeof suiteRun>> | undefined;
    for (const [label, n] of Object.entries(sizes)) {
      const run = await suiteRun(server.url, n);
      peakRssMb[label] = run.peakRssMb;
      log(`peak RSS at ${label} (${run.requests} requests): ${run.peakRssMb} MB`);
      if (label === (quick ? '10k' : '100k')) long = run;
    }
    if (long === undefined) throw new Error('no long run among the sizes');
    const suiteRps = Math.round(long.requests / (long.durationMs / 1000));
    log(`suite: ${suiteRps} requests/s over ${long.requests} requests, ${long.cpuUsPerRequest} µs CPU per request`);
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) startups.push(await startupMs());
    const startup = median(startups);
    log(`CLI start-up to first request: ${startup} ms`);
    const browser = await browserCasesPerSecond(quick ? 100 : 500);
    log(`browser-checked cases: ${browser === null ? 'Chromium not installed' : `${browser}/s (Chromium)`}`);
    const result = {
      rawRps, suiteRps, ratio: Math.round((suiteRps / rawRps) * 100) / 100, modelVerdictsPerSec, defaultRunMs,
      defaultRunRequests: runs[0]!.requests, peakRssMb, startupMs: startup, browserCasesPerSec: browser,
      transportRps: transport.rps, transportCpuUsPerRequest: transport.cpuUsPerRequest, suiteCpuUsPerRequest: long.cpuUsPerRequest,
      suiteRequests: long.requests,
    };
    process.stdout.write(json ? JSON.stringify(result) + '\n' : JSON.stringify(result, null, 2) + '\n');
  } finally {
    server.proc.kill();
  }
}

await main();
