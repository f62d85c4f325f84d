// The explain command end to end: the compiled CLI in a child process, its output and exit codes.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explain } from '../../reference/browser/index.js';
import { cli, root } from '../support/paths.js';

function run(args: readonly string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const example = join(root, 'examples', 'cases', '02-credentialed-put.json');

t.test('explain prints the verdict JSON that the model gives', async (t) => {
  const { code, stdout, stderr } = run(['explain', example]);
  t.equal(code, 0, stderr);
  t.same(JSON.parse(stdout), explain(JSON.parse(readFileSync(example, 'utf8'))));
});

t.test('explain reads stdin and honours --profile', async (t) => {
  const c = {
    request: { url: 'https://api.example/t', origin: 'https://app.example', headers: { authorization: 'Bearer x' } },
    preflight: { status: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' } },
    response: { status: 200, headers: { 'access-control-allow-origin': '*' } },
  };
  const spec = JSON.parse(run(['explain', '-'], JSON.stringify(c)).stdout);
  t.equal(spec.outcome, 'network-error');
  t.equal(spec.failedAt, 'cors-preflight-fetch-0:7.6');
  const chromium = JSON.parse(run(['explain', '-', '--profile', 'chromium'], JSON.stringify(c)).stdout);
  t.equal(chromium.outcome, 'ok');
  t.equal(chromium.profile, 'chromium');
});

t.test('--format text prints a readable trace with anchor links for failures', async (t) => {
  const { code, stdout } = run(['explain', join(root, 'examples', 'cases', '03-json-post-not-allowed.json'), '--format', 'text']);
  t.equal(code, 0);
  t.match(stdout, /^NETWORK ERROR at cors-preflight-fetch-0:7\.7/);
  t.match(stdout, /access-control-request-headers: content-type/);
  t.match(stdout, /https:\/\/fetch\.spec\.whatwg\.org\/#cors-preflight-fetch-0/);
});

t.test('bad input: one line naming the problem, exit 2, no stack trace', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-'));
  const cases: [string, string, RegExp][] = [
    ['not json', '{', /is not valid JSON/],
    ['unknown field', JSON.stringify({ request: { url: 'https://a.example/', origin: 'https://b.example' }, respnse: {} }), /respnse: unknown field/],
    ['unknown nested field', JSON.stringify({ request: { url: 'https://a.example/', origin: 'https://b.example', credential: 'include' } }), /request\.credential: unknown field/],
    ['no answer', JSON.stringify({ request: { url: 'https://a.example/', origin: 'https://b.example' } }), /no answer for the actual request GET https:\/\/a\.example\//],
    ['bad origin', JSON.stringify({ request: { url: 'https://a.example/', origin: 'https://b.example/' }, response: { status: 200 } }), /request\.origin: .* not a serialized origin/],
    ['forbidden method', JSON.stringify({ request: { url: 'https://a.example/', origin: 'https://b.example', method: 'TRACE' }, response: { status: 200 } }), /forbidden method/],
    ['bad status', JSON.stringify({ request: { url: 'https://a.example/', origin: 'https://b.example' }, response: { status: 42 } }), /response\.status: expected an HTTP status/],
  ];
  for (const [name, text, message] of cases) {
    const file = join(dir, `${name.replace(/ /g, '-')}.json`);
    writeFileSync(file, text);
    const { code, stdout, stderr } = run(['explain', file]);
    t.equal(code, 2, name);
    t.equal(stdout, '', name);
    t.match(stderr, message, name);
    t.equal(stderr.trim().split('\n').length, 1, `${name}: one line`);
    t.notMatch(stderr, /\n\s+at /, `${name}: no stack`);
  }
  t.equal(run(['explain', join(dir, 'missing.json')]).code, 2, 'missing file');
  t.equal(run(['explain']).code, 2, 'no file');
  t.equal(run(['frobnicate']).code, 2, 'unknown command');
  t.equal(run(['explain', example, '--bogus']).code, 2, 'unknown flag');
  t.equal(run(['explain', example, '--profile', 'netscape']).code, 2, 'unknown profile');
});

t.test('examples runs every bundled example through the model', async (t) => {
  const { code, stdout } = run(['examples']);
  t.equal(code, 0);
  t.match(stdout, /examples\/cases\/01-simple-get\.json\nOK: script gets the cors response with status 200/);
  t.match(stdout, /chromium differs from the spec here: OK/);
  t.match(stdout, /\(the preflight cache answered for the preflight\)/);
});

t.test('--version and --help', async (t) => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  t.equal(run(['--version']).stdout, `cors-conformance ${pkg.version}\n`);
  t.match(run(['--help']).stdout, /cors-conformance explain CASE\.json\|-/);
});
