/**
 * `npm start`: the suite against two embedded servers on loopback, under the same policy: the strict
 * reference middleware (zero findings expected) and a deliberately broken server (real findings).
 */
import type { Server } from 'node:http';
import { createReferenceServer } from '../../reference/server/index.js';
import { createBrokenServer } from '../demo/broken-server.js';
import { renderReport } from '../reporters/index.js';
import { exitCode, runSuite } from '../run/run.js';
import type { Io } from './run-command.js';
import { DEFAULT_POLICY, defaultPolicy, listen } from './serve.js';

async function runAgainst(name: string, server: Server, io: Io): Promise<number> {
  const base = await listen(server);
  try {
    const report = await runSuite({
      targets: [`${base}/items`], policy: defaultPolicy(), origins: [], suites: [], level: 'must', runs: 25, seed: 42,
      concurrency: 8, rate: 0, timeoutMs: 2000, deadlineMs: 60_000, profile: 'spec', credentialHeaders: {}, insecure: false,
      ...(io.signal && { signal: io.signal }),
    });
    io.stdout.write(`\n━━━ ${name} ━━━\n\n` + renderReport(report, 'text', { color: io.color }));
    return exitCode(report, 'must');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function demoCommand(io: Io): Promise<number> {
  io.stdout.write(`cors-conformance demo: one policy, two servers.\nPolicy: ${JSON.stringify(DEFAULT_POLICY)}\n`);
  const reference = await runAgainst('the reference middleware (expect no findings)', createReferenceServer({ policy: defaultPolicy() }), io);
  await runAgainst('a broken server (expect findings)', createBrokenServer(), io);
  io.stdout.write(`\nTry it on your own server: npx cors-conformance https://your.api/path --origin https://your.app\n`);
  // The demo succeeds when the reference server is clean; the broken one is meant to fail.
  return reference === 0 ? 0 : 1;
}
