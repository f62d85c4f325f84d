/** Errors users can cause, each rendered as one line with the exit code of DESIGN.md §7. */

/** Bad flags, bad arguments, unreadable input files: exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** The target could not be reached or answered in a way nothing could be judged from: exit 3. */
export class TargetError extends Error {
  override readonly name: string = 'TargetError';
  readonly exitCode = 3;
}

/** A real browser stopped answering (a call to it did not settle in time): exit 3. */
export class BrowserStalledError extends TargetError {
  override readonly name = 'BrowserStalledError';

  constructor(what: string, ms: number) {
    super(`the browser did not answer in ${ms / 1000} s: ${what}`);
  }
}
