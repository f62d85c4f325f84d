/**
 * The function every driver runs in the page: builds the request as script would (Headers.append per
 * entry), fetches, and reports what script can see. Drivers serialize it (Playwright and Puppeteer by
 * its source, WebDriver as script text), so it must stay self-contained.
 */
import type { PageFetch, PageResult } from './driver.js';

export interface PageFetchInput extends PageFetch {
  readonly timeoutMs: number;
  readonly cache: RequestCache;
}

export async function pageFetch(input: PageFetchInput): Promise<PageResult> {
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

/** The WebDriver form: an executeAsyncScript body taking the input as its first argument. */
export const PAGE_FETCH_ASYNC_SCRIPT = `const pageFetch = ${pageFetch.toString()};\n` +
  'const done = arguments[arguments.length - 1];\n' +
  'pageFetch(arguments[0]).then(done, (error) => done({ kind: "network-error", message: "driver: " + String(error) }));';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
