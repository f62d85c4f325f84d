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
import { ANSWER_WITHIN_MS, ContextPool, answerWithin, runStepsInPage, type PooledDriverOptions, type StepPage, type Tab } from './context-pool.js';
import type { BrowserDriver, BrowserStep, ContextWarmUp, PageResult } from './driver.js';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL = 'apt-get install firefox-esr';

export interface FirefoxOptions extends PooledDriverOptions {
  /** Run in every new browser context before its first case (Harness.warmUp): see there why Firefox needs it. */
  readonly warmUp?: ContextWarmUp;
}

export class FirefoxDriver implements BrowserDriver {
  readonly name = 'firefox';
  version = '';
  private browser: Browser | null = null;
  private readonly pool: ContextPool<BrowserContext, Page>;
  private readonly executablePath: string;
  private readonly fetchTimeoutMs: number;

  constructor(options: FirefoxOptions = {}) {
    this.executablePath = options.executablePath ?? FIREFOX_PATH;
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
    const warmUp = options.warmUp;
    this.pool = new ContextPool({
      size: options.concurrency ?? 3,
      casesPerContext: options.casesPerContext ?? 150,
      open: async () => {
        if (this.browser === null) throw new Error('the Firefox driver is not started');
        const context = await answerWithin(this.browser.createBrowserContext(), ANSWER_WITHIN_MS, 'opening a browser context');
        const page = await answerWithin(context.newPage(), ANSWER_WITHIN_MS, 'opening a page');
        const tab: Tab<BrowserContext, Page> = { context, page, url: null };
        await warmUp?.((steps) => this.runSteps(tab, steps));
        return tab;
      },
      close: (tab) => tab.context.close(),
    });
  }

  async start(): Promise<void> {
    if (!existsSync(this.executablePath)) throw new BrowserMissingError(this.executablePath, 'Firefox', FIREFOX_INSTALL);
    const puppeteer = (await import('puppeteer-core')).default;
    this.browser = await puppeteer.launch({ browser: 'firefox', executablePath: this.executablePath, headless: true });
    this.version = (await this.browser.version()).replace(/^firefox\//i, '');
  }

  private runSteps(tab: Tab<BrowserContext, StepPage>, steps: readonly BrowserStep[]): Promise<PageResult[]> {
    return runStepsInPage(tab, steps, { timeoutMs: this.fetchTimeoutMs, cache: 'default' });
  }

  runCase(steps: readonly BrowserStep[]): Promise<PageResult[]> {
    return this.pool.use((tab) => this.runSteps(tab, steps));
  }

  async stop(): Promise<void> {
    await this.pool.closeAll();
    await this.browser?.close();
    this.browser = null;
  }
}
