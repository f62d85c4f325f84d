/**
 * What the browser runner needs from a browser, so that Firefox and WebKit can be added beside
 * Chromium: open a page on an origin, run fetch() calls in it in order (one preflight cache), and say
 * what script saw.
 */

/** One fetch() call, exactly as the page makes it. */
export interface PageFetch {
  readonly url: string;
  readonly method: string;
  /** `navigate` too: the Request constructor refuses it, as the model does. */
  readonly mode: 'cors' | 'no-cors' | 'same-origin' | 'navigate';
  readonly credentials: 'omit' | 'same-origin' | 'include';
  readonly redirect: 'follow' | 'error' | 'manual';
  /** Appended one by one with Headers.append, so repeats stay separate entries. */
  readonly headers: readonly (readonly [string, string])[];
  /** A one-byte body with no type (so no Content-Type is added). */
  readonly body: boolean;
}

/** What script saw of one fetch() call. */
export type PageResult =
  | { readonly kind: 'response'; readonly status: number; readonly type: string; readonly headerNames: readonly string[] }
  | { readonly kind: 'network-error'; readonly message: string }
  /** Headers or the Request constructor threw: the request never started. */
  | { readonly kind: 'input-error'; readonly message: string }
  | { readonly kind: 'timeout' };

export interface BrowserStep {
  /** The page the fetch runs in; its origin is the request's origin (an opaque one for a sandboxed page). */
  readonly pageUrl: string;
  /** Real time to wait before this step, in milliseconds. */
  readonly waitMs: number;
  readonly fetch: PageFetch;
  /** Called right before the fetch starts (the harness switches to this step's answers). */
  readonly before?: () => void;
}

/** Runs steps in one browsing context, as runCase does. */
export type RunSteps = (steps: readonly BrowserStep[]) => Promise<PageResult[]>;

/**
 * Brings a fresh browsing context to a steady state before cases run in it (the harness's warmUp): a
 * driver whose engine needs it calls this once per new context.
 */
export type ContextWarmUp = (run: RunSteps) => Promise<void>;

export interface BrowserDriver {
  readonly name: string;
  /** The browser's own version string, once started. */
  readonly version: string;
  start(): Promise<void>;
  /**
   * Runs the steps of one case in order in one browsing context, so they share the preflight cache.
   * Separate calls may share a context too (callers keep their URLs apart) and may overlap; the driver
   * bounds how many run at once.
   */
  runCase(steps: readonly BrowserStep[]): Promise<PageResult[]>;
  stop(): Promise<void>;
}
