// One suite run in a process of its own, for the benchmark: prints what it did and its peak RSS.
import { compilePolicy } from '../reference/server/index.js';
import { DEFAULT_POLICY } from '../runners/cli/serve.js';
import { runSuite } from '../runners/run/run.js';

const [target, runs] = process.argv.slice(2);
const compiled = compilePolicy(DEFAULT_POLICY);
if (!compiled.ok || target === undefined) throw new Error('usage: suite-child URL RUNS');
const report = await runSuite({
  targets: [target], policy: compiled.policy, origins: [], suites: ['preflight/', 'acao/', 'acac/', 'expose/'], level: 'must',
  runs: Number(runs), seed: 1, concurrency: 8, rate: 0, timeoutMs: 5000, deadlineMs: 3_600_000, profile: 'spec',
  credentialHeaders: {}, insecure: false,
});
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({
  requests: report.summary.requests, durationMs: report.summary.durationMs, findings: report.findings.length,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  // Client CPU per request (user + system, start-up included): what the suite costs, whatever the load.
  cpuUsPerRequest: Math.round((cpu.user + cpu.system) / report.summary.requests),
}) + '\n');
