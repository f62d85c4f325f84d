/**
 * @koa/cors in front of a plain Koa app: `app.use(cors(options))`, then one middleware serving the route
 * (anything else is Koa's default 404).
 * @see https://github.com/koajs/cors/blob/master/index.js
 */
import type { Options as KoaCorsOptions } from '@koa/cors';
import type { PolicyConfig } from '../../reference/server/index.js';
import { ADMIN, APP, counter, nodeTarget, REQUEST_ID, ROUTE, type BuiltApp, type NodeTargetDefinition } from './define.js';

// @koa/cors's documented defaults: origin '*', allowMethods 'GET,HEAD,PUT,POST,DELETE,PATCH', request
// headers reflected.
const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'];

async function koaWithCors(options: KoaCorsOptions | undefined): Promise<BuiltApp> {
  const { default: Koa } = await import('koa');
  const { default: cors } = await import('@koa/cors');
  const next = counter();
  const app = new Koa();
  // Koa logs every error that reaches it unless `silent`.
  app.silent = true;
  app.use(cors(options));
  app.use((ctx) => {
    if (ctx.path !== ROUTE) return;
    ctx.set(REQUEST_ID, next());
    ctx.body = { ok: true };
  });
  return { app };
}

// Every configuration shares this one.
const PLAIN_OPTIONS = '@koa/cors treats an OPTIONS as a preflight only with Access-Control-Request-Method (index.js), so a plain OPTIONS reaches the application, though without CORS headers (koajs/cors#63, open).';

const target = (id: string, configuration: string, policy: PolicyConfig, config: string, options: KoaCorsOptions | undefined, notes: readonly string[] = []) =>
  nodeTarget({
    id: `koa-cors/${id}`, implementation: '@koa/cors (koa)', configuration, policy, packages: ['@koa/cors', 'koa'], config,
    notes: [PLAIN_OPTIONS, ...notes], build: () => koaWithCors(options),
  });

const allowlist: readonly string[] = [APP, ADMIN];

export const koaCorsTargets: readonly NodeTargetDefinition[] = [
  target('defaults', 'defaults: any origin', { origins: '*', methods: DEFAULT_METHODS, allowHeaders: '*' }, 'app.use(cors())', undefined),
  target('single-origin', 'one fixed origin',
    { origins: [APP], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'x-api-key'], exposeHeaders: [REQUEST_ID], maxAge: 600 },
    `app.use(cors({
  origin: '${APP}',
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'X-Api-Key'],
  exposeHeaders: ['X-Request-Id'],
  maxAge: 600,
}))`,
    { origin: APP, allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'X-Api-Key'], exposeHeaders: ['X-Request-Id'], maxAge: 600 }),
  target('credentials', 'one origin with credentials',
    { origins: [APP], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: [REQUEST_ID], credentials: true },
    `app.use(cors({
  origin: '${APP}',
  credentials: true,
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
}))`,
    { origin: APP, credentials: true, allowMethods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['Content-Type', 'Authorization'], exposeHeaders: ['X-Request-Id'] }),
  target('credentials-default-origin', 'credentials: true, origin left at its default',
    { origins: [APP], methods: DEFAULT_METHODS, allowHeaders: ['content-type', 'authorization'], credentials: true },
    'app.use(cors({ credentials: true }))',
    { credentials: true },
    ['security/origin-reflection, security/null-origin and security/preflight-admits-untrusted: since 5.0.0 the default origin is *, but with credentials the middleware swaps * for the request Origin (index.js: `if (credentials && origin === \'*\') origin = requestOrigin`), so every origin, "null" included, reads credentialed responses. The 5.0.0 default and this interplay are discussed in koajs/cors#93; null in koajs/cors#89. A request without Origin gets an empty Access-Control-Allow-Origin.']),
  target('function', 'allow-list function (the only way to list several origins)',
    { origins: [APP, ADMIN], methods: DEFAULT_METHODS, allowHeaders: ['content-type', 'authorization'], credentials: true },
    `const allowlist = ['${APP}', '${ADMIN}']
app.use(cors({
  credentials: true,
  origin: (ctx) => allowlist.includes(ctx.get('Origin')) ? ctx.get('Origin') : '',
}))`,
    { credentials: true, origin: (ctx) => (allowlist.includes(ctx.get('Origin')) ? ctx.get('Origin') : '') },
    ['origin takes a string or a function (README); there is no list or pattern option, so a list is a function returning the origin, or \'\' to add no CORS headers.']),
];
