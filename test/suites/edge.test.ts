// Runs every edge case through the reference machine under each profile and compares the verdict
// with the case's expectation for that profile (suites/edge/match.ts).
import t from 'tap';
import { CaseError, runCase } from '../../reference/browser/index.js';
import type { ProfileName, Verdict } from '../../reference/browser/types.js';
import { edgeCases, type EdgeCase } from '../../suites/edge/index.js';
import { type CaseErrorLike, expectationFor, matchExpectation } from '../../suites/edge/match.js';

const profiles: readonly ProfileName[] = ['spec', 'chromium', 'firefox', 'webkit'];

/** The verdict, or the input error the machine raised; any other exception fails the subtest. */
function outcomeOf(edge: EdgeCase, profile: ProfileName): Verdict | CaseErrorLike {
  try {
    return runCase({ ...edge.case, profile });
  } catch (error) {
    if (error instanceof CaseError) return error;
    throw error;
  }
}

for (const edge of edgeCases) {
  for (const profile of profiles) {
    t.test(`${edge.id} [${profile}]`, async (t) => {
      t.same(matchExpectation(outcomeOf(edge, profile), expectationFor(edge, profile)), [], edge.title);
    });
  }
}
