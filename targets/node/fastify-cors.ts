/**
 * @fastify/cors registered on a Fastify app (its default `onRequest` hook), then the route.
 * @see https://github.com/fastify/fastify-cors/blob/main/index.js
 */
import type { FastifyCorsOptions } from '@fastify/cors';
import type { PolicyConfig } from '../../reference/server/index.js';
import { ADMIN, APP, counter, nodeTarget, REQUEST_ID, ROUTE, type BuiltApp, type NodeTargetDefinition } from './define.js';

// @fastify/cors's documented defaults: origin '*', methods 'GET,HEAD,POST' (the CORS-safelisted
// methods), request headers reflected.
const DEFAULT_METHODS = ['GET', 'HEAD', 'POST'];

async function fastifyWithCors(options: FastifyCorsOptions): Promise<BuiltApp> {
  const { default: fastify } = await import('fastify');
  const { default: cors } = await import('@fastify/cors');
  const next = counter();
  const app = fastify();
  await app.register(cors, options);
  // GET also answers HEAD (exposeHeadRoutes); OPTIONS belongs to @fastify/cors's own `*` route.
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: ROUTE,
    handler: async (_request, reply) => reply.header(REQUEST_ID, next()).send({ ok: true }),
  });
  return { app, close: () => app.close() };
}

// Every configuration shares this one.
const PLAIN_OPTIONS = 'A plain OPTIONS (Origin, no Access-Control-Request-Method) is answered 400 "Invalid Preflight Request" by the strictPreflight default (index.js, added after fastify/fastify-cors#88 "The plugin treats every OPTIONS request as a preflight request"): it does not reach the application either, but the response carries no Access-Control-Allow-Methods or -Headers, so robustness/plain-options, which looks for those, does not report it.';

const target = (id: string, configuration: string, policy: PolicyConfig, config: string, options: FastifyCorsOptions, notes: readonly string[] = []) =>
  nodeTarget({
    id: `fastify-cors/${id}`, implementation: '@fastify/cors (fastify)', configuration, policy, packages: ['@fastify/cors', 'fastify'], config,
    notes: [PLAIN_OPTIONS, ...notes], build: () => fastifyWithCors(options),
  });

export const fastifyCorsTargets: readonly NodeTargetDefinition[] = [
  target('defaults', 'defaults: any origin', { origins: '*', methods: DEFAULT_METHODS, allowHeaders: '*' }, 'await app.register(cors)', {},
    ['The default methods are GET,HEAD,POST (README: "the CORS-safelisted methods"), so this configuration means to allow no preflighted method; a developer who expects PUT or DELETE to work must list them.']),
  target('strict-list', 'strict list of origins',
    { origins: [APP, ADMIN], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'x-api-key'], exposeHeaders: [REQUEST_ID], maxAge: 600 },
    `await app.register(cors, {
  origin: ['${APP}', '${ADMIN}'],
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Content-Type', 'X-Api-Key'],
  exposedHeaders: ['X-Request-Id'],
  maxAge: 600,
})`,
    { origin: [APP, ADMIN], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Content-Type', 'X-Api-Key'], exposedHeaders: ['X-Request-Id'], maxAge: 600 }),
  target('credentials', 'one origin with credentials',
    { origins: [APP], methods: ['GET', 'POST', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: [REQUEST_ID], credentials: true },
    `await app.register(cors, {
  origin: '${APP}',
  credentials: true,
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Content-Type', 'Authorization'],
  exposedHeaders: ['X-Request-Id'],
})`,
    { origin: APP, credentials: true, methods: ['GET', 'POST', 'PUT', 'DELETE'], allowedHeaders: ['Content-Type', 'Authorization'], exposedHeaders: ['X-Request-Id'] }),
  target('regex', 'an origin and an anchored subdomain pattern (README style)',
    { origins: [APP, 'https://*.app.example'], methods: DEFAULT_METHODS, allowHeaders: '*' },
    `// the README's example: /^https:\\/\\/([a-z0-9-]+\\.)*example\\.com$/
await app.register(cors, { origin: ['${APP}', /^https:\\/\\/([a-z0-9-]+\\.)+app\\.example$/] })`,
    { origin: [APP, /^https:\/\/([a-z0-9-]+\.)+app\.example$/] },
    ['The README\'s anchored pattern (scheme and both ends) refuses every bypass class the suite generates.']),
  target('function', 'origin callback checking the hostname (README example)',
    { origins: [APP], methods: DEFAULT_METHODS, allowHeaders: '*' },
    `// the README's example, for app.example instead of localhost
await app.register(cors, {
  origin: (origin, cb) => {
    const hostname = new URL(origin).hostname
    if (hostname === 'app.example') {
      cb(null, true)
      return
    }
    cb(new Error('Not allowed'), false)
  },
})`,
    {
      origin: (origin, cb) => {
        const hostname = new URL(origin as string).hostname;
        if (hostname === 'app.example') {
          cb(null, true);
          return;
        }
        cb(new Error('Not allowed'), false);
      },
    },
    [
      'security/origin-scheme and security/origin-port: the README\'s example compares only the hostname, so http://app.example and https://app.example:8443 are reflected. Their PUT preflights fail only because the default methods are GET,HEAD,POST.',
      'The same example calls new URL(undefined) when a request has no Origin: every same-origin or non-browser request is answered 500 ERR_INVALID_URL. No check reports it (it loses no CORS header); refused origins get 500 too, from cb(new Error).',
    ]),
];
