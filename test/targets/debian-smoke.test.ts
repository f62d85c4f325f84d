// One Debian target end to end, when its package is installed: nginx's add_header without `always`
// loses Access-Control-Allow-Origin on the 404 and on nothing else. Skipped, saying why, without nginx.
import t from 'tap';
import { debianTargets } from '../../targets/debian/index.js';
import { runTarget } from '../../targets/report/run-target.js';

const target = debianTargets.find((d) => d.id === 'nginx/add-header')!;
const unavailable = await target.unavailable();

t.test('nginx/add-header: only robustness/error-status', { skip: unavailable === null ? false : `${target.id} not run: ${unavailable}` }, async (t) => {
  const result = await runTarget(target, { seed: 1, runs: 3, concurrency: 4, timeoutMs: 5000, deadlineMs: 60_000 });
  t.equal(result.notRun, null);
  t.match(result.target.version, /^nginx \d/);
  t.same(result.report!.errors, []);
  t.same([...new Set(result.report!.findings.map((f) => `${f.id} ${f.level}`))], ['robustness/error-status should']);
  const afterwards = await fetch(result.run.url!, { signal: AbortSignal.timeout(1000) }).then(() => 'answers', () => 'stopped');
  t.equal(afterwards, 'stopped', 'the server is stopped after the run');
});
