/**
 * Starting a Debian-packaged server for one run: a temp directory for its config, a child process in its
 * own process group listening on 127.0.0.1, a wait until it answers HTTP, and a stop that ends exactly that
 * group and removes the directory. Children still alive when Node exits are killed too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StartedTarget } from '../types.js';

/** The path every Debian target serves its resource at. */
export const TARGET_PATH = '/items';

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The child leads its own process group (detached), so this reaches its workers and nothing else.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
}

export async function makeTempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `cors-conformance-${name}-`));
}

/**
 * Ports on 127.0.0.1 that were free a moment ago, all different (for servers that cannot report the port
 * they bound). All are held open together, so the OS cannot hand out one twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

export interface ServerSpec {
  /** For messages, e.g. `nginx`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** A fixed port, or `stdout` when the server prints `listening <port>` once it has bound one. */
  readonly port: number | 'stdout';
  /** Removed when the server stops. */
  readonly tempDir: string;
  readonly timeoutMs?: number;
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Waits for `listening <port>` on stdout, or for the child to exit first. */
function reportedPort(child: ChildProcess, output: { stdout: string; stderr: string }, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /^listening (\d+)$/m.exec(output.stdout);
      if (match !== null) {
        child.stdout?.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before listening:\n${tail(output.stderr + output.stdout)}`)));
  });
}

/** Polls the URL until the server answers anything at all. */
async function waitUntilAnswering(url: string, child: ChildProcess, output: { stderr: string }, name: string, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.signalCode ?? child.exitCode}) before answering:\n${tail(output.stderr)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${url} within the start timeout:\n${tail(output.stderr)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess, tempDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  // Workers of the group (nginx, Apache) may outlive a master that exited on its own.
  killGroup(child, 'SIGKILL');
  live.delete(child);
  await rm(tempDir, { recursive: true, force: true });
}

/** Spawns the server and resolves once `GET http://127.0.0.1:<port>/items` gets any HTTP answer. */
export async function startServer(spec: ServerSpec): Promise<StartedTarget> {
  installExitHook();
  const deadline = Date.now() + (spec.timeoutMs ?? 30_000);
  const child = spawn(spec.command, [...spec.args], {
    cwd: spec.cwd, env: { ...process.env, ...spec.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { output.stdout = (output.stdout + chunk).slice(-20_000); });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { output.stderr = (output.stderr + chunk).slice(-20_000); });
  const spawnError = quiet(new Promise<never>((_, reject) => child.once('error', (error) => reject(new Error(`${spec.name} could not be started: ${error.message}`)))));
  try {
    const port = spec.port === 'stdout'
      ? await Promise.race([quiet(reportedPort(child, output, spec.name)), spawnError, quiet(timeout(deadline, spec.name, output))])
      : spec.port;
    const url = `http://127.0.0.1:${port}${TARGET_PATH}`;
    await Promise.race([waitUntilAnswering(url, child, output, spec.name, deadline), spawnError]);
    return { url, stop: () => stopChild(child, spec.tempDir) };
  } catch (error) {
    await stopChild(child, spec.tempDir);
    throw error;
  }
}

/** The same promise, marked handled: a race's losers may reject later, and that must not crash the run. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function timeout(deadline: number, name: string, output: { stderr: string }): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not report its port in time:\n${tail(output.stderr)}`)), Math.max(0, deadline - Date.now()));
    timer.unref();
  });
}
