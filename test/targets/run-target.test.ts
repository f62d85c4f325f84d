// One report row from a target definition: a run against a live loopback server, and every way a row
// ends up "not run" (a policy that does not compile, missing packages, a start that fails), never a crash.
import t from 'tap';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { start } from '../support/servers.js';
import { runTarget, type SuiteSettings } from '../../targets/report/run-target.js';
import type { TargetDefinition } from '../../targets/types.js';

const settings: SuiteSettings = { seed: 1, runs: 3, concurrency: 4, timeoutMs: 2000, deadlineMs: 30_000 };

/** A public API that answers `*` to everything, and forgets it on 404s. */
function publicApi(req: IncomingMessage, res: ServerResponse): void {
  if (req.url !== '/items') {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end('{}');
}

function definition(overrides: Partial<TargetDefinition>): TargetDefinition {
  return {
    id: 'fake/public', implementation: 'fake', configuration: 'public', policy: { origins: '*' }, source: 'npm',
    unavailable: async () => null, version: async () => '1.2.3',
    start: async () => { throw new Error('not started in this test'); },
    ...overrides,
  };
}

t.test('a target that runs: the full report, its version and URL, the server stopped afterwards', async (t) => {
  let stopped = false;
  const target = definition({
    notes: ['a note'],
    start: async () => {
      const server = await start(createServer(publicApi));
      return { url: `${server.base}/items`, stop: async () => { stopped = true; await server.close(); } };
    },
  });
  const result = await runTarget(target, settings);
  t.equal(result.notRun, null);
  t.equal(result.target.version, '1.2.3');
  t.same(result.target.notes, ['a note']);
  t.equal(result.target.config, null);
  t.match(result.run, { seed: 1, runs: 3, profile: 'spec', url: /^http:\/\/127\.0\.0\.1:\d+\/items$/ });
  t.same([...new Set(result.report!.findings.map((f) => f.id))], ['robustness/error-status']);
  t.ok(result.report!.checks.length > 10, 'every check result is kept');
  t.ok(stopped);
});

t.test('rows that do not run say why', async (t) => {
  const badPolicy = await runTarget(definition({ policy: { origins: '*', credentials: true } }), settings);
  t.match(badPolicy.notRun, /^its policy does not compile: /);
  t.equal(badPolicy.report, null);
  const missing = await runTarget(definition({ unavailable: async () => 'Debian packages not installed: x' }), settings);
  t.equal(missing.notRun, 'Debian packages not installed: x');
  t.equal(missing.target.version, null);
  const broken = await runTarget(definition({}), settings);
  t.equal(broken.notRun, 'it did not start: not started in this test');
  t.equal(broken.target.version, '1.2.3');
});

t.test('a shown configuration is kept with the row', async (t) => {
  const target = { ...definition({ unavailable: async () => 'no' }), config: { language: 'nginx', text: 'add_header X y;' } };
  t.same((await runTarget(target, settings)).target.config, { language: 'nginx', text: 'add_header X y;' });
});
