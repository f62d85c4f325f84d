/**
 * What every npm target shares: the application routes behind the CORS middleware, the origins the
 * configurations trust, reading installed package versions, and starting an app in this process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PolicyConfig } from '../../reference/server/index.js';
import { serveInProcess, type InProcessApp } from '../../runners/inprocess/index.js';
import type { StartedTarget, TargetDefinition } from '../types.js';

/** The configuration under test as its author writes it; REPORT.md shows it under the row. */
export interface TargetConfig {
  readonly language: string;
  readonly text: string;
}

export interface NodeTargetDefinition extends TargetDefinition {
  readonly source: 'npm';
  readonly config: TargetConfig;
  /** The npm packages it runs (the middleware first, then its framework). */
  readonly packages: readonly string[];
}

/** The origins the configurations trust: a front end and one of its subdomains. */
export const APP = 'https://app.example';
export const ADMIN = 'https://admin.app.example';
/** The route every application serves (200, JSON, an `x-request-id`); other paths get the framework's 404. */
export const ROUTE = '/items';
/** The header the configurations that expose something expose. */
export const REQUEST_ID = 'x-request-id';

const require = createRequire(import.meta.url);

/** The installed package.json of `name`, found where Node would look (not through its `exports`). */
function packageJsonPath(name: string): string | null {
  for (const dir of require.resolve.paths(name) ?? []) {
    const path = join(dir, name, 'package.json');
    if (existsSync(path)) return path;
  }
  return null;
}

export async function installedVersion(name: string): Promise<string> {
  const path = packageJsonPath(name);
  if (path === null) throw new Error(`npm package ${name} is not installed`);
  return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
}

/** Why the target cannot run here (a package missing), or null. */
export async function missingPackages(names: readonly string[]): Promise<string | null> {
  const missing = names.filter((name) => packageJsonPath(name) === null);
  return missing.length === 0 ? null : `npm package${missing.length === 1 ? '' : 's'} ${missing.join(', ')} not installed (npm install)`;
}

/** An application to start: what to serve, and how to release it afterwards (Fastify's `close`). */
export interface BuiltApp {
  readonly app: InProcessApp;
  close?(): Promise<unknown>;
}

export interface NodeTargetSpec {
  readonly id: string;
  readonly implementation: string;
  readonly configuration: string;
  readonly policy: PolicyConfig;
  readonly packages: readonly string[];
  readonly config: string;
  readonly notes?: readonly string[];
  readonly build: () => Promise<BuiltApp>;
}

/** A target from its spec: version `<middleware> (<framework> <version>)`, started in this process. */
export function nodeTarget(spec: NodeTargetSpec): NodeTargetDefinition {
  const [middleware, ...frameworks] = spec.packages;
  return {
    id: spec.id, implementation: spec.implementation, configuration: spec.configuration, policy: spec.policy, source: 'npm',
    packages: spec.packages, config: { language: 'js', text: spec.config }, ...(spec.notes !== undefined && { notes: spec.notes }),
    unavailable: () => missingPackages(spec.packages),
    async version() {
      const own = await installedVersion(middleware!);
      const others = await Promise.all(frameworks.map(async (name) => `${name} ${await installedVersion(name)}`));
      return others.length === 0 ? own : `${own} (${others.join(', ')})`;
    },
    async start(): Promise<StartedTarget> {
      const built = await spec.build();
      const served = await serveInProcess(built.app);
      return {
        url: served.origin + ROUTE,
        async stop() {
          await served.stop();
          await built.close?.();
        },
      };
    },
  };
}

/** A request counter per application, for `x-request-id`. */
export function counter(): () => string {
  let n = 0;
  return () => String(++n);
}
