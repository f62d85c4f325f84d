// No false positives: the whole suite (every check, level info) against the reference server over
// loopback reports nothing, for hand-picked policies and for policies fast-check generates.
import { METHODS, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import fc from 'fast-check';
import { compilePolicy, createReferenceServer, referenceApp, type NodeHandler, type PolicyConfig } from '../../../reference/server/index.js';
import { runSuite } from '../../../runners/run/run.js';
import { POLICY_METHODS, policyArbitrary } from '../../../suites/properties/policy-arbitraries.js';

// The reference application at the target path, and 404 elsewhere, so that error responses exist
// (the robustness checks judge the middleware on them).
function routed(path: string): NodeHandler {
  const app = referenceApp();
  return (req, res) => {
    if ((req.url ?? '').split('?')[0] === path) return app(req, res);
    res.statusCode = 404;
    res.end('not found');
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const POLICIES: Readonly<Record<string, PolicyConfig>> = {
  'a trusted list': { origins: ['https://app.example'], methods: ['PUT', 'DELETE'], allowHeaders: ['content-type', 'x-api-key'], exposeHeaders: ['x-request-id'] },
  '* without credentials': { origins: '*', methods: ['PUT', 'PATCH'], allowHeaders: '*', exposeHeaders: '*', maxAge: 600 },
  '* and nothing else': { origins: '*' },
  'credentials with a list': {
    origins: ['https://app.example', 'http://localhost:3000'], methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    allowHeaders: ['content-type', 'authorization', 'x-api-key'], exposeHeaders: ['x-request-id', 'etag'], credentials: true, maxAge: 0,
  },
  'wildcard subdomains': { origins: ['https://*.app.example', 'https://app.example'], credentials: true, methods: ['DELETE'], allowHeaders: ['x-requested-with'], maxAge: 86_400 },
  'null listed, a path scope': { origins: ['https://app.example', 'null'], methods: ['PURGE'], paths: ['/items'] },
};

// Choice: Node's HTTP parser answers 400 to any method outside its fixed, uppercase list (a lowercase
// `patch`, `X-Custom`), before any handler runs, so the Node adapter cannot serve them; the suite
// rightly reports that. The differential property covers those methods without sockets.
const NODE_METHODS = POLICY_METHODS.filter((method) => METHODS.includes(method));
const GENERATED = fc.sample(policyArbitrary({ methods: NODE_METHODS }), { numRuns: 6, seed: 5 });

const cases: [string, PolicyConfig][] = [
  ...Object.entries(POLICIES),
  ...GENERATED.map((policy, i): [string, PolicyConfig] => [`generated #${i + 1}: ${JSON.stringify(policy)}`, policy]),
];

for (const [name, config] of cases) {
  t.test(`the reference server has zero findings: ${name}`, async (t) => {
    const compiled = compilePolicy(config);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    // The target lies inside the policy's path scope, where the policy is meant to apply.
    const path = config.paths?.[0]?.replace(/\/$/, '/x') ?? '/items';
    const server = createReferenceServer({ policy: compiled.policy, handler: routed(path) });
    const base = await listen(server);
    t.teardown(() => new Promise((resolve) => server.close(resolve)));
    const report = await runSuite({
      targets: [`${base}${path}`], policy: compiled.policy, origins: [], suites: [], level: 'info', runs: 10, seed: 42,
      concurrency: 8, rate: 0, timeoutMs: 2000, deadlineMs: 20_000, profile: 'spec', credentialHeaders: {}, insecure: false,
    });
    t.same(report.errors, []);
    t.same(report.findings.map((f) => `${f.id}: ${f.actual}`), []);
    t.ok(report.summary.passed > 0, `${report.summary.passed} checks passed, ${report.summary.skipped} skipped`);
    t.equal(report.checks.find((c) => c.id === 'robustness/error-status')?.status, 'passed', 'the error path was judged');
  });
}
