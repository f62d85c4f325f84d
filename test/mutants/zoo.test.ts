// The mutant zoo: each broken server in this folder is a small deviation from the reference, named
// after the real-world bug it imitates. The suite, run with the policy the mutant was derived from,
// must kill it: report a finding with the expected id, category and anchor. The harness with no
// deviation is the control and must stay clean.
import { readdirSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { compilePolicy, type CompiledPolicy, type PolicyConfig } from '../../reference/server/index.js';
import type { Report } from '../../runners/report-types.js';
import { runSuite } from '../../runners/run/run.js';
import { CREDENTIALED, deviate, TARGET_PATH, UNCREDENTIALED, type Mutant } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((name) => name.endsWith('.js') && !name.endsWith('.test.js') && name !== 'harness.js').sort();
const mutants: Mutant[] = [];
for (const file of files) mutants.push(((await import(`./${file}`)) as { mutant: Mutant }).mutant);

function compile(config: PolicyConfig): CompiledPolicy {
  const compiled = compilePolicy(config);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.policy;
}

async function suiteAgainst(listener: RequestListener, policy: CompiledPolicy): Promise<Report> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await runSuite({
      targets: [`http://127.0.0.1:${(server.address() as AddressInfo).port}${TARGET_PATH}`], policy, origins: [], suites: [],
      level: 'info', runs: 10, seed: 42, concurrency: 8, rate: 0, timeoutMs: 2000, deadlineMs: 20_000, profile: 'spec',
      credentialHeaders: { cookie: 'session=zoo' }, insecure: false,
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const describe = (report: Report): string[] => report.findings.map((f) => `${f.id} [${f.level}]`);

t.test('the control: the harness without a deviation has zero findings under every mutant policy', async (t) => {
  const policies = new Map<string, PolicyConfig>([CREDENTIALED, UNCREDENTIALED, ...mutants.map((m) => m.policy)].map((p) => [JSON.stringify(p), p]));
  for (const [key, config] of policies) {
    const policy = compile(config);
    const report = await suiteAgainst(deviate(policy), policy);
    t.same(describe(report), [], key);
    t.same(report.errors, []);
  }
});

t.test('every mutant is killed with the expected id, category and anchor', async (t) => {
  t.ok(mutants.length >= 25, `${mutants.length} mutants`);
  let killed = 0;
  for (const mutant of mutants) {
    const policy = compile(mutant.policy);
    const report = await suiteAgainst(mutant.listener(policy), policy);
    const { id, category, anchor } = mutant.kills;
    const hit = report.findings.find((f) => f.id.startsWith(id) && f.category === category && f.anchor === anchor);
    if (hit !== undefined) killed += 1;
    t.ok(hit, `${mutant.id} (${mutant.imitates}) → ${id}`, { found: describe(report), errors: report.errors });
  }
  t.comment(`kill rate: ${killed}/${mutants.length}`);
});
