/**
 * The Fetch adapter: wraps any `(Request) => Response` handler (hono's `app.fetch`, Deno, Bun,
 * workers) with the CORS middleware. The only code here is I/O; every decision comes from `decide`.
 */
import { VARY } from '../../spec/headers.js';
import { decide, isAnsweredByMiddleware } from './decide.js';
import type { Decision } from './decide.js';
import { toCompiledPolicy } from './policy.js';
import { appendVary } from './vary.js';

export type FetchHandler<Rest extends unknown[]> = (req: Request, ...rest: Rest) => Response | Promise<Response>;

/**
 * `handler` behind the CORS middleware. `policy` is a config (validated now; throws `PolicyError`)
 * or a compiled policy. Extra arguments (a platform's env or context) are passed through.
 */
export function withCors<Rest extends unknown[]>(policy: unknown, handler: FetchHandler<Rest>): (req: Request, ...rest: Rest) => Promise<Response> {
  const compiled = toCompiledPolicy(policy);
  return async (req, ...rest) => {
    const url = new URL(req.url);
    const decision = decide(compiled, { method: req.method, path: url.pathname + url.search, headers: [...req.headers] });
    if (isAnsweredByMiddleware(decision)) {
      const headers = new Headers(decision.headers.map(([name, value]) => [name, value]));
      setVary(headers, decision);
      return new Response(null, { status: decision.status, headers });
    }
    const response = await handler(req, ...rest);
    // A network error (Response.error()) has no headers to add to and cannot be copied.
    if (response.type === 'error' || (decision.headers.length === 0 && decision.vary.length === 0)) return response;
    // A fetched Response has immutable headers; copy it to add ours.
    const out = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
    for (const [name, value] of decision.headers) out.headers.set(name, value);
    setVary(out.headers, decision);
    return out;
  };
}

function setVary(headers: Headers, decision: Decision): void {
  const existing = headers.get(VARY);
  const merged = appendVary(existing, decision.vary);
  if (merged !== null && merged !== existing) headers.set(VARY, merged);
}
