/**
 * The Chromium driver: Debian's /usr/bin/chromium, headless, through playwright-core (which never
 * downloads a browser). A few browser contexts run cases side by side; each is replaced after a number
 * of cases, so its preflight cache (1024 entries in Chromium, purged at random when full) never fills up.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TargetError } from '../errors.js';
import type { BrowserDriver, BrowserStep, PageResult } from './driver.js';
import { pageFetch, sleep } from './page-fetch.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
] as const;

/** A browser is not installed where its driver looks: exit 3, with the one command that fixes it. */
export class BrowserMissingError extends TargetError {
  constructor(path: string, browser = 'Chromium', install = 'apt-get install chromium') {
    super(`${browser} is not installed at ${path}; install it with: ${install}`);
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
