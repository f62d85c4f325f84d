// The state machine's speed on one core, for three case shapes.
import { runCase, type Case, type Verdict } from '../reference/browser/index.js';

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

/**
 * Verdicts per second of CPU time for `c` through `run` (the model by default; one core: the machine
 * is synchronous), the median of seven
 * blocks after a warm-up. CPU time rather than wall time, so other work on the machine (a browser, a
 * second job) does not count against the model.
 */
export function verdictsPerSecond(c: Case, ms = 1500, run: (c: Case) => Verdict = runCase): number {
  for (let i = 0; i < 5000; i++) run(c);
  // Size the blocks so the seven of them take about `ms`.
  const probe = process.cpuUsage();
  for (let i = 0; i < 1000; i++) run(c);
  const probeUs = Math.max(1, cpuUs(process.cpuUsage(probe)));
  const block = Math.max(1000, Math.round(((ms * 1000) / 7 / probeUs) * 1000));
  const rates: number[] = [];
  for (let b = 0; b < 7; b++) {
    const started = process.cpuUsage();
    for (let i = 0; i < block; i++) run(c);
    rates.push(block / (cpuUs(process.cpuUsage(started)) / 1e6));
  }
  return Math.round(rates.sort((a, b) => a - b)[3]!);
}

const cpuUs = (usage: NodeJS.CpuUsage): number => usage.user + usage.system;
