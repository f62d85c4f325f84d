/**
 * Runs the suite against one target definition: asks whether it can run, starts it, fires the suite at
 * its URL with the policy it means, stops it, and returns the result row (a failure to start is a row
 * saying why, never a crash of the whole report).
 */
import { compilePolicy } from '../../reference/server/index.js';
import { runSuite } from '../../runners/run/run.js';
import type { TargetDefinition } from '../types.js';
import { RESULT_SCHEMA, type ResultTarget, type TargetResult } from './results.js';

export interface SuiteSettings {
  readonly seed: number;
  readonly runs: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly signal?: AbortSignal;
}

/** The pinned settings of `npm run report`: the same seed every time, a modest number of generated requests. */
export const REPORT_SETTINGS: SuiteSettings = { seed: 20240601, runs: 20, concurrency: 4, timeoutMs: 5000, deadlineMs: 120_000 };

function describeTarget(definition: TargetDefinition, version: string | null): ResultTarget {
  const config = (definition as { config?: { language: string; text: string } }).config;
  return {
    id: definition.id, implementation: definition.implementation, configuration: definition.configuration, source: definition.source,
    version, policy: definition.policy, aptPackages: [...(definition.aptPackages ?? [])], notes: [...(definition.notes ?? [])],
    config: config === undefined ? null : { language: config.language, text: config.text },
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runTarget(definition: TargetDefinition, settings: SuiteSettings = REPORT_SETTINGS): Promise<TargetResult> {
  const started = Date.now();
  const run = (url: string | null) => ({
    date: new Date(started).toISOString(), seed: settings.seed, runs: settings.runs, profile: 'spec', url, durationMs: Date.now() - started,
  });
  const notRun = (reason: string, version: string | null = null, url: string | null = null): TargetResult =>
    ({ schema: RESULT_SCHEMA, target: describeTarget(definition, version), run: run(url), report: null, notRun: reason });

  const compiled = compilePolicy(definition.policy);
  if (!compiled.ok) return notRun(`its policy does not compile: ${compiled.issues.map((i) => `${i.path}: ${i.problem}`).join('; ')}`);
  const unavailable = await definition.unavailable();
  if (unavailable !== null) return notRun(unavailable);
  const version = await definition.version();
  let server;
  try {
    server = await definition.start();
  } catch (error) {
    return notRun(`it did not start: ${message(error)}`, version);
  }
  try {
    const report = await runSuite({
      targets: [server.url], policy: compiled.policy, origins: [], suites: [], level: 'should',
      runs: settings.runs, seed: settings.seed, concurrency: settings.concurrency, rate: 0,
      timeoutMs: settings.timeoutMs, deadlineMs: settings.deadlineMs, profile: 'spec', credentialHeaders: {}, insecure: false,
      ...(settings.signal !== undefined && { signal: settings.signal }),
    });
    return { schema: RESULT_SCHEMA, target: describeTarget(definition, version), run: run(server.url), report, notRun: null };
  } catch (error) {
    return notRun(`the suite could not run: ${message(error)}`, version, server.url);
  } finally {
    await server.stop();
  }
}
