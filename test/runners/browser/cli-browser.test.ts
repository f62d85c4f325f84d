// `cors-conformance browser`: exit codes and output, through the compiled CLI in a child process.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../../../runners/browser/chromium.js';
import { engineInstall, engineMissing, engineTitles } from '../../../runners/browser/engines.js';
import { cli, root } from '../../support/paths.js';

function run(args: readonly string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, 'browser', ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const example = join(root, 'examples', 'cases', '02-credentialed-put.json');

t.test('bad input exits 2 before any browser starts', async (t) => {
  t.equal(run(['-'], '{').code, 2);
  const unknown = run(['-'], JSON.stringify({ request: { url: 'https://api.example/x', origin: 'https://app.example' }, bogus: 1 }));
  t.equal(unknown.code, 2);
  t.match(unknown.stderr, /bogus: unknown field/);
  const unanswered = run(['-'], JSON.stringify({ request: { url: 'https://api.example/x', origin: 'https://app.example' } }));
  t.equal(unanswered.code, 2);
  t.match(unanswered.stderr, /no answer for the actual request/);
  t.equal(run([example, '--format', 'xml']).code, 2);
  const stream = run(['-'], JSON.stringify({
    request: { url: 'https://api.example/x', origin: 'https://app.example', method: 'POST', useCorsPreflight: true, body: true },
    preflight: { status: 204, headers: {} }, response: { status: 200, headers: {} },
  }));
  t.equal(stream.code, 2);
  t.match(stream.stderr, /useCorsPreflight/);
});

t.test('a missing Chromium exits 3 with the install command', async (t) => {
  const missing = run([example], undefined, { CORS_CONFORMANCE_CHROMIUM: '/nonexistent/chromium' });
  t.equal(missing.code, 3);
  t.equal(missing.stderr, 'cors-conformance: Chromium is not installed at /nonexistent/chromium; install it with: apt-get install chromium\n');
});

const others = (['firefox', 'webkit'] as const).map((engine) => engineMissing(engine)).find((missing) => missing !== null);
t.test('a browser that does not start exits 3 in one line, and with --engine all the other engines still report', { skip: others === undefined ? false : `${others} is not installed` }, async (t) => {
  const alone = run([example], undefined, { CORS_CONFORMANCE_CHROMIUM: '/bin/false' });
  t.equal(alone.code, 3);
  t.match(alone.stderr, /^cors-conformance: Chromium did not start: [^\n]+\n$/);
  const all = run([example, '--engine', 'all'], undefined, { CORS_CONFORMANCE_CHROMIUM: '/bin/false' });
  t.equal(all.code, 3, all.stderr);
  t.match(all.stdout, /^Chromium did not start: [^\n]+ \(not run\)\n/);
  t.match(all.stdout, /\nFirefox [\d.]+ \(observed\) and the model \(profile firefox\): the same\n/);
  t.match(all.stdout, /\nWebKit [\d.]+ \(observed\) and the model \(profile webkit\): the same\n/);
  const json = JSON.parse(run([example, '--engine', 'all', '--format', 'json'], undefined, { CORS_CONFORMANCE_CHROMIUM: '/bin/false' }).stdout);
  t.same(json.map((r: { browser: { name: string } }) => r.browser.name), ['chromium', 'firefox', 'webkit']);
  t.match(json[0].error, /^Chromium did not start: /);
  t.equal(json[1].same, true);
});

t.test('a case in real Chromium, next to the model', { skip: existsSync(CHROMIUM_PATH) ? false : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)` }, async (t) => {
  const text = run([example]);
  t.equal(text.code, 0, text.stderr);
  t.match(text.stdout, /^Chromium \d+\.[\d.]+ \(observed\) and the model \(profile chromium\): the same\n/);
  t.match(text.stdout, /preflight OPTIONS https:\/\/api\.example\/items\/7 {2}\(Origin: https:\/\/app\.example; ACRM: PUT; ACRH: content-type,x-api-key\)/);
  const json = run([example, '--format', 'json']);
  t.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout);
  t.equal(parsed.same, true);
  t.equal(parsed.browser.name, 'chromium');
  t.same(parsed.exchanges[0].browser, parsed.exchanges[0].model);
  t.same(parsed.exchanges[0].model.requests.map((r: { kind: string }) => r.kind), ['preflight', 'actual']);
});

t.test('--engine names chromium, firefox, webkit or all', async (t) => {
  const bad = run([example, '--engine', 'opera']);
  t.equal(bad.code, 2);
  t.match(bad.stderr, /--engine must be chromium, firefox, webkit or all, not "opera"/);
});

for (const engine of ['firefox', 'webkit'] as const) {
  const missing = engineMissing(engine);
  t.test(`a case in real ${engineTitles[engine]}, next to the ${engine} profile`, { skip: missing === null ? false : `${engineTitles[engine]} is not installed at ${missing} (${engineInstall[engine]})` }, async (t) => {
    const text = run([example, '--engine', engine]);
    t.equal(text.code, 0, text.stderr);
    t.match(text.stdout, new RegExp(`^${engineTitles[engine]} [\\d.]+ \\(observed\\) and the model \\(profile ${engine}\\): the same\\n`));
    const json = run([example, '--engine', engine, '--format', 'json']);
    t.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    t.equal(parsed.browser.name, engine);
    t.equal(parsed.profile, engine);
    t.same(parsed.exchanges[0].browser, parsed.exchanges[0].model);
  });
}
