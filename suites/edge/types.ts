/** Deterministic edge cases: typed data, one folder per anchor. STYLE.md §14. */
import type { BeyondSpecRef, StepRef } from '../../spec/anchors.js';
import type { Case, ProfileName } from '../../reference/browser/types.js';

export type Level = 'must' | 'should' | 'info';

/** What a browser can observe, as far as the case pins it down; absent fields are not checked. */
export interface ExpectedVerdict {
  readonly outcome: 'ok' | 'network-error';
  /** The failing step reference (exact), when outcome is network-error. */
  readonly failedAt?: StepRef | BeyondSpecRef;
  readonly preflightSent?: boolean;
  readonly fromCache?: boolean;
  /** Exactly the requests sent, in order: kind and, where given, method, url and header values (absent key = not checked; null = must be absent). */
  readonly requests?: readonly {
    readonly kind: 'preflight' | 'actual';
    readonly method?: string;
    readonly url?: string;
    readonly headers?: Readonly<Record<string, string | null>>;
  }[];
  readonly status?: number;
  readonly exposedHeaders?: readonly string[];
}

export type Expectation =
  | ({ readonly kind: 'verdict' } & ExpectedVerdict)
  /** The case itself is invalid input (e.g. a forbidden method): `explain` exits 2 naming the problem. */
  | { readonly kind: 'input-error'; readonly message: string };

export interface EdgeCase {
  /** Stable slug, e.g. `acao/trailing-slash`; never a position. */
  readonly id: string;
  readonly title: string;
  /** The item number in the digest's §4, when the case comes from there. */
  readonly digest?: number;
  readonly steps: readonly (StepRef | BeyondSpecRef)[];
  readonly level: Level;
  readonly case: Case;
  readonly expect: Expectation;
  /** Where an engine profile deviates from the spec, what that profile yields instead. */
  readonly profiles?: Partial<Record<Exclude<ProfileName, 'spec'>, Expectation>>;
}
