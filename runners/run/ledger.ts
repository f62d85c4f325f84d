/** Which checks ran against a target and what they found; becomes the target's check results. */
import { checkById, type Check, type CheckId } from '../../suites/checks/registry.js';
import type { CheckResult, Finding } from '../report-types.js';

/** Findings kept per check and target; the rest only counted (they repeat one cause). */
const KEEP = 5;

export class CheckLedger {
  private readonly exercised = new Set<string>();
  /** Groups of ids already exercised whole (ids are never unmarked). */
  private readonly exercisedGroups = new WeakSet<readonly CheckId[]>();
  private readonly found = new Map<string, Finding[]>();
  private readonly extra = new Map<string, number>();
  private readonly skipped = new Map<string, string>();
  private readonly started = performance.now();

  constructor(readonly target: string, private readonly selected: ReadonlySet<string>) {}

  wants(id: CheckId): boolean {
    return this.selected.has(id);
  }

  /** Whether any selected check id starts with the prefix. */
  wantsAny(prefix: string): boolean {
    for (const id of this.selected) if (id.startsWith(prefix)) return true;
    return false;
  }

  exercise(...ids: CheckId[]): void {
    for (const id of ids) this.exercised.add(id);
  }

  /** Like `exercise`, for a constant group that every exchange repeats: marked once, then skipped. */
  exerciseGroup(ids: readonly CheckId[]): void {
    if (this.exercisedGroups.has(ids)) return;
    for (const id of ids) this.exercised.add(id);
    this.exercisedGroups.add(ids);
  }

  skip(id: CheckId, reason: string): void {
    if (!this.exercised.has(id)) this.skipped.set(id, reason);
  }

  add(finding: Finding): void {
    if (!this.selected.has(finding.id)) return;
    this.exercised.add(finding.id);
    const list = this.found.get(finding.id) ?? [];
    if (list.length < KEEP) list.push(finding);
    else this.extra.set(finding.id, (this.extra.get(finding.id) ?? 0) + 1);
    this.found.set(finding.id, list);
  }

  has(id: CheckId): boolean {
    return (this.found.get(id)?.length ?? 0) > 0;
  }

  results(): CheckResult[] {
    const durationMs = Math.round(performance.now() - this.started);
    return [...this.selected].map((id) => {
      const check: Check = checkById(id as CheckId);
      const findings = this.found.get(id) ?? [];
      const base = { id, title: check.title, level: check.level, category: check.category, anchor: check.anchor, target: this.target, durationMs };
      if (findings.length > 0) return { ...base, status: 'failed', findings };
      if (this.exercised.has(id)) return { ...base, status: 'passed', findings: [] };
      return { ...base, status: 'skipped', findings: [], skipReason: this.skipped.get(id) ?? 'nothing in this run exercised it' };
    });
  }
}
