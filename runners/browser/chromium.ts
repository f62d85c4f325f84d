/**
 * The Chromium driver: Debian's /usr/bin/chromium, headless, through playwright-core (which never
 * downloads a browser). A few browser contexts run cases side by side; each is replaced after a number
 * of cases, so its preflight cache (1024 entries in Chromium, purged at random when full) never fills up.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TargetError } from '../errors.js';
import { ANSWER_WITHIN_MS, ContextPool, answerWithin, runStepsInPage, type PooledDriverOptions } from './context-pool.js';
import type { BrowserDriver, BrowserStep, PageResult } from './driver.js';

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

export interface ChromiumOptions extends PooledDriverOptions {
  /**
   * The fetch() cache mode; default `default`, as script's. Measured in Chromium 156: `no-store`,
   * `no-cache` and `reload` also bypass the preflight cache, so every such request is preflighted.
   */
  readonly cache?: RequestCache;
}

export class ChromiumDriver implements BrowserDriver {
  readonly name = 'chromium';
  version = '';
  private browser: Browser | null = null;
  private readonly pool: ContextPool<BrowserContext, Page>;
  private readonly executablePath: string;
  private readonly fetchTimeoutMs: number;
  private readonly cache: RequestCache;

  constructor(options: ChromiumOptions = {}) {
    this.executablePath = options.executablePath ?? CHROMIUM_PATH;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
    this.cache = options.cache ?? 'default';
    this.pool = new ContextPool({
      size: options.concurrency ?? 8,
      casesPerContext: options.casesPerContext ?? 150,
      open: async () => {
        if (this.browser === null) throw new Error('the Chromium driver is not started');
        const context = await answerWithin(this.browser.newContext(), ANSWER_WITHIN_MS, 'opening a browser context');
        return { context, page: await answerWithin(context.newPage(), ANSWER_WITHIN_MS, 'opening a page'), url: null };
      },
      close: (tab) => tab.context.close(),
    });
  }

  async start(): Promise<void> {
    if (!existsSync(this.executablePath)) throw new BrowserMissingError(this.executablePath);
    this.browser = await chromium.launch({ executablePath: this.executablePath, headless: true, args: [...CHROMIUM_ARGS] });
    this.version = this.browser.version();
  }

  runCase(steps: readonly BrowserStep[]): Promise<PageResult[]> {
    return this.pool.use((tab) => runStepsInPage(tab, steps, { timeoutMs: this.fetchTimeoutMs, cache: this.cache }));
  }

  async stop(): Promise<void> {
    await this.pool.closeAll();
    await this.browser?.close();
    this.browser = null;
  }
}
