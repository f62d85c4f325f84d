/** What every phase of a target's run shares. */
import type { Intent } from '../../suites/intent.js';
import type { ExchangeContext } from '../target/browser-exchange.js';
import type { Transport } from '../target/transport.js';
import type { Redactor } from './findings.js';
import type { CheckLedger } from './ledger.js';

export interface TargetContext {
  readonly target: string;
  /** Every URL of the run on this target's origin (for generated requests). */
  readonly urls: readonly string[];
  readonly intent: Intent;
  readonly exchange: ExchangeContext;
  readonly transport: Transport;
  readonly redactor: Redactor;
  readonly ledger: CheckLedger;
  readonly runs: number;
  /** Requests in flight at most (the transport enforces it too). */
  readonly concurrency: number;
  readonly seed: number;
  readonly path?: string;
  /** Aborted at the run's deadline or on SIGINT: no new exchanges start. */
  readonly signal: AbortSignal;
}
