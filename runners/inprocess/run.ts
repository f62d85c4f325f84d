/**
 * The suite against an application in this process: started on an ephemeral loopback port, judged by
 * the same runner as a URL (so the report is the one `cors-conformance http://127.0.0.1:PORT/…` gives),
 * stopped afterwards.
 */
import type { ProfileName } from '../../reference/browser/index.js';
import { toCompiledPolicy, type CompiledPolicy, type PolicyConfig } from '../../reference/server/index.js';
import { isSerializedOrigin } from '../../spec/origin.js';
import { UsageError } from '../errors.js';
import type { FindingLevel, Report } from '../report-types.js';
import { runSuite, type RunEvent, type RunOptions } from '../run/run.js';
import { serveInProcess, type AppKind, type InProcessApp } from './serve.js';

/** The URL runner's options, all optional, with the CLI's defaults; `target` names the path(s) to check. */
export interface InProcessOptions {
  /** What the application means to allow (DESIGN §5); without it, intent is inferred as on the CLI. */
  readonly policy?: PolicyConfig | CompiledPolicy | null;
  /** Trusted origins when no policy is given (`--origin`). */
  readonly origins?: readonly string[];
  /** The path (with query) to check, or several; default `/`. */
  readonly target?: string | readonly string[];
  /** Check id prefixes (`--suite`); default all. */
  readonly suites?: readonly string[];
  /** The level that fails (`--level`); default `must`. */
  readonly level?: FindingLevel;
  /** Generated cases per property (`--runs`); default 25. */
  readonly runs?: number;
  /** Default: random, and reported in `report.seed` and every finding's `reproduce`. */
  readonly seed?: number;
  /** A fast-check path to replay with `seed` (`--path`, e.g. `3:1`), not a URL path: see `target`. */
  readonly path?: string;
  readonly profile?: ProfileName;
  /** Sent on credentialed requests, redacted in the report. */
  readonly credentialHeaders?: Readonly<Record<string, string>>;
  /** Default 8. */
  readonly concurrency?: number;
  /** Requests per second; default 0 (unlimited). */
  readonly rate?: number;
  /** Per request; default 5000 ms. */
  readonly timeoutMs?: number;
  /** The whole run; default 60000 ms. */
  readonly deadlineMs?: number;
  /** How a plain function is called (see `AppKind`). */
  readonly kind?: AppKind;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: RunEvent) => void;
}

/** Starts `app` on 127.0.0.1, runs the suite on it, stops it, and returns the report. */
export async function runInProcess(app: InProcessApp, options: InProcessOptions = {}): Promise<Report> {
  const paths = targetPaths(options.target);
  const base = runOptions([], options);
  const served = await serveInProcess(app, options.kind);
  try {
    return await runSuite({ ...base, targets: paths.map((path) => served.origin + path) });
  } finally {
    await served.stop();
  }
}

/** `options` as the URL runner's, for `targets`; throws `UsageError` or `PolicyError` on bad input. */
export function runOptions(targets: readonly string[], options: InProcessOptions): RunOptions {
  for (const origin of options.origins ?? []) {
    if (!isSerializedOrigin(origin)) throw new UsageError(`origin "${origin}" is not a serialized origin: scheme://host[:port], lowercase, no path or trailing slash`);
  }
  if (options.path !== undefined && !/^[0-9]+(:[0-9]+)*$/.test(options.path)) {
    throw new UsageError(`path "${options.path}" is not a fast-check path such as 3:1:0 (name the URL path with target)`);
  }
  if (options.path !== undefined && options.seed === undefined) throw new UsageError('path replays a failure and needs the seed it was found with');
  return {
    targets, policy: options.policy === undefined || options.policy === null ? null : toCompiledPolicy(options.policy),
    origins: options.origins ?? [], suites: options.suites ?? [], level: options.level ?? 'must', runs: options.runs ?? 25,
    seed: options.seed ?? Math.floor(Math.random() * 2_147_483_647), ...(options.path !== undefined && { path: options.path }),
    concurrency: options.concurrency ?? 8, rate: options.rate ?? 0, timeoutMs: options.timeoutMs ?? 5000,
    deadlineMs: options.deadlineMs ?? 60_000, profile: options.profile ?? 'spec', credentialHeaders: options.credentialHeaders ?? {},
    insecure: false, ...(options.signal && { signal: options.signal }), ...(options.onEvent && { onEvent: options.onEvent }),
  };
}

function targetPaths(target: InProcessOptions['target']): readonly string[] {
  const paths = target === undefined ? ['/'] : typeof target === 'string' ? [target] : target;
  if (paths.length === 0) throw new UsageError('target: name at least one path');
  for (const path of paths) {
    if (!path.startsWith('/') || path.startsWith('//') || !URL.canParse(path, 'http://127.0.0.1')) {
      throw new UsageError(`target "${path}" is not a path such as /items`);
    }
  }
  return paths;
}
