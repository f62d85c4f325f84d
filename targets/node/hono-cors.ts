/**
 * hono's `cors` middleware on a Hono app (`app.use('*', cors(options))`, then the route), reached through
 * the in-process runner's Fetch bridge.
 * @see https://github.com/honojs/hono/blob/main/src/middleware/cors/index.ts
 */
import type { PolicyConfig } from '../../reference/server/index.js';
import { ADMIN, APP, counter, nodeTarget, REQUEST_ID, ROUTE, type BuiltApp, type NodeTargetDefinition } from './define.js';

type HonoCorsOptions = NonNullable<Parameters<typeof import('hono/cors').cors>[0]>;

// hono's defaults (src/middleware/cors/index.ts): origin '*', allowMethods GET, HEAD, PUT, POST, DELETE,
// PATCH, QUERY, request headers reflected.
const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH', 'QUERY'];

async function honoWithCors(options: HonoCorsOptions | undefined): Promise<BuiltApp> {
  const { Hono } = await import('hono');
  const { cors } = await import('hono/cors');
  const next = counter();
  const app = new Hono();
  app.use('*', options === undefined ? cors() : cors(options));
  app.all(ROUTE, (c) => c.json({ ok: true }, 200, { [REQUEST_ID]: next() }));
  return { app };
}

// Every configuration shares this one.
const PLAIN_OPTIONS = 'robustness/plain-options (info): the middleware answers every OPTIONS with 204 and preflight headers (src/middleware/cors/index.ts: `if (c.req.method === \'OPTIONS\')`), so a plain OPTIONS never reaches the application; honojs/hono#3979 (open) asks to make that optional.';

const target = (id: string, configuration: string, policy: PolicyConfig, config: string, options: HonoCorsOptions | undefined, notes: readonly string[] = []) =>
  nodeTarget({
    id: `hono-cors/${id}`, implementation: 'hono/cors', configuration, policy, packages: ['hono'], config,
    notes: [PLAIN_OPTIONS, ...notes], build: () => honoWithCors(options),
  });

export const honoCorsTargets: readonly NodeTargetDefinition[] = [
  target('defaults', 'defaults: any origin', { origins: '*', methods: DEFAULT_METHODS, allowHeaders: '*' }, "app.use('*', cors())", undefined),
  target('strict-list', 'strict list of origins',
    { origins: [APP, ADMIN], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'x-api-key'], exposeHeaders: [REQUEST_ID], maxAge: 600 },
    `app.use('*', cors({
  origin: ['${APP}', '${ADMIN}'],
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'X-Api-Key'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
}))`,
    { origin: [APP, ADMIN], allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'X-Api-Key'], exposeHeaders: ['X-Request-Id'], maxAge: 600 }),
  target('credentials', 'one origin with credentials',
    { origins: [APP], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: [REQUEST_ID], credentials: true },
    `app.use('*', cors({
  origin: '${APP}',
  credentials: true,
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
}))`,
    { origin: APP, credentials: true, allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'Authorization'], exposeHeaders: ['X-Request-Id'] }),
  target('function', 'origin function matching subdomains (docs example)',
    { origins: [APP, 'https://*.app.example'], methods: DEFAULT_METHODS, allowHeaders: '*' },
    `// the docs' example: origin.endsWith('.example.com') ? origin : 'http://example.com'
app.use('*', cors({
  origin: (origin) => origin.endsWith('.app.example') ? origin : '${APP}',
}))`,
    { origin: (origin) => (origin.endsWith('.app.example') ? origin : APP) },
    ['security/origin-scheme and security/preflight-admits-untrusted: the docs\' example tests only the end of the origin, so http://cors-conformance.app.example is reflected and its PUT preflight passes; a port is refused only because it would follow the host. Other origins get the fixed fallback origin, which browsers refuse (with Vary: Origin).']),
];
