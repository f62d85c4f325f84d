/**
 * The Chromium driver: Debian's /usr/bin/chromium, headless, through playwright-core (which never
 * downloads a browser). A few browser contexts run cases side by side; each is replaced after a number
 * of cases, so its preflight cache (1024 entries in Chromium, purged at random when full) never fills up.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TargetError } from '../errors.js';
import type { BrowserDriver, BrowserStep, PageFetch, PageResult } from './driver.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
] as const;

/** Chromium is not installed where the driver looks: exit 3, with the one command that fixes it. */
export class BrowserMissingError extends TargetError {
  constructor(path: string) {
    super(`Chromium is not installed at ${path}; install it with: apt-get install chromium`);
  }
}

export interface ChromiumOptions {
  readonly executablePath?: string;
  /** Cases run at once (one browser context each). */
  readonly concurrency?: number;
  /** Cases a context runs before it is replaced by a fresh one. */
  readonly casesPerContext?: number;
  /** Per fetch() call, in milliseconds. */
  readonly fetchTimeoutMs?: number;
  /**
   * The fetch() cache mode; default `default`, as script's. Measured in Chromium 156: `no-store`,
   * `no-cache` and `reload` also bypass the preflight cache, so every such request is preflighted.
   */
  readonly cache?: RequestCache;
}

interface Slot {
  readonly context: BrowserContext;
  readonly page: Page;
  url: string | null;
  cases: number;
}

/**
 * Runs in the page: builds the request as script would (Headers.append per entry), fetches, and reports
 * what script can see. Serialized by Playwright, so self-contained.
 */
async function pageFetch(input: PageFetch & { readonly timeoutMs: number; readonly cache: RequestCache }): Promise<PageResult> {
  let request: Request;
  try {
    const headers = new Headers();
    for (const [name, value] of input.headers) headers.append(name, value);
    request = new Request(input.url, {
      method: input.method, mode: input.mode, credentials: input.credentials, redirect: input.redirect, headers,
      cache: input.cache, ...(input.body ? { body: new Uint8Array([120]) } : {}),
    });
  } catch (error) {
    return { kind: 'input-error', message: String(error) };
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), input.timeoutMs);
  try {
    const response = await fetch(request, { signal: abort.signal });
    const headerNames = [...new Set([...response.headers.keys()])].sort();
    try {
      await response.arrayBuffer();
    } catch {
      // The body is not observed; reading it only frees the connection.
    }
    return { kind: 'response', status: response.status, type: response.type, headerNames };
  } catch (error) {
    return abort.signal.aborted ? { kind: 'timeout' } : { kind: 'network-error', message: String(error) };
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class ChromiumDriver implements BrowserDriver {
  readonly name = 'chromium';
  version = '';
  private browser: Browser | null = null;
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot | null) => void)[] = [];
  private open = 0;
  private readonly executablePath: string;
  private readonly concurrency: number;
  private readonly casesPerContext: number;
  private readonly fetchTimeoutMs: number;
  private readonly cache: RequestCache;

  constructor(options: ChromiumOptions = {}) {
    this.executablePath = options.executablePath ?? CHROMIUM_PATH;
    this.concurrency = options.concurrency ?? 8;
    this.casesPerContext = options.casesPerContext ?? 150;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
    this.cache = options.cache ?? 'default';
  }

  async start(): Promise<void> {
    if (!existsSync(this.executablePath)) throw new BrowserMissingError(this.executablePath);
    this.browser = await chromium.launch({ executablePath: this.executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    this.version = this.browser.version();
  }

  private async acquire(): Promise<Slot> {
    const idle = this.idle.pop();
    if (idle !== undefined) return idle;
    if (this.open < this.concurrency) {
      this.open += 1;
      try {
        if (this.browser === null) throw new Error('the Chromium driver is not started');
        const context = await this.browser.newContext();
        return { context, page: await context.newPage(), url: null, cases: 0 };
      } catch (error) {
        this.open -= 1;
        throw error;
      }
    }
    const slot = await new Promise<Slot | null>((resolve) => this.waiting.push(resolve));
    return slot ?? this.acquire();
  }

  private async release(slot: Slot, broken: boolean): Promise<void> {
    slot.cases += 1;
    if (broken || slot.cases >= this.casesPerContext) {
      await slot.context.close().catch(() => undefined);
      this.open -= 1;
      this.waiting.shift()?.(null);
      return;
    }
    const next = this.waiting.shift();
    if (next !== undefined) next(slot);
    else this.idle.push(slot);
  }

  async runCase(steps: readonly BrowserStep[]): Promise<PageResult[]> {
    const slot = await this.acquire();
    let broken = true;
    try {
      const results: PageResult[] = [];
      for (const step of steps) {
        if (step.waitMs > 0) await sleep(step.waitMs);
        if (slot.url !== step.pageUrl) {
          await slot.page.goto(step.pageUrl, { waitUntil: 'load' });
          slot.url = step.pageUrl;
        }
        step.before?.();
        results.push(await slot.page.evaluate(pageFetch, { ...step.fetch, timeoutMs: this.fetchTimeoutMs, cache: this.cache }));
      }
      broken = false;
      return results;
    } finally {
      await this.release(slot, broken);
    }
  }

  async stop(): Promise<void> {
    for (const slot of this.idle.splice(0)) await slot.context.close().catch(() => undefined);
    await this.browser?.close();
    this.browser = null;
    this.open = 0;
  }
}
