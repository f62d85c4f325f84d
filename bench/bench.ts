/**
 * `npm run bench [-- --json] [-- --quick | --full]`: the suite's speed against the machine's limit, in one
 * run on loopback (DESIGN §8): autocannon's raw rate, the transport's own rate and the suite's rate on a
 * long run against the same reference server at concurrency 8, the model's verdicts per second, the
 * default run's wall time, peak RSS by size, CLI start-up to first request, and browser-checked cases
 * per second.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY } from '../runners/cli/serve.js';
import { browserCasesPerSecond } from './browser.js';
import { shapes, verdictsPerSecond } from './model.js';
import { outputOnly, specialised } from './model-floor.js';

const cli = fileURLToPath(new URL('../runners/cli/main.js', import.meta.url));
const child = fileURLToPath(new URL('./suite-child.js', import.meta.url));
const transportChild = fileURLToPath(new URL('./transport-child.js', import.meta.url));
const serverChild = fileURLToPath(new URL('./server-child.js', import.meta.url));
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

interface BenchServer {
  readonly url: string;
  readonly proc: ChildProcess;
  /** The server process's CPU time so far (user + system), in microseconds. */
  cpuUs(): Promise<number>;
}

/** The reference server in a process of its own, so client and server do not share an event loop. */
async function startServer(): Promise<BenchServer> {
  const proc = spawn(process.execPath, [serverChild], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = (): Promise<string> => new Promise((resolve) => waiting.push(resolve));
  const match = /listening on (\S+)/.exec(await next());
  if (match === null) throw new Error('the bench server did not start');
  return {
    url: `${match[1]}/items`, proc,
    async cpuUs() {
      const answer = next();
      proc.stdin!.write('cpu\n');
      return (JSON.parse(await answer) as { cpuUs: number }).cpuUs;
    },
  };
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
  // How far a general machine could go on the preflighted credentialed shape (bench/model-floor.ts).
  const modelFloorVerdictsPerSec = {
    specialised: verdictsPerSecond(shapes.preflightedCredentialed, quick ? 300 : 1500, specialised),
    outputOnly: verdictsPerSecond(shapes.preflightedCredentialed, quick ? 300 : 1500, outputOnly),
  };
  log(`the same verdict, specialised code: ${modelFloorVerdictsPerSec.specialised}/s; building it alone: ${modelFloorVerdictsPerSec.outputOnly}/s`);
  const server = await startServer();
  try {
    // autocannon runs right before and right after the suite's long run and the two are averaged, so
    // the ratio compares the same conditions when other work on the machine comes and goes.
    // Each side's CPU per request is measured too: on a machine where the load generator and the server
    // share the cores, the ratio is decided by what a request costs both of them (see the README).
    const rawRate = async (): Promise<{ rps: number; clientUs: number; serverUs: number }> => {
      const client = process.cpuUsage();
      const server0 = await server.cpuUs();
      const result = await autocannon({ url: server.url, connections: 8, duration: quick ? 2 : 5, headers: { origin: 'https://app.example' } });
      const serverUs = (await server.cpuUs()) - server0;
      const used = process.cpuUsage(client);
      return { rps: result.requests.average, clientUs: (used.user + used.system) / result.requests.total, serverUs: serverUs / result.requests.total };
    };
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
    let rawBefore = { rps: 0, clientUs: 0, serverUs: 0 };
    let rawAfter = rawBefore;
    let suiteServerUs = 0;
    for (const [label, n] of Object.entries(sizes)) {
      const isLong = label === (quick ? '10k' : '100k');
      if (isLong) {
        rawBefore = await rawRate();
        log(`raw: ${Math.round(rawBefore.rps)} requests/s (autocannon, 8 connections)`);
      }
      const server0 = await server.cpuUs();
      const run = await suiteRun(server.url, n);
      if (isLong) suiteServerUs = ((await server.cpuUs()) - server0) / run.requests;
      peakRssMb[label] = run.peakRssMb;
      log(`peak RSS at ${label} (${run.requests} requests): ${run.peakRssMb} MB`);
      if (isLong) {
        long = run;
        rawAfter = await rawRate();
        log(`raw again: ${Math.round(rawAfter.rps)} requests/s`);
      }
    }
    if (long === undefined) throw new Error('no long run among the sizes');
    const suiteRps = Math.round(long.requests / (long.durationMs / 1000));
    log(`suite: ${suiteRps} requests/s over ${long.requests} requests, ${long.cpuUsPerRequest} µs CPU per request`);
    const rawRps = Math.round((rawBefore.rps + rawAfter.rps) / 2);
    const rawClientUs = Math.round((rawBefore.clientUs + rawAfter.clientUs) / 2);
    const rawServerUs = Math.round((rawBefore.serverUs + rawAfter.serverUs) / 2);
    log(`CPU per request: autocannon ${rawClientUs} µs + server ${rawServerUs} µs; suite ${long.cpuUsPerRequest} µs + server ${Math.round(suiteServerUs)} µs`);
    const startups: number[] = [];
    for (let i = 0; i < 3; i++) startups.push(await startupMs());
    const startup = median(startups);
    log(`CLI start-up to first request: ${startup} ms`);
    const browser = await browserCasesPerSecond(quick ? 100 : 500);
    log(`browser-checked cases: ${browser === null ? 'Chromium not installed' : `${browser}/s (Chromium)`}`);
    const result = {
      rawRps, suiteRps, ratio: Math.round((suiteRps / rawRps) * 100) / 100, modelVerdictsPerSec, modelFloorVerdictsPerSec, defaultRunMs,
      defaultRunRequests: runs[0]!.requests, peakRssMb, startupMs: startup, browserCasesPerSec: browser,
      transportRps: transport.rps, transportCpuUsPerRequest: transport.cpuUsPerRequest, suiteCpuUsPerRequest: long.cpuUsPerRequest,
      suiteRequests: long.requests, rawClientCpuUsPerRequest: rawClientUs, rawServerCpuUsPerRequest: rawServerUs,
      suiteServerCpuUsPerRequest: Math.round(suiteServerUs),
    };
    process.stdout.write(json ? JSON.stringify(result) + '\n' : JSON.stringify(result, null, 2) + '\n');
  } finally {
    server.proc.stdin!.end();
    server.proc.kill();
  }
}

await main();
