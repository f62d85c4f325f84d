/**
 * nginx targets (Debian's nginx): `add_header` recipes as they are copied from tutorials, placed in
 * `location /` of a server that proxies to an application, where these recipes usually live. The
 * application is a second nginx server that answers /items with JSON for every method and 404 elsewhere,
 * so what the report shows is the recipe's doing, not a static file's 405 for POST.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyConfig } from '../../reference/server/index.js';
import { slug, type DebianTargetDefinition } from './define.js';
import { missingRequirements, versionsOf } from './packages.js';
import { freePorts, makeTempDir, startServer, TARGET_PATH } from './process.js';

const PACKAGES = ['nginx'];
const NGINX = '/usr/sbin/nginx';

const indent = (text: string, by: string) => text.split('\n').map((line) => (line === '' ? line : by + line)).join('\n');

/**
 * nginx.conf for one recipe. Run as root, nginx's workers switch to `user` (as it is designed to);
 * otherwise everything runs as the current user and the directive is left out.
 */
export function nginxConf(dir: string, ports: { front: number; app: number }, recipe: string, runAsRoot: boolean): string {
  return [
    ...(runAsRoot ? ['user nobody nogroup;'] : []),
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events { worker_connections 256; }',
    'http {',
    '  access_log off;',
    '  default_type application/json;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind}_temp;`),
    `  upstream app { server 127.0.0.1:${ports.app}; }`,
    '  server {',
    `    listen 127.0.0.1:${ports.front};`,
    indent(locationBlock(recipe), '    '),
    '  }',
    '  # The application behind the proxy.',
    '  server {',
    `    listen 127.0.0.1:${ports.app};`,
    `    location = ${TARGET_PATH} { return 200 '{"items":[]}\\n'; }`,
    '    location / { return 404; }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The recipe where it is pasted: in the location that proxies to the application. */
export function locationBlock(recipe: string): string {
  return `location / {\n${indent(recipe, '    ')}\n    proxy_pass http://app;\n}`;
}

interface NginxTarget {
  readonly id: string;
  readonly configuration: string;
  readonly policy: PolicyConfig;
  readonly recipe: string;
  readonly notes?: readonly string[];
}

function nginxTarget(target: NginxTarget): DebianTargetDefinition {
  return {
    id: target.id, implementation: 'nginx add_header', configuration: target.configuration, policy: target.policy,
    source: 'debian', aptPackages: PACKAGES, config: { language: 'nginx', text: locationBlock(target.recipe) },
    ...(target.notes !== undefined && { notes: target.notes }),
    unavailable: () => missingRequirements(PACKAGES, [NGINX]),
    version: () => versionsOf(PACKAGES),
    async start() {
      const dir = await makeTempDir(slug(target.id));
      const root = process.getuid?.() === 0;
      // Workers running as nobody create their temp directories in here.
      if (root) await chmod(dir, 0o755);
      const [front, app] = await freePorts(2);
      await writeFile(join(dir, 'nginx.conf'), nginxConf(dir, { front: front!, app: app! }, target.recipe, root));
      return startServer({
        name: target.id, command: NGINX, args: ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'],
        cwd: dir, tempDir: dir, port: front!,
      });
    },
  };
}

export const nginxTargets: readonly DebianTargetDefinition[] = [
  nginxTarget({
    id: 'nginx/add-header', configuration: 'ACAO * without always',
    recipe: "add_header 'Access-Control-Allow-Origin' '*';",
    policy: { origins: '*' },
    notes: [
      'Without `always`, add_header applies only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 responses ([ngx_http_headers_module](https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header)), so the 404 loses Access-Control-Allow-Origin and script cannot read the error. ' +
        'The same surprise in [openedx-unsupported/configuration#4730](https://github.com/openedx-unsupported/configuration/pull/4730).',
    ],
  }),
  nginxTarget({
    id: 'nginx/add-header-always', configuration: 'ACAO * with always',
    recipe: "add_header 'Access-Control-Allow-Origin' '*' always;",
    policy: { origins: '*' },
    notes: [
      'With `always` (nginx ≥ 1.7.5) error responses keep the header: nothing to flag.',
    ],
  }),
  nginxTarget({
    id: 'nginx/echo-origin-credentials', configuration: 'echoes $http_origin with credentials',
    recipe: [
      "if ($request_method = 'OPTIONS') {",
      "    add_header 'Access-Control-Allow-Origin' $http_origin;",
      "    add_header 'Access-Control-Allow-Credentials' 'true';",
      "    add_header 'Access-Control-Allow-Methods' 'GET, POST, PUT, DELETE, OPTIONS';",
      "    add_header 'Access-Control-Allow-Headers' 'Authorization, Content-Type';",
      "    add_header 'Access-Control-Max-Age' 86400;",
      '    return 204;',
      '}',
      "add_header 'Access-Control-Allow-Origin' $http_origin always;",
      "add_header 'Access-Control-Allow-Credentials' 'true' always;",
    ].join('\n'),
    // Echoing is how people get credentials past "no * with credentials"; the front end is the intent.
    policy: { origins: ['https://app.example'], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['authorization', 'content-type'], credentials: true, maxAge: 86400 },
    notes: [
      '`$http_origin` is echoed unchecked next to `Access-Control-Allow-Credentials: true`: every origin, `null` included, reads credentialed responses, and the OPTIONS block admits every preflight. ' +
        'Without an Origin header nginx drops the add_header whose value is empty, so that response has no Access-Control-Allow-Origin and no `Vary`.',
    ],
  }),
  nginxTarget({
    id: 'nginx/if-options-204', configuration: "the classic if ($request_method = 'OPTIONS') snippet",
    recipe: [
      "if ($request_method = 'OPTIONS') {",
      "    add_header 'Access-Control-Allow-Origin' '*';",
      "    add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';",
      "    add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';",
      "    add_header 'Access-Control-Max-Age' 1728000;",
      "    add_header 'Content-Type' 'text/plain; charset=utf-8';",
      "    add_header 'Content-Length' 0;",
      '    return 204;',
      '}',
      "if ($request_method = 'POST') {",
      "    add_header 'Access-Control-Allow-Origin' '*';",
      "    add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';",
      "    add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';",
      "    add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range';",
      '}',
      "if ($request_method = 'GET') {",
      "    add_header 'Access-Control-Allow-Origin' '*';",
      "    add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS';",
      "    add_header 'Access-Control-Allow-Headers' 'DNT,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range';",
      "    add_header 'Access-Control-Expose-Headers' 'Content-Length,Content-Range';",
      '}',
    ].join('\n'),
    // DNT is a forbidden request-header (no page can send it) and 20 days is above every browser's
    // cap, so neither is part of what the snippet can mean; the rest is.
    policy: {
      origins: '*', methods: ['GET', 'POST'], allowHeaders: ['user-agent', 'x-requested-with', 'if-modified-since', 'cache-control', 'content-type', 'range'],
      exposeHeaders: ['content-length', 'content-range'],
    },
    notes: [
      'The long-lived enable-cors.org nginx snippet (copied verbatim in e.g. [openfoodfacts/openfoodfacts-server#4073](https://github.com/openfoodfacts/openfoodfacts-server/issues/4073)). ' +
        'The headers are set only inside `if ($request_method = \'GET\')` and `\'POST\'`, so HEAD, a CORS-safelisted method, gets none and fails in a browser; without `always` the 404 loses them as well; and every OPTIONS request, preflight or not, is answered 204 by nginx itself.',
    ],
  }),
  nginxTarget({
    id: 'nginx/enable-cors-public', configuration: "enable-cors.org's public-API recipe (add_header outside, return 204 inside if)",
    recipe: [
      "add_header 'Access-Control-Allow-Origin' '*' always;",
      "add_header 'Access-Control-Allow-Methods' 'GET, POST, OPTIONS' always;",
      "add_header 'Access-Control-Allow-Headers' 'Content-Type' always;",
      '',
      "if ($request_method = 'OPTIONS') {",
      "    add_header 'Access-Control-Max-Age' 86400;",
      "    add_header 'Content-Type' 'text/plain; charset=utf-8';",
      "    add_header 'Content-Length' 0;",
      '    return 204;',
      '}',
    ].join('\n'),
    policy: { origins: '*', methods: ['GET', 'POST'], allowHeaders: ['content-type'], maxAge: 86400 },
    notes: [
      'add_header directives are inherited from the enclosing level only if the current level has none ([nginx docs](https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header)). The `if` block has its own add_header lines, so the 204 preflight carries only Max-Age and Content-Type, and every preflight fails. ' +
        'The recipe is enable-cors.org\'s "Public API" method (monsur/enable-cors.org server_nginx.html as stored at commit 0103dc3). The same pitfall: [nginx-proxy/nginx-proxy#1668](https://github.com/nginx-proxy/nginx-proxy/issues/1668), [bytedance/deer-flow#1157](https://github.com/bytedance/deer-flow/pull/1157), gixy\'s add_header_redefinition ([Chocobozzz/PeerTube#5232](https://github.com/Chocobozzz/PeerTube/issues/5232)).',
    ],
  }),
];
