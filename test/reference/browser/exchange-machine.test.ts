// The machine as a live runner drives it: it yields each request and is resumed with the response;
// the verdict is the one runCase gives for the same answers in the case.
import t from 'tap';
import fc from 'fast-check';
import { exchangeMachine, runCase, wireHeaderList, type CaseAnswer, type NetworkResponse, type ProfileName } from '../../../reference/browser/index.js';
import { caseArbitrary } from '../../../suites/properties/case-arbitraries.js';

t.test('wireHeaderList strips the spaces and tabs around values and keeps everything else', async (t) => {
  const lines = [['A', 'x'], ['B', ' y\t'], ['C', ''], ['D', 'in side']] as const;
  const list = wireHeaderList(lines);
  t.same(list, [['A', 'x'], ['B', 'y'], ['C', ''], ['D', 'in side']]);
  t.equal(list[0], lines[0], 'an unpadded line is passed through as is');
});

t.test('driving the machine by hand gives the verdict runCase gives', async (t) => {
  const profiles: ProfileName[] = ['spec', 'chromium', 'firefox', 'webkit'];
  fc.assert(fc.property(caseArbitrary, fc.constantFrom(...profiles), (c, profile) => {
    if (c.history !== undefined && c.history.length > 0) return;
    let expected;
    try {
      expected = runCase(c, profile);
    } catch {
      return; // a case the model refuses or cannot answer: nothing to compare
    }
    // Answer each yielded request from the case's answers, in order, as a wire would.
    const answers: CaseAnswer[] = [
      ...(c.preflight ? [{ ...c.preflight, for: 'preflight' as const }] : []),
      ...(c.response ? [{ ...c.response, for: 'actual' as const }] : []),
      ...(c.responses ?? []),
    ];
    const machine = exchangeMachine(c.request, profile);
    let step = machine.next();
    while (step.done !== true) {
      const { request, url } = step.value;
      const i = answers.findIndex((a) => a.for === request.kind && (a.url === undefined || new URL(a.url).href.split('#')[0] === request.url));
      const answer = answers.splice(i, 1)[0]!;
      const lines = Object.entries(answer.headers ?? {}).flatMap(([name, v]) => (typeof v === 'string' ? [v] : v).map((one) => [name, one] as const));
      const response: NetworkResponse = { url, status: answer.status, headers: wireHeaderList(lines) };
      step = machine.next(response);
    }
    t.same(step.value, expected);
  }), { numRuns: 500 });
});
