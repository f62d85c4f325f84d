/** Requests sent outside a browser exchange (no Origin, HEAD, plain OPTIONS), kept as wire exchanges. */
import { ACCEPT, ORIGIN } from '../../../spec/headers.js';
import type { WireExchange } from '../../target/browser-exchange.js';
import type { TargetContext } from '../context.js';

export async function sendRaw(ctx: TargetContext, method: string, url: string, origin: string | null, extra: Record<string, string> = {}): Promise<WireExchange> {
  const headers: Record<string, string> = { ...(origin !== null && { [ORIGIN]: origin }), [ACCEPT]: '*/*', ...extra };
  const response = await ctx.transport.send({ method, url, headers });
  return { sent: { kind: method === 'OPTIONS' && 'access-control-request-method' in extra ? 'preflight' : 'actual', method, url, headers }, headers, response };
}
