/**
 * The Firefox driver: Debian's firefox-esr, headless, through puppeteer-core over WebDriver BiDi (no
 * geckodriver, and puppeteer-core never downloads a browser). A few browser contexts run cases side by
 * side, each replaced after a number of cases. Concurrency stays low (3): Gecko's preflight cache is one
 * small bounded cache for the whole browser (PREFLIGHT_CACHE_SIZE in nsCORSListenerProxy.cpp, as read,
 * not measured here), and a case waiting 1.1 s to reuse its entry must not see it evicted by the cases
 * running beside it.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { BrowserMissingError } from './chromium.js';
import type { BrowserDriver, BrowserStep, ContextWarmUp, PageResult } from './driver.js';
import { pageFetch, sleep } from './page-fetch.js';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL = 'apt-get install firefox-esr';

export interface FirefoxOptions {
  readonly executablePath?: string;
  readonly concurrency?: number;
  readonly casesPerContext?: number;
  /** Per fetch() call, in milliseconds. */
  readonly fetchTimeoutMs?: number;
  /** Run in every new browser context before its first case (Harness.warmUp): see there why Firefox needs it. */
  readonly warmUp?: ContextWarmUp;
}

interface Slot {
  readonly context: BrowserContext;
  readonly page: Page;
  url: string | null;
  cases: number;
}

export class FirefoxDriver implements BrowserDriver {
  readonly name = 'firefox';
  version = '';
  private browser: Browser | null = null;
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot | null) => void)[] = [];
  private open = 0;
  private readonly executablePath: string;
  private readonly concurrency: number;
  private readonly casesPerContext: number;
  private readonly fetchTimeoutMs: number;
  private readonly warmUp: ContextWarmUp | undefined;

  constructor(options: FirefoxOptions = {}) {
    this.executablePath = options.executablePath ?? FIREFOX_PATH;
    this.concurrency = options.concurrency ?? 3;
    this.casesPerContext = options.casesPerContext ?? 150;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
    this.warmUp = options.warmUp;
  }

  async start(): Promise<void> {
    if (!existsSync(this.executablePath)) throw new BrowserMissingError(this.executablePath, 'Firefox', FIREFOX_INSTALL);
    const puppeteer = (await import('puppeteer-core')).default;
    this.browser = await puppeteer.launch({ browser: 'firefox', executablePath: this.executablePath, headless: true });
    this.version = (await this.browser.version()).replace(/^firefox\//i, '');
  }

  private async acquire(): Promise<Slot> {
    const idle = this.idle.pop();
    if (idle !== undefined) return idle;
    if (this.open < this.concurrency) {
      this.open += 1;
      try {
        if (this.browser === null) throw new Error('the Firefox driver is not started');
        const context = await this.browser.createBrowserContext();
        const slot: Slot = { context, page: await context.newPage(), url: null, cases: 0 };
        await this.warmUp?.((steps) => this.runSteps(slot, steps));
        return slot;
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

  private async runSteps(slot: Slot, steps: readonly BrowserStep[]): Promise<PageResult[]> {
    const results: PageResult[] = [];
    for (const step of steps) {
      if (step.waitMs > 0) await sleep(step.waitMs);
      if (slot.url !== step.pageUrl) {
        await slot.page.goto(step.pageUrl, { waitUntil: 'load' });
        slot.url = step.pageUrl;
      }
      step.before?.();
      results.push(await slot.page.evaluate(pageFetch, { ...step.fetch, timeoutMs: this.fetchTimeoutMs, cache: 'default' as RequestCache }));
    }
    return results;
  }

  async runCase(steps: readonly BrowserStep[]): Promise<PageResult[]> {
    const slot = await this.acquire();
    let broken = true;
    try {
      const results = await this.runSteps(slot, steps);
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
