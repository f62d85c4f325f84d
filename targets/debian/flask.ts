/**
 * Flask targets (Debian's python3-flask and python3-flask-cors): the flask-cors extension in four
 * configurations, and the hand-written `after_request` hook that copies Origin into the response.
 * Each runs `targets/debian/python/flask_items.py` with the configuration appended, on werkzeug's server.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyConfig } from '../../reference/server/index.js';
import { dataPath, slug, SYSTEM_PYTHON, type DebianTargetDefinition } from './define.js';
import { missingRequirements, versionsOf } from './packages.js';
import { makeTempDir, startServer } from './process.js';

/** The methods the /items route accepts (HEAD comes with GET). */
const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The entry script: the app, the configuration under test, the server. */
export function flaskMain(pythonDir: string, config: string): string {
  return [
    'import sys',
    '# The Debian packages are under test: leave out anything pip installed under /usr/local.',
    "sys.path[:] = [p for p in sys.path if not p.startswith('/usr/local/')]",
    `sys.path.insert(0, ${JSON.stringify(pythonDir)})`,
    'from flask_items import app',
    '',
    '# --- the configuration under test ---',
    config,
    '# ---',
    '',
    'from serve import serve_werkzeug',
    'serve_werkzeug(app)',
    '',
  ].join('\n');
}

interface FlaskTarget {
  readonly id: string;
  readonly implementation: string;
  readonly configuration: string;
  readonly policy: PolicyConfig;
  readonly packages: readonly string[];
  readonly config: string;
  readonly notes?: readonly string[];
}

function flaskTarget(target: FlaskTarget): DebianTargetDefinition {
  return {
    id: target.id, implementation: target.implementation, configuration: target.configuration, policy: target.policy,
    source: 'debian', aptPackages: target.packages, config: { language: 'python', text: target.config },
    ...(target.notes !== undefined && { notes: target.notes }),
    unavailable: () => missingRequirements(target.packages, [SYSTEM_PYTHON]),
    version: () => versionsOf(target.packages),
    async start() {
      const dir = await makeTempDir(slug(target.id));
      await writeFile(join(dir, 'main.py'), flaskMain(dataPath('python'), target.config));
      // -I: no PYTHON* variables, no user site-packages, no current directory on sys.path; -B: no __pycache__ in the repository.
      return startServer({
        name: target.id, command: SYSTEM_PYTHON, args: ['-I', '-B', 'main.py'], cwd: dir, tempDir: dir, port: 'stdout',
      });
    },
  };
}

const FLASK_CORS = ['python3-flask-cors', 'python3-flask'];

