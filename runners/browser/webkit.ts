/**
 * The WebKit driver: Debian's WebKitGTK MiniBrowser through WebKitWebDriver (webkit2gtk-driver), both
 * under `xvfb-run -a` (MiniBrowser needs a display and has no headless mode), driven with
 * selenium-webdriver; each fetch runs with executeAsyncScript. One WebDriver session runs one case at a
 * time, so `concurrency` starts that many WebKitWebDriver processes, each with its own MiniBrowser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { WebDriver } from 'selenium-webdriver';
import { BrowserMissingError } from './chromium.js';
import type { BrowserDriver, BrowserStep, PageResult } from './driver.js';
import { PAGE_FETCH_ASYNC_SCRIPT, sleep } from './page-fetch.js';

export const WEBKIT_DRIVER_PATH = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_RUN_PATH = '/usr/bin/xvfb-run';
export const WEBKIT_INSTALL = 'apt-get install webkit2gtk-driver xvfb';

export interface WebKitOptions {
  readonly driverPath?: string;
  readonly minibrowserPath?: string;
  /** WebDriver sessions (each its own WebKitWebDriver and MiniBrowser) running cases at once. */
  readonly concurrency?: number;
  /** Per fetch() call, in milliseconds. */
  readonly fetchTimeoutMs?: number;
}

/** The path of the first missing program the WebKit driver needs, or null. */
export function webkitMissing(options: WebKitOptions = {}): string | null {
  const paths = [options.driverPath ?? WEBKIT_DRIVER_PATH, options.minibrowserPath ?? MINIBROWSER_PATH, XVFB_RUN_PATH];
  return paths.find((path) => !existsSync(path)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForDriver(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error('WebKitWebDriver did not start within 20 s');
}

interface Session {
  readonly child: ChildProcess;
  readonly driver: WebDriver;
  url: string | null;
}

export class WebKitDriver implements BrowserDriver {
  readonly name = 'webkit';
  version = '';
  private readonly sessions: Session[] = [];
  private readonly idle: Session[] = [];
  private readonly waiting: ((session: Session) => void)[] = [];
  private readonly driverPath: string;
  private readonly minibrowserPath: string;
  private readonly concurrency: number;
  private readonly fetchTimeoutMs: number;

  constructor(private readonly options: WebKitOptions = {}) {
    this.driverPath = options.driverPath ?? WEBKIT_DRIVER_PATH;
    this.minibrowserPath = options.minibrowserPath ?? MINIBROWSER_PATH;
    this.concurrency = options.concurrency ?? 2;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
  }

  private async startSession(): Promise<Session> {
    const port = await freePort();
    // Its own process group, so stop() ends xvfb-run, Xvfb, the driver and MiniBrowser together.
    const child = spawn(XVFB_RUN_PATH, ['-a', this.driverPath, `--port=${port}`], { detached: true, stdio: 'ignore' });
    try {
      await waitForDriver(port, child);
      const { Builder, Capabilities } = await import('selenium-webdriver');
      const capabilities = new Capabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: this.minibrowserPath, args: ['--automation'] },
      });
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
      await driver.manage().setTimeouts({ script: this.fetchTimeoutMs + 10_000, pageLoad: 30_000 });
      if (this.version === '') this.version = String((await driver.getCapabilities()).get('browserVersion') ?? '');
      return { child, driver, url: null };
    } catch (error) {
      killGroup(child);
      throw error;
    }
  }

  async start(): Promise<void> {
    const missing = webkitMissing(this.options);
    if (missing !== null) throw new BrowserMissingError(missing, 'WebKit', WEBKIT_INSTALL);
    const started = await Promise.allSettled(Array.from({ length: Math.max(1, this.concurrency) }, () => this.startSession()));
    for (const result of started) if (result.status === 'fulfilled') this.sessions.push(result.value);
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed !== undefined) {
      await this.stop();
      throw failed.reason;
    }
    this.idle.push(...this.sessions);
  }

  private async acquire(): Promise<Session> {
    const idle = this.idle.pop();
    if (idle !== undefined) return idle;
    return new Promise<Session>((resolve) => this.waiting.push(resolve));
  }

  private release(session: Session): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(session);
    else this.idle.push(session);
  }

  async runCase(steps: readonly BrowserStep[]): Promise<PageResult[]> {
    const session = await this.acquire();
    try {
      const results: PageResult[] = [];
      for (const step of steps) {
        if (step.waitMs > 0) await sleep(step.waitMs);
        if (session.url !== step.pageUrl) {
          session.url = null;
          await session.driver.get(step.pageUrl);
          session.url = step.pageUrl;
        }
        step.before?.();
        const input = { ...step.fetch, timeoutMs: this.fetchTimeoutMs, cache: 'default' };
        results.push(await session.driver.executeAsyncScript<PageResult>(PAGE_FETCH_ASYNC_SCRIPT, input));
      }
      return results;
    } finally {
      this.release(session);
    }
  }

  async stop(): Promise<void> {
    for (const session of this.sessions.splice(0)) {
      await session.driver.quit().catch(() => undefined);
      killGroup(session.child);
    }
    this.idle.length = 0;
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
