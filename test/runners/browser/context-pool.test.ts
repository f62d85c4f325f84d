// A browser that stops answering must end the case with an error naming what it was doing, not stall
// the run (STYLE: timeouts always). Stand-in pages and contexts, no browser.
import t from 'tap';
import { ContextPool, answerWithin, runStepsInPage, type StepPage, type Tab } from '../../../runners/browser/context-pool.js';
import { BrowserStalledError } from '../../../runners/errors.js';
import type { BrowserStep, PageResult } from '../../../runners/browser/driver.js';

const never = new Promise<never>(() => undefined);
const ok: PageResult = { kind: 'response', status: 200, type: 'cors', headerNames: [] };

function step(url: string): BrowserStep {
  return {
    pageUrl: 'http://127.0.0.1:1/page', waitMs: 0,
    fetch: { url, method: 'PUT', mode: 'cors', credentials: 'omit', redirect: 'follow', headers: [], body: false },
  };
}

function page(answers: { goto?: () => Promise<unknown>; evaluate?: () => Promise<PageResult> }): StepPage {
  return {
    goto: answers.goto ?? (async () => undefined),
    evaluate: (answers.evaluate ?? (async () => ok)) as StepPage['evaluate'],
  };
}

const options = { timeoutMs: 10, cache: 'default' as const };

t.test('answerWithin passes a value or a rejection through, and rejects once the time is up', async (t) => {
  t.equal(await answerWithin(Promise.resolve(7), 50, 'x'), 7);
  await t.rejects(answerWithin(Promise.reject(new Error('boom')), 50, 'x'), /boom/);
  const stalled = await answerWithin(never, 20, 'closing a browser context').catch((error: unknown) => error);
  t.ok(stalled instanceof BrowserStalledError);
  t.match(String(stalled), /did not answer in 0\.02 s: closing a browser context/);
});

t.test('a fetch the page never answers fails the case naming the request and the step', async (t) => {
  let calls = 0;
  const tab: Tab<null, StepPage> = {
    context: null, url: null,
    page: page({ evaluate: () => (++calls === 1 ? Promise.resolve(ok) : never) }),
  };
  await t.rejects(runStepsInPage(tab, [step('http://127.0.0.1:2/a'), step('http://127.0.0.1:2/b')], options, 20),
    { name: 'BrowserStalledError', message: /did not answer in 0\.03 s: fetch PUT http:\/\/127\.0\.0\.1:2\/b \(step 2\)/ });
  t.equal(calls, 2);
});

t.test('a page that never loads fails the case, and the tab does not count as on that page', async (t) => {
  const tab: Tab<null, StepPage> = { context: null, url: null, page: page({ goto: () => never }) };
  await t.rejects(runStepsInPage(tab, [step('http://127.0.0.1:2/a')], options, 20), /loading http:\/\/127\.0\.0\.1:1\/page \(step 1\)/);
  t.equal(tab.url, null);
});

t.test('a context that never closes is given up on: the case still ends and the next one gets a fresh context', async (t) => {
  let opened = 0;
  const pool = new ContextPool<number, StepPage>({
    size: 1, casesPerContext: 1, answerWithinMs: 20,
    open: async () => ({ context: ++opened, page: page({}), url: null }),
    close: () => never,
  });
  t.equal(await pool.use(async (tab) => tab.context), 1);
  await t.rejects(pool.use(async () => { throw new Error('the case broke'); }), /the case broke/);
  t.equal(await pool.use(async (tab) => tab.context), 3);
  await pool.closeAll();
});
