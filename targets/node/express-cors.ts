/**
 * expressjs/cors in front of an express app: `app.use(cors(options))`, then the route.
 * @see https://github.com/expressjs/cors/blob/master/lib/index.js
 */
import type { CorsOptions, CorsOptionsDelegate } from 'cors';
import type { PolicyConfig } from '../../reference/server/index.js';
import { ADMIN, APP, counter, nodeTarget, REQUEST_ID, ROUTE, type BuiltApp, type NodeTargetDefinition } from './define.js';

// cors's documented defaults: origin '*', methods 'GET,HEAD,PUT,PATCH,POST,DELETE', request headers reflected.
const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'];

async function expressWithCors(options: CorsOptions | CorsOptionsDelegate | undefined): Promise<BuiltApp> {
  const { default: express } = await import('express');
  const { default: cors } = await import('cors');
  const next = counter();
  const app = express();
  // express's final handler logs every error (the function config's refusals) unless env is 'test'.
  app.set('env', 'test');
  app.use(options === undefined ? cors() : cors(options));
  app.all(ROUTE, (_req, res) => {
    res.set(REQUEST_ID, next()).json({ ok: true });
  });
  return { app };
}

// Every configuration shares this one.
const PLAIN_OPTIONS = 'robustness/plain-options (info): cors answers every OPTIONS itself (lib/index.js: `if (method === \'OPTIONS\')`, with no look at Access-Control-Request-Method), so a plain OPTIONS never reaches the application; `preflightContinue: true` passes it on (expressjs/cors#40). A Fetch preflight is an OPTIONS with Access-Control-Request-Method.';

const target = (id: string, configuration: string, policy: PolicyConfig, config: string, options: CorsOptions | CorsOptionsDelegate | undefined, notes: readonly string[] = []) =>
  nodeTarget({
    id: `express-cors/${id}`, implementation: 'cors (express)', configuration, policy, packages: ['cors', 'express'], config,
    notes: [PLAIN_OPTIONS, ...notes], build: () => expressWithCors(options),
  });

export const expressCorsTargets: readonly NodeTargetDefinition[] = [
  target('defaults', 'defaults: any origin', { origins: '*', methods: DEFAULT_METHODS, allowHeaders: '*' }, 'app.use(cors())', undefined),
  target('strict-list', 'strict list of origins',
    { origins: [APP, ADMIN], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'x-api-key'], exposeHeaders: [REQUEST_ID], maxAge: 600 },
    `app.use(cors({
  origin: ['${APP}', '${ADMIN}'],
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Content-Type', 'X-Api-Key'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
}))`,
    { origin: [APP, ADMIN], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Content-Type', 'X-Api-Key'], exposedHeaders: ['X-Request-Id'], maxAge: 600 }),
  target('credentials', 'one origin with credentials',
    { origins: [APP], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: [REQUEST_ID], credentials: true },
    `app.use(cors({
  origin: '${APP}',
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Request-Id'],
}))`,
    { origin: APP, credentials: true, methods: ['GET', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Content-Type', 'Authorization'], exposedHeaders: ['X-Request-Id'] }),
  target('regex', 'an origin and a subdomain pattern (README style)',
    { origins: [APP, 'https://*.app.example'], methods: DEFAULT_METHODS, allowHeaders: '*' },
    `// the README's array example: ["http://example1.com", /\\.example2\\.com$/]
app.use(cors({ origin: ['${APP}', /\\.app\\.example$/] }))`,
    { origin: [APP, /\.app\.example$/] },
    ['security/origin-scheme and security/preflight-admits-untrusted: the README\'s pattern style (`/\\.example2\\.com$/`, "a subdomain of example2.com") names neither the scheme nor the start of the origin, so http://cors-conformance.app.example is reflected and its PUT preflight passes. A port is refused only because `$` follows the host. @fastify/cors\'s README now says to anchor patterns with ^ and the scheme.']),
  target('function', 'allow-list callback with credentials',
    { origins: [APP, ADMIN], methods: DEFAULT_METHODS, allowHeaders: ['content-type', 'authorization'], credentials: true },
    `const allowlist = ['${APP}', '${ADMIN}']
app.use(cors({
  credentials: true,
  origin(origin, callback) {
    if (!origin || allowlist.includes(origin)) callback(null, true)
    else callback(new Error('Not allowed by CORS'))
  },
}))`,
    {
      credentials: true,
      origin(origin, callback) {
        if (origin === undefined || [APP, ADMIN].includes(origin)) callback(null, true);
        else callback(new Error('Not allowed by CORS'));
      },
    },
    ['Not cache/vary-origin: a refused origin gets express\'s 500 error page, written by the final handler after cors called next(err), with no Vary: Origin, while an allowed origin gets Access-Control-Allow-Origin with Vary: Origin. A 500 without Cache-Control or Expires is not heuristically cacheable (RFC 9110 §15.1, RFC 9111 §4.2.2), so no cache can serve it to another origin, and the check passes it.']),
  target('reflect-credentials', 'origin: true (reflect) with credentials',
    { origins: [APP], methods: DEFAULT_METHODS, allowHeaders: ['content-type', 'authorization'], credentials: true },
    'app.use(cors({ origin: true, credentials: true }))',
    { origin: true, credentials: true },
    ['security/origin-reflection, security/null-origin and security/preflight-admits-untrusted: `origin: true` reflects the request Origin (README), so with credentials: true every site, and "null" documents, read responses made with the user\'s cookies. The maintainers track a docs warning for this combination (expressjs/cors#422, after the private advisory GHSA-8gfh-8qhq-hv6f).']),
];
