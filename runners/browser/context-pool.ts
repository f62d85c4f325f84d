/**
 * Browser contexts shared by the cases a driver runs: at most `size` open at once, each in one page,
 * replaced by a fresh one after `casesPerContext` cases (so an engine's bounded preflight cache never
 * fills up) or as soon as a case breaks it. Cases wait in order for a free context.
 */
import { BrowserStalledError } from '../errors.js';
import type { BrowserStep, PageResult } from './driver.js';
import { pageFetch, sleep, type PageFetchInput } from './page-fetch.js';

/** One browser context with its page, and the URL the page is on. */
export interface Tab<Context, Page> {
  readonly context: Context;
  readonly page: Page;
  url: string | null;
}

interface Slot<Context, Page> {
  readonly tab: Tab<Context, Page>;
  cases: number;
}

export interface ContextPoolOptions<Context, Page> {
  readonly size: number;
  readonly casesPerContext: number;
  /**
   * Opens a context with its page (and brings it to a steady state, when the engine needs that),
   * bounding each browser call with `answerWithin`.
   */
  readonly open: () => Promise<Tab<Context, Page>>;
  readonly close: (tab: Tab<Context, Page>) => Promise<void>;
  /** How long the browser has to close a context before it is given up on (default 30 s). */
  readonly answerWithinMs?: number;
}

/** How long a browser has to answer one call (open a context, navigate, run a fetch on top of its own timeout). */
export const ANSWER_WITHIN_MS = 30_000;

/**
 * `promise`, or a BrowserStalledError once `ms` pass without it settling: a browser that hangs must end
 * the run with an error naming what it was doing, not stall it.
 */
export function answerWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserStalledError(what, ms)), ms);
  });
  return Promise.race([promise, stalled]).finally(() => clearTimeout(timer));
}

/** What a driver built on a ContextPool takes. */
export interface PooledDriverOptions {
  readonly executablePath?: string;
  /** Cases run at once (one browser context each). */
  readonly concurrency?: number;
  /** Cases a context runs before it is replaced by a fresh one. */
  readonly casesPerContext?: number;
  /** Per fetch() call, in milliseconds. */
  readonly fetchTimeoutMs?: number;
}

export class ContextPool<Context, Page> {
  private readonly idle: Slot<Context, Page>[] = [];
  private readonly waiting: ((slot: Slot<Context, Page> | null) => void)[] = [];
  private open = 0;

  private readonly answerWithinMs: number;

  constructor(private readonly options: ContextPoolOptions<Context, Page>) {
    this.answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
  }

  /** Runs `work` in a context of its own for as long as it takes; a throw retires the context. */
  async use<T>(work: (tab: Tab<Context, Page>) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    let broken = true;
    try {
      const result = await work(slot.tab);
      broken = false;
      return result;
    } finally {
      await this.release(slot, broken);
    }
  }

  /** Closes the idle contexts (call once no case is running). */
  async closeAll(): Promise<void> {
    for (const slot of this.idle.splice(0)) await this.closeTab(slot.tab);
    this.open = 0;
  }

  private async acquire(): Promise<Slot<Context, Page>> {
    const idle = this.idle.pop();
    if (idle !== undefined) return idle;
    if (this.open < this.options.size) {
      this.open += 1;
      try {
        return { tab: await this.options.open(), cases: 0 };
      } catch (error) {
        this.open -= 1;
        throw error;
      }
    }
    const slot = await new Promise<Slot<Context, Page> | null>((resolve) => this.waiting.push(resolve));
    return slot ?? this.acquire();
  }

  private async release(slot: Slot<Context, Page>, broken: boolean): Promise<void> {
    slot.cases += 1;
    if (broken || slot.cases >= this.options.casesPerContext) {
      await this.closeTab(slot.tab);
      this.open -= 1;
      this.waiting.shift()?.(null);
      return;
    }
    const next = this.waiting.shift();
    if (next !== undefined) next(slot);
    else this.idle.push(slot);
  }

  /** Closes a context, giving up on it (not waiting forever) when the browser does not answer. */
  private async closeTab(tab: Tab<Context, Page>): Promise<void> {
    await answerWithin(this.options.close(tab), this.answerWithinMs, 'closing a browser context').catch(() => undefined);
  }
}

/** What a driver's page can do for `runStepsInPage` (Playwright's and Puppeteer's pages both can). */
export interface StepPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(fetch: typeof pageFetch, input: PageFetchInput): Promise<PageResult>;
}

/**
 * The steps of one case in order in one tab: wait, go to the step's page when it changes, fetch. Each
 * call has `answerWithinMs` (on top of the fetch's own timeout) before it counts as stalled.
 */
export async function runStepsInPage<Context>(tab: Tab<Context, StepPage>, steps: readonly BrowserStep[],
  fetchOptions: Pick<PageFetchInput, 'timeoutMs' | 'cache'>, answerWithinMs = ANSWER_WITHIN_MS): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.waitMs > 0) await sleep(step.waitMs);
    if (tab.url !== step.pageUrl) {
      tab.url = null; // until the page has loaded
      await answerWithin(tab.page.goto(step.pageUrl, { waitUntil: 'load' }), answerWithinMs, `loading ${step.pageUrl} (step ${i + 1})`);
      tab.url = step.pageUrl;
    }
    step.before?.();
    const fetched = tab.page.evaluate(pageFetch, { ...step.fetch, ...fetchOptions });
    results.push(await answerWithin(fetched, fetchOptions.timeoutMs + answerWithinMs, `fetch ${step.fetch.method} ${step.fetch.url} (step ${i + 1})`));
  }
  return results;
}
