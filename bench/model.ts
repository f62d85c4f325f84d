// The state machine's speed on one core, for three case shapes.
import { runCase, type Case } from '../reference/browser/index.js';

const origin = 'https://app.example';

export const shapes: Readonly<Record<'simple' | 'preflightedCredentialed' | 'redirected', Case>> = {
  simple: {
    request: { url: 'https://api.example/items', origin },
    response: { status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' } },
  },
  preflightedCredentialed: {
    request: { url: 'https://api.example/items/7', method: 'PUT', origin, credentials: 'include', headers: { 'content-type': 'application/json', 'x-api-key': 'k' } },
    preflight: { status: 204, headers: { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-allow-methods': 'GET, PUT', 'access-control-allow-headers': 'content-type, x-api-key', 'access-control-max-age': '600', vary: 'Origin' } },
    response: { status: 200, headers: { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'x-request-id', 'x-request-id': '42', 'content-type': 'application/json', vary: 'Origin' } },
  },
  redirected: {
    request: { url: 'https://api.example/old', origin },
    responses: [
      { for: 'actual', url: 'https://api.example/old', status: 302, headers: { 'access-control-allow-origin': origin, location: 'https://api.example/new' } },
      { for: 'actual', url: 'https://api.example/new', status: 200, headers: { 'access-control-allow-origin': origin } },
    ],
  },
};

/** Verdicts per second for `c`, over about `ms` milliseconds after a warm-up. */
export function verdictsPerSecond(c: Case, ms = 1500): number {
  for (let i = 0; i < 5000; i++) runCase(c);
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i++) runCase(c);
    count += 1000;
    elapsed = performance.now() - started;
  }
  return Math.round(count / (elapsed / 1000));
}
