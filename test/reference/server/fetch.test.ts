import t from 'tap';
import { ACAC, ACAH, ACAM, ACAO, ACEH, ACMA, ACRH, ACRM, ORIGIN, VARY } from '../../../spec/headers.js';
import { PolicyError, toCompiledPolicy, withCors } from '../../../reference/server/index.js';

const APP = 'https://app.example';
const policy = {
  origins: [APP], methods: ['PUT', 'patch'], allowHeaders: ['x-api-key'], exposeHeaders: ['x-request-id'], credentials: true, maxAge: 60,
};
const CORS_NAMES = [ACAO, ACAC, ACAM, ACAH, ACMA, ACEH, VARY];

function corsHeaders(res: Response): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of CORS_NAMES) {
    const value = res.headers.get(name);
    if (value !== null) picked[name] = value;
  }
  return picked;
}

const app = (req: Request): Response =>
  new Response(JSON.stringify({ method: req.method }), { headers: { 'content-type': 'application/json', 'x-request-id': '1', vary: 'Accept' } });

t.test('preflights are answered without calling the handler', async (t) => {
  let calls = 0;
  const handler = withCors(policy, (req) => {
    calls += 1;
    return app(req);
  });
  const ok = await handler(new Request('https://api.example/x', { method: 'OPTIONS', headers: { [ORIGIN]: APP, [ACRM]: 'patch', [ACRH]: 'x-api-key' } }));
  t.equal(ok.status, 204);
  t.same(corsHeaders(ok), {
    [ACAO]: APP, [ACAC]: 'true', [ACAM]: 'PUT, patch', [ACAH]: 'x-api-key', [ACMA]: '60', [VARY]: `${ORIGIN}, ${ACRM}, ${ACRH}`,
  });
  const refused = await handler(new Request('https://api.example/x', { method: 'OPTIONS', headers: { [ORIGIN]: APP, [ACRM]: 'DELETE' } }));
  t.equal(refused.status, 403);
  t.same(corsHeaders(refused), { [VARY]: `${ORIGIN}, ${ACRM}, ${ACRH}` });
  t.equal(calls, 0);
});

t.test("actual requests get CORS headers added to the handler's response, Vary appended", async (t) => {
  const handler = withCors(toCompiledPolicy(policy), app);
  const res = await handler(new Request('https://api.example/items', { method: 'PUT', body: 'x', headers: { [ORIGIN]: APP } }));
  t.equal(res.status, 200);
  t.same(corsHeaders(res), { [ACAO]: APP, [ACAC]: 'true', [ACEH]: 'x-request-id', [VARY]: `Accept, ${ORIGIN}` });
  t.same(await res.json(), { method: 'PUT' });
  const refused = await handler(new Request('https://api.example/items', { headers: { [ORIGIN]: 'https://evil.example' } }));
  t.same(corsHeaders(refused), { [VARY]: `Accept, ${ORIGIN}` });
  const plain = await handler(new Request('https://api.example/items'));
  t.same(corsHeaders(plain), { [VARY]: `Accept, ${ORIGIN}` });
});

t.test('immutable responses (as from fetch) are copied, extra arguments passed through', async (t) => {
  const handler = withCors({ origins: '*' }, (_req: Request, env: { name: string }) => {
    const res = Response.error();
    t.throws(() => res.headers.set('x', 'y'), 'the handler response is immutable');
    return new Response(env.name, { status: 201 });
  });
  const res = await handler(new Request('https://api.example/', { headers: { [ORIGIN]: 'null' } }), { name: 'env' });
  t.equal(res.status, 201);
  t.equal(await res.text(), 'env');
  t.same(corsHeaders(res), { [ACAO]: '*' });
  const immutable = withCors({ origins: [APP] }, () => Response.redirect('https://api.example/next', 302));
  const redirected = await immutable(new Request('https://api.example/', { headers: { [ORIGIN]: APP } }));
  t.equal(redirected.status, 302);
  t.same(corsHeaders(redirected), { [ACAO]: APP, [VARY]: ORIGIN });
  t.equal(redirected.headers.get('location'), 'https://api.example/next');
});

t.test('a network error from the handler is passed through untouched', async (t) => {
  const res = await withCors({ origins: [APP] }, () => Response.error())(new Request('https://api.example/', { headers: { [ORIGIN]: APP } }));
  t.equal(res.type, 'error');
  t.equal(res.status, 0);
});

t.test('a bad policy throws PolicyError when wrapping, not per request', async (t) => {
  t.throws(() => withCors({ origins: ['https://a.example/'] }, app), PolicyError);
});
