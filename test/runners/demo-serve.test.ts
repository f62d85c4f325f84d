// `npm start` (the demo) and `serve`: real servers on loopback, driven through the compiled CLI.
import t from 'tap';
import { spawn } from 'node:child_process';
import { request } from 'undici';
import { cli } from '../support/paths.js';

t.test('the demo: the reference middleware has no findings, the broken server has real ones', async (t) => {
  const child = spawn(process.execPath, [cli, 'demo'], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 0);
  const [, reference = '', broken = ''] = stdout.split(/━━━ /);
  t.match(reference, /^the reference middleware/);
  t.match(reference, /\nNo findings\.\n/);
  t.match(reference, /findings: must 0, should 0, info 0 \(security 0\)/);
  t.match(broken, /^a broken server/);
  for (const id of ['security/origin-reflection', 'security/null-origin', 'preflight/method-case', 'preflight/header-not-allowed',
    'expose/missing', 'cache/vary-origin', 'preflight/max-age-invalid', 'robustness/error-status']) {
    t.match(broken, new RegExp(`\\] ${id.replace('/', '\\/')} `), id);
  }
});

t.test('serve prints its URL and answers as the reference middleware', async (t) => {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0']);
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
  });
  t.teardown(() => { child.kill('SIGINT'); });
  const preflight = await request(`${url}/items`, {
    method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
  });
  await preflight.body.dump();
  t.equal(preflight.statusCode, 204);
  t.equal(preflight.headers['access-control-allow-origin'], 'https://app.example');
  t.equal(preflight.headers['access-control-allow-credentials'], 'true');
  const refused = await request(`${url}/items`, { headers: { origin: 'https://evil.example' } });
  await refused.body.dump();
  t.equal(refused.headers['access-control-allow-origin'], undefined);
  child.kill('SIGINT');
  const code = await new Promise((resolve) => child.on('close', resolve));
  t.equal(code, 0, 'stops cleanly on SIGINT');
});
