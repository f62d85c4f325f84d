// Browser-checked cases per second: generated cases run in Chromium and compared with the model, as the
// differential test does (null when Chromium is not installed).
import { runDifferential } from '../runners/browser/differential.js';
import { createDriver, engineConcurrency, engineMissing } from '../runners/browser/engines.js';
import { Harness } from '../runners/browser/harness.js';

export async function browserCasesPerSecond(runs: number): Promise<number | null> {
  if (engineMissing('chromium') !== null) return null;
  const harness = await Harness.start();
  const driver = createDriver('chromium', { concurrency: engineConcurrency.chromium });
  try {
    await driver.start();
    const report = await runDifferential(driver, harness, { runs, seed: 20261103, concurrency: engineConcurrency.chromium, profile: 'chromium' });
    return Math.round((report.runs / (report.durationMs / 1000)) * 10) / 10;
  } finally {
    await driver.stop();
    await harness.close();
  }
}
