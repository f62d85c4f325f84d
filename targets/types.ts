/**
 * A real implementation in one configuration, started for REPORT.md (and, for the npm packages, in
 * `npm test`). Each definition says what its configuration means (the policy the suite judges it by).
 */
import type { PolicyConfig } from '../reference/server/index.js';

export interface StartedTarget {
  /** The URL the suite is fired at, e.g. http://127.0.0.1:41234/items. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface TargetDefinition {
  /** Stable slug: `<implementation>/<configuration>`, e.g. `express-cors/strict-list`. */
  readonly id: string;
  /** The implementation as people know it, e.g. `cors (express)`, `flask-cors`, `nginx add_header`. */
  readonly implementation: string;
  /** The configuration in a few words, e.g. `strict list with credentials`. */
  readonly configuration: string;
  /** What the configuration is meant to allow: the suite's policy for this row. */
  readonly policy: PolicyConfig;
  /** Where it comes from: `npm` packages run in-process; `debian` ones need system packages. */
  readonly source: 'npm' | 'debian';
  /** Debian packages it needs (`npm run report -- --install` installs them with apt). */
  readonly aptPackages?: readonly string[];
  /** Why it is not run here, or null when it can run (packages present, binaries found). */
  unavailable(): Promise<string | null>;
  /** The implementation's version, as installed. */
  version(): Promise<string>;
  start(): Promise<StartedTarget>;
  /** Notes for the report: what the source or issue tracker says about a surprising result. */
  readonly notes?: readonly string[];
}
