/**
 * The differential run: generated cases, each in a real browser and in the model, compared on the
 * observable projection only. Cases run side by side (fast-check's own loop is sequential); the first
 * difference is then replayed through fast-check from its seed and index and shrunk there, one case at
 * a time, so the report carries the smallest case that still differs.
 */
import fc from 'fast-check';
import { NotModelledError, type Case, type ProfileName } from '../../reference/browser/index.js';
import { differentialCase } from '../../suites/properties/differential-arbitraries.js';
import type { BrowserDriver } from './driver.js';
import type { Harness } from './harness.js';
import { runCaseInBrowser, type CaseRun } from './run-case.js';

export interface DifferentialOptions {
  readonly runs: number;
  readonly seed: number;
  /** Cases in flight at once; match the driver's own bound. */
  readonly concurrency: number;
  readonly profile?: ProfileName;
  readonly arbitrary?: fc.Arbitrary<Case>;
  /** Whether to shrink the first difference (slow: one browser run per shrink step). */
  readonly shrink?: boolean;
  readonly onProgress?: (done: number, runs: number) => void;
}

export interface Difference {
  /** The run index: `{ seed, path: String(index) }` replays it in fast-check. */
  readonly index: number;
  readonly case: Case;
  readonly run: CaseRun | null;
  /** Set when the run failed outright (a harness or input problem) instead of differing. */
  readonly error?: string;
}

export interface DifferentialReport {
  readonly runs: number;
  readonly seed: number;
  readonly durationMs: number;
  readonly notModelled: number;
  readonly differences: readonly Difference[];
  /** The first difference after shrinking (null when none, or shrinking was off). */
  readonly shrunk: Difference | null;
}

async function check(c: Case, index: number, driver: BrowserDriver, harness: Harness, profile: ProfileName): Promise<Difference | 'same' | 'not-modelled'> {
  try {
    const run = await runCaseInBrowser(c, driver, harness, profile);
    return run.same ? 'same' : { index, case: c, run };
  } catch (error) {
    if (error instanceof NotModelledError) return 'not-modelled';
    return { index, case: c, run: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Replays run `index` in fast-check and shrinks it; the smallest case that still differs. */
async function shrinkDifference(first: Difference, options: DifferentialOptions, arbitrary: fc.Arbitrary<Case>,
  driver: BrowserDriver, harness: Harness, profile: ProfileName): Promise<Difference> {
  const details = await fc.check(fc.asyncProperty(arbitrary, async (c) => (await check(c, first.index, driver, harness, profile)) !== 'same' ? false : true),
    { seed: options.seed, path: String(first.index), numRuns: options.runs });
  const counterexample = details.counterexample?.[0];
  if (counterexample === undefined) return first;
  const again = await check(counterexample, first.index, driver, harness, profile);
  return again === 'same' || again === 'not-modelled' ? first : again;
}

export async function runDifferential(driver: BrowserDriver, harness: Harness, options: DifferentialOptions): Promise<DifferentialReport> {
  const started = Date.now();
  const profile = options.profile ?? 'chromium';
  const arbitrary = options.arbitrary ?? differentialCase;
  // The same seed gives fc.sample's values in the order of fc.check's runs, so index i is path "i".
  const cases = fc.sample(arbitrary, { seed: options.seed, numRuns: options.runs });
  const differences: Difference[] = [];
  let notModelled = 0;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const result = await check(cases[index]!, index, driver, harness, profile);
      if (result === 'not-modelled') notModelled += 1;
      else if (result !== 'same') differences.push(result);
      options.onProgress?.(++done, cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  differences.sort((a, b) => a.index - b.index);
  const first = differences[0];
  const shrunk = first === undefined || options.shrink === false ? null : await shrinkDifference(first, options, arbitrary, driver, harness, profile);
  return { runs: cases.length, seed: options.seed, durationMs: Date.now() - started, notModelled, differences, shrunk };
}
