/**
 * Apache httpd targets (Debian's apache2): mod_headers `Header set` recipes as enable-cors.org and
 * countless answers give them, at server level of a minimal httpd.conf serving a static JSON file at /items.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyConfig } from '../../reference/server/index.js';
import { slug, type DebianTargetDefinition } from './define.js';
import { missingRequirements, versionsOf } from './packages.js';
import { freePort, makeTempDir, startServer } from './process.js';

// apache2-bin: the server and its modules, without the system service the apache2 package sets up.
const PACKAGES = ['apache2-bin'];
const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

/**
 * httpd.conf for one recipe. Apache refuses to serve as root; started as root, its children switch to
 * `User` (as it is designed to). Otherwise everything runs as the current user and the lines are left out.
 */
export function httpdConf(dir: string, port: number, recipe: string, runAsRoot: boolean): string {
  const modules = [['mpm_event', 'mod_mpm_event'], ['authz_core', 'mod_authz_core'], ['headers', 'mod_headers'], ['setenvif', 'mod_setenvif']];
  return [
    `ServerRoot ${dir}`,
    ...modules.map(([name, file]) => `LoadModule ${name}_module ${MODULES}/${file}.so`),
    ...(runAsRoot ? ['User nobody', 'Group nogroup'] : []),
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    `PidFile ${dir}/httpd.pid`,
    `ErrorLog ${dir}/error.log`,
    `Mutex file:${dir} default`,
    `DocumentRoot ${dir}/htdocs`,
    `<Directory ${dir}/htdocs>`,
    '  Require all granted',
    '</Directory>',
    '',
    '# --- the configuration under test ---',
    recipe,
    '',
  ].join('\n');
}

interface ApacheTarget {
  readonly id: string;
  readonly configuration: string;
  readonly policy: PolicyConfig;
  readonly recipe: string;
  readonly notes?: readonly string[];
}

function apacheTarget(target: ApacheTarget): DebianTargetDefinition {
  return {
    id: target.id, implementation: 'Apache Header set', configuration: target.configuration, policy: target.policy,
    source: 'debian', aptPackages: PACKAGES, config: { language: 'apache', text: target.recipe },
    ...(target.notes !== undefined && { notes: target.notes }),
    unavailable: () => missingRequirements(PACKAGES, [APACHE]),
    version: () => versionsOf(PACKAGES),
    async start() {
      const dir = await makeTempDir(slug(target.id));
      const root = process.getuid?.() === 0;
      if (root) await chmod(dir, 0o755);
      await mkdir(join(dir, 'htdocs'), { mode: 0o755 });
      await writeFile(join(dir, 'htdocs', 'items'), '{"items":[]}\n', { mode: 0o644 });
      const port = await freePort();
      await writeFile(join(dir, 'httpd.conf'), httpdConf(dir, port, target.recipe, root));
      return startServer({
        name: target.id, command: APACHE, args: ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], cwd: dir, tempDir: dir, port,
        // apache2 reads these from /etc/apache2/envvars under apache2ctl; unset, it warns and carries on.
        env: { APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir, APACHE_LOG_DIR: dir },
      });
    },
  };
}

const mod = (lines: readonly string[]) => ['<IfModule mod_headers.c>', ...lines.map((line) => (line === '' ? line : '  ' + line)), '</IfModule>'].join('\n');

export const apacheTargets: readonly DebianTargetDefinition[] = [
  apacheTarget({
    id: 'apache/header-set', configuration: 'ACAO * without always',
    recipe: mod(['Header set Access-Control-Allow-Origin "*"']),
    policy: { origins: '*' },
    notes: [
      'enable-cors.org\'s Apache recipe. `Header set` writes to the default `onsuccess` table, which is not sent with non-2xx responses ([mod_headers](https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header), the `always` condition); the 404 loses the header. enable-cors.org\'s own note recommends `always` for that.',
    ],
  }),
  apacheTarget({
    id: 'apache/header-always-set', configuration: 'ACAO * with always',
    recipe: mod(['Header always set Access-Control-Allow-Origin "*"']),
    policy: { origins: '*' },
    notes: [
      '`Header always set` reaches error responses too: nothing to flag.',
    ],
  }),
  apacheTarget({
    id: 'apache/setenvif-echo', configuration: 'SetEnvIf Origin echo with credentials',
    recipe: mod([
      'SetEnvIf Origin "^https?://(www\\.app\\.example|app\\.example)$" ORIGIN_MATCH=$0',
      '',
      'Header set Access-Control-Allow-Origin "%{ORIGIN_MATCH}e" env=ORIGIN_MATCH',
      'Header set Access-Control-Allow-Credentials "true" env=ORIGIN_MATCH',
      'Header set Vary "Origin" env=ORIGIN_MATCH',
    ]),
    // `https?` is written on purpose: the http origins are meant too.
    policy: { origins: ['https://app.example', 'https://www.app.example', 'http://app.example', 'http://www.app.example'], credentials: true },
    notes: [
      'enable-cors.org\'s "With Credentials" Apache recipe (monsur/enable-cors.org server_apache.html, same pattern as [Stack Overflow 56153947](https://stackoverflow.com/questions/56153947)). The regex is anchored and its dots escaped: no bypass gets in. ' +
        'But `Vary: Origin` is set only `env=ORIGIN_MATCH`, so refusals and Origin-less answers lack it and a cache can serve them to an allowed page; and without `always` the 404 loses every header.',
    ],
  }),
];
