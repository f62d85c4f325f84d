/**
 * The engines the browser runner drives, by name: where each is installed, how to install it, and its
 * driver. Each engine is compared with the model's profile of the same name.
 */
import { existsSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { BrowserMissingError, CHROMIUM_PATH, ChromiumDriver } from './chromium.js';
import type { BrowserDriver, ContextWarmUp } from './driver.js';
import { FIREFOX_INSTALL, FIREFOX_PATH, FirefoxDriver } from './firefox.js';
import { WEBKIT_INSTALL, WebKitDriver, webkitMissing } from './webkit.js';

export const engineNames = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof engineNames)[number];

export const engineTitles: Readonly<Record<EngineName, string>> = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** The command that installs an engine (Debian packages; no browser is ever downloaded). */
export const engineInstall: Readonly<Record<EngineName, string>> = {
  chromium: 'apt-get install chromium', firefox: FIREFOX_INSTALL, webkit: WEBKIT_INSTALL,
};

/** `chromium`, `firefox`, `webkit`, or `all`. */
export function parseEngines(value: string): EngineName[] {
  if (value === 'all') return [...engineNames];
  if ((engineNames as readonly string[]).includes(value)) return [value as EngineName];
  throw new UsageError(`--engine must be chromium, firefox, webkit or all, not "${value}"`);
}

/** The path of what is missing for an engine, or null when it can run. CORS_CONFORMANCE_CHROMIUM overrides Chromium's path. */
export function engineMissing(engine: EngineName): string | null {
  switch (engine) {
    case 'chromium': {
      const path = process.env['CORS_CONFORMANCE_CHROMIUM'] ?? CHROMIUM_PATH;
      return existsSync(path) ? null : path;
    }
    case 'firefox': return existsSync(FIREFOX_PATH) ? null : FIREFOX_PATH;
    case 'webkit': return webkitMissing();
  }
}

export function missingError(engine: EngineName, path: string): BrowserMissingError {
  return new BrowserMissingError(path, engineTitles[engine], engineInstall[engine]);
}

/** A driver for an engine (not started). */
export function createDriver(engine: EngineName, options: { readonly concurrency?: number; readonly warmUp?: ContextWarmUp } = {}): BrowserDriver {
  const { warmUp, ...common } = options;
  switch (engine) {
    case 'chromium': return new ChromiumDriver({ executablePath: process.env['CORS_CONFORMANCE_CHROMIUM'] ?? CHROMIUM_PATH, ...common });
    // Only Firefox needs a new context warmed up (Harness.warmUp says why).
    case 'firefox': return new FirefoxDriver({ ...common, ...(warmUp && { warmUp }) });
    case 'webkit': return new WebKitDriver(common);
  }
}

/** Cases each engine's driver runs at once by default (see each driver for why). */
export const engineConcurrency: Readonly<Record<EngineName, number>> = { chromium: 8, firefox: 3, webkit: 2 };
