/**
 * django-cors-headers targets (Debian's python3-django-cors-headers on python3-django): a settings.py made
 * of `targets/debian/python/django_items/settings_base.py` plus the CORS settings under test, served by
 * Django's own threaded development server.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyConfig } from '../../reference/server/index.js';
import { dataPath, slug, SYSTEM_PYTHON, type DebianTargetDefinition } from './define.js';
import { missingRequirements, versionsOf } from './packages.js';
import { makeTempDir, startServer } from './process.js';

const PACKAGES = ['python3-django-cors-headers', 'python3-django'];

// django-cors-headers' defaults, less what no page can send: accept-encoding, dnt and origin are
// forbidden request-headers (fetch drops them), so they are not part of what the list means.
const DEFAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const DEFAULT_HEADERS = ['accept', 'authorization', 'content-type', 'user-agent', 'x-csrftoken', 'x-requested-with'];

export function djangoSettings(config: string): string {
  return ['from django_items.settings_base import *  # noqa', '', '# --- the configuration under test ---', config, ''].join('\n');
}

export function djangoMain(pythonDir: string, settingsDir: string): string {
  return [
    'import os, sys',
    '# The Debian packages are under test: leave out anything pip installed under /usr/local.',
    "sys.path[:] = [p for p in sys.path if not p.startswith('/usr/local/')]",
    `sys.path[0:0] = [${JSON.stringify(pythonDir)}, ${JSON.stringify(settingsDir)}]`,
    "os.environ['DJANGO_SETTINGS_MODULE'] = 'settings'",
    'from django.core.wsgi import get_wsgi_application',
    'from serve import serve_django',
    'serve_django(get_wsgi_application())',
    '',
  ].join('\n');
}

interface DjangoTarget {
  readonly id: string;
  readonly configuration: string;
  readonly policy: PolicyConfig;
  readonly config: string;
  readonly notes?: readonly string[];
}

function djangoTarget(target: DjangoTarget): DebianTargetDefinition {
  return {
    id: target.id, implementation: 'django-cors-headers', configuration: target.configuration, policy: target.policy,
    source: 'debian', aptPackages: PACKAGES, config: { language: 'python', text: target.config },
    ...(target.notes !== undefined && { notes: target.notes }),
    unavailable: () => missingRequirements(PACKAGES, [SYSTEM_PYTHON]),
    version: () => versionsOf(PACKAGES),
    async start() {
      const dir = await makeTempDir(slug(target.id));
      await writeFile(join(dir, 'settings.py'), djangoSettings(target.config));
      await writeFile(join(dir, 'main.py'), djangoMain(dataPath('python'), dir));
      // -I: no PYTHON* variables, no user site-packages, no current directory on sys.path; -B: no __pycache__ in the repository.
      return startServer({
        name: target.id, command: SYSTEM_PYTHON, args: ['-I', '-B', 'main.py'], cwd: dir, tempDir: dir, port: 'stdout',
      });
    },
  };
}

export const djangoTargets: readonly DebianTargetDefinition[] = [
  djangoTarget({
    id: 'django-cors-headers/allow-all', configuration: 'CORS_ALLOW_ALL_ORIGINS, no credentials',
    config: 'CORS_ALLOW_ALL_ORIGINS = True',
    policy: { origins: '*', methods: DEFAULT_METHODS, allowHeaders: DEFAULT_HEADERS },
    notes: [
      'django-cors-headers 3.14.0 (corsheaders/middleware.py) patches `Vary: Origin` into every response of a CORS-enabled URL before looking at the origin, so `cache/vary-origin` passes; it adds Access-Control-Allow-Methods/-Headers to every OPTIONS response from an allowed origin, including a plain OPTIONS that reached the view (`robustness/plain-options`, info: harmless).',
      'With `CORS_ALLOW_ALL_ORIGINS` and no credentials it answers `*`, which no credentialed request can use: the credentialed probes from an arbitrary origin and from `null` are refused, as they should be.',
    ],
  }),
  djangoTarget({
    id: 'django-cors-headers/list-credentials', configuration: 'allowed origins list with credentials',
    config: 'CORS_ALLOWED_ORIGINS = ["https://app.example"]\nCORS_ALLOW_CREDENTIALS = True',
    policy: { origins: ['https://app.example'], methods: DEFAULT_METHODS, allowHeaders: DEFAULT_HEADERS, credentials: true },
    notes: [
      'django-cors-headers 3.14.0 (corsheaders/middleware.py) patches `Vary: Origin` into every response of a CORS-enabled URL before looking at the origin, so `cache/vary-origin` passes; it adds Access-Control-Allow-Methods/-Headers to every OPTIONS response from an allowed origin, including a plain OPTIONS that reached the view (`robustness/plain-options`, info: harmless).',
      'Origins are compared by scheme and netloc exactly (`_url_in_whitelist`). 3.14 sends `Access-Control-Allow-Credentials: true` before checking the origin, also to refused origins; without Access-Control-Allow-Origin a browser still refuses them, so nothing is flagged.',
    ],
  }),
  djangoTarget({
    id: 'django-cors-headers/regex', configuration: 'anchored regex for subdomains',
    // The README's example is r"^https://\w+\.example\.com$"; \w has no hyphen, so a developer meaning
    // "any subdomain" who has one writes [\w-]+. The anchors are the README's.
    config: 'CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://[\\w-]+\\.app\\.example$"]',
    policy: { origins: ['https://*.app.example'], methods: DEFAULT_METHODS, allowHeaders: DEFAULT_HEADERS },
    notes: [
      'django-cors-headers 3.14.0 (corsheaders/middleware.py) patches `Vary: Origin` into every response of a CORS-enabled URL before looking at the origin, so `cache/vary-origin` passes; it adds Access-Control-Allow-Methods/-Headers to every OPTIONS response from an allowed origin, including a plain OPTIONS that reached the view (`robustness/plain-options`, info: harmless).',
      '`CORS_ALLOWED_ORIGIN_REGEXES` are matched with `re.match` (anchored at the start only), like flask-cors; the README\'s pattern ends with `$`, and so no suffix, port or special-character bypass gets in here. Compare `flask-cors/regex`.',
    ],
  }),
];
