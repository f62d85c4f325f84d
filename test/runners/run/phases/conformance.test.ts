// Pass 1 of the conformance property: a target that breaks mid-run stops the workers (the error is
// reported once, and no exchange starts after it), and a failure is found at the same run index
// whatever the concurrency.
import t from 'tap';
import { compilePolicy, createReferenceServer, referenceApp, type CompiledPolicy } from '../../../../reference/server/index.js';
import { runSuite, type RunOptions } from '../../../../runners/run/run.js';
import { start } from '../../../support/servers.js';

function policyOf(config: unknown): CompiledPolicy {
  const compiled = compilePolicy(config);
  if (!compiled.ok) throw new Error('invalid test policy');
  return compiled.policy;
}

const INTENDED = policyOf({ origins: ['https://app.example'], methods: ['GET', 'PUT', 'DELETE'], allowHeaders: ['x-api-key'], credentials: true });

const options = (target: string, overrides: Partial<RunOptions> = {}): RunOptions => ({
  targets: [target], policy: INTENDED, origins: [], suites: ['acao/', 'preflight/', 'acac/'], level: 'must', runs: 400, seed: 3,
  concurrency: 4, rate: 0, timeoutMs: 2000, deadlineMs: 20_000, profile: 'spec', credentialHeaders: {}, insecure: false, ...overrides,
});

t.test('a target that breaks during the property: one error, and the workers stop', async (t) => {
  let requests = 0;
  const app = referenceApp();
  const server = createReferenceServer({ policy: INTENDED, handler: app });
  server.prependListener('request', (req) => {
    requests += 1;
    if (requests > 60) req.socket.destroy();
  });
  const { base, close } = await start(server);
  t.teardown(close);
  const report = await runSuite(options(`${base}/items`));
  t.equal(report.errors.length, 1);
  t.match(report.errors[0]?.message, /^conformance checks stopped: .*the server closed or reset the connection/);
  // Each of the 4 workers has at most one exchange (preflight and actual) under way when the first breaks.
  t.ok(report.summary.requests <= 60 + 4 * 2, `${report.summary.requests} requests`);
});

t.test('the first failing run is the same at any concurrency (the server refuses PUT)', async (t) => {
  const server = createReferenceServer({ policy: policyOf({ origins: ['https://app.example'], methods: ['GET', 'DELETE'], allowHeaders: ['x-api-key'], credentials: true }) });
  const { base, close } = await start(server);
  t.teardown(close);
  const paths = new Set<string | undefined>();
  for (const concurrency of [1, 3, 8]) {
    const report = await runSuite(options(`${base}/items`, { concurrency }));
    const found = report.findings.filter((finding) => finding.reproduce.path !== undefined);
    t.equal(found.length, 1, `one shrunk counterexample at concurrency ${concurrency}`);
    paths.add(found[0]?.reproduce.path);
  }
  t.equal(paths.size, 1, `the same path each time: ${[...paths].join(', ')}`);
});
