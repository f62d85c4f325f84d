/** The step trace: every decision appends one line citing its Fetch step. STYLE.md §11. */
import type { BeyondSpecRef, StepRef } from '../../spec/anchors.js';
import type { TraceResult, TraceStep } from './types.js';

export type StepId = StepRef | BeyondSpecRef;

/** A network error is a value naming the step that produced it. */
export interface NetworkError {
  readonly type: 'network-error';
  readonly step: StepId;
  readonly detail: string;
}

export class Trace {
  readonly steps: TraceStep[] = [];

  add(step: StepId, result: TraceResult, detail: string): void {
    this.steps.push({ step, result, detail });
  }

  pass(step: StepId, detail: string): void {
    this.add(step, 'pass', detail);
  }

  info(step: StepId, detail: string): void {
    this.add(step, 'info', detail);
  }

  /** Records a failing step and returns the network error it produces. */
  fail(step: StepId, detail: string): NetworkError {
    this.add(step, 'fail', detail);
    return { type: 'network-error', step, detail };
  }
}