export const flaskTargets: readonly DebianTargetDefinition[] = [
  flaskTarget({
    id: 'flask-cors/default', implementation: 'flask-cors', configuration: 'defaults: any origin, no credentials',
    packages: FLASK_CORS,
    config: 'from flask_cors import CORS\nCORS(app)',
    // The defaults: origins '*', every method of the route, allow_headers '*' (echoed back per request).
    policy: { origins: '*', methods: API_METHODS, allowHeaders: '*' },
    notes: [
      'Without an Origin header flask-cors answers `*` (`always_send`, on by default) and no `Vary`; with one it echoes the origin and adds `Vary: Origin` (`get_cors_origins` and `get_cors_headers` in flask_cors/core.py, 3.0.10). ' +
        '`cache/vary-origin` is the letter of [the Fetch Standard](https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches) (ACAO is not static, so `Vary` on every response); ' +
        'in this configuration a cached `*` still works for every page, since no credentials are meant. Always sending `Vary: Origin` was proposed upstream in [corydolphin/flask-cors#293](https://github.com/corydolphin/flask-cors/pull/293) (open).',
    ],
  }),
  flaskTarget({
    id: 'flask-cors/strict-list', implementation: 'flask-cors', configuration: 'one allowed origin',
    packages: FLASK_CORS,
    config: 'from flask_cors import CORS\nCORS(app, origins=["https://app.example"])',
    policy: { origins: ['https://app.example'], methods: API_METHODS, allowHeaders: '*' },
    notes: [
      'flask-cors 3.0.10 adds `Vary: Origin` only when several origins or a regex are configured (`get_cors_headers`), so with one plain origin no response varies: the refusal to another origin (no ACAO), ' +
        'and the answer to a request without Origin (ACAO `https://app.example`, from `always_send`), can be cached and served to the allowed page, which then fails. ' +
        'Upstream: [corydolphin/flask-cors#148](https://github.com/corydolphin/flask-cors/issues/148) (fixed for regexes only, [#150](https://github.com/corydolphin/flask-cors/pull/150)) and [#293](https://github.com/corydolphin/flask-cors/pull/293) (always send Vary, open).',
      'Debian\'s 3.0.10-2+deb12u1 compares plain origins case-insensitively (`casefold`); browsers serialize origins in lowercase, so this admits nothing a browser can send.',
    ],
  }),
  flaskTarget({
    id: 'flask-cors/credentials-list', implementation: 'flask-cors', configuration: 'one allowed origin with credentials',
    packages: FLASK_CORS,
    config: [
      'from flask_cors import CORS',
      'CORS(app, origins=["https://app.example"], supports_credentials=True,',
      '     allow_headers=["Content-Type", "Authorization"])',
    ].join('\n'),
    policy: { origins: ['https://app.example'], methods: API_METHODS, allowHeaders: ['content-type', 'authorization'], credentials: true },
    notes: [
      'Same `Vary` behaviour as `flask-cors/strict-list` (one plain origin: no `Vary` at all); credentials and the header list work as meant.',
    ],
  }),
  flaskTarget({
    id: 'flask-cors/regex', implementation: 'flask-cors', configuration: 'regex origin for subdomains',
    packages: FLASK_CORS,
    config: 'from flask_cors import CORS\nCORS(app, origins=[r"https://.*\\.app\\.example"])',
    policy: { origins: ['https://*.app.example'], methods: API_METHODS, allowHeaders: '*' },
    notes: [
      'flask-cors matches regex origins with `re.match`, which anchors at the start only (`try_match_pattern` in flask_cors/core.py), so `https://.*\\.app\\.example` also admits `https://x.app.example.evil.test`, `https://x.app.example:8443` and `https://x.app.example_.evil.test`: ' +
        'the security findings are real. Upstream: [corydolphin/flask-cors#209](https://github.com/corydolphin/flask-cors/issues/209) (open since 2017, asks for anchored matching), ' +
        '[#400](https://github.com/corydolphin/flask-cors/pull/400) (open: document that regexes need `^…$`; the project\'s own test regexes can be bypassed); ' +
        'users add the `$` themselves ([GoogleChrome/chromium-dashboard#6590](https://github.com/GoogleChrome/chromium-dashboard/pull/6590)). Starlette fixed the same with `fullmatch` ([Kludex/starlette#801](https://github.com/Kludex/starlette/pull/801)).',
    ],
  }),
  flaskTarget({
    id: 'flask/after-request-echo', implementation: 'Flask after_request hook', configuration: 'copies Origin, credentials true',
    packages: ['python3-flask'],
    config: [
      'from flask import request',
      '',
      '@app.after_request',
      'def add_cors_headers(response):',
      "    response.headers['Access-Control-Allow-Origin'] = request.headers.get('Origin', '*')",
      "    response.headers['Access-Control-Allow-Credentials'] = 'true'",
      "    response.headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, DELETE, OPTIONS'",
      "    response.headers['Access-Control-Allow-Headers'] = 'Content-Type, Authorization'",
      '    return response',
    ].join('\n'),
    // Written for one front end that sends cookies; the hook just never checks which page is asking.
    policy: { origins: ['https://app.example'], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'authorization'], credentials: true },
    notes: [
      'The hook copies whatever Origin arrives, `null` included, next to `Access-Control-Allow-Credentials: true`: any site, and any sandboxed iframe, reads responses made with the user\'s cookies. ' +
        'Flask\'s automatic OPTIONS response also passes through `after_request`, so every preflight passes, and nothing sends `Vary`.',
    ],
  }),
];
