// The runner's transport alone (no state machine, no checks) at concurrency 8 against one URL: the
// ceiling for the suite's rate, since every exchange goes through it.
import { Transport } from '../runners/target/transport.js';

const [url, seconds] = process.argv.slice(2);
if (url === undefined) throw new Error('usage: transport-child URL SECONDS');
const transport = new Transport({ concurrency: 8, rate: 0, timeoutMs: 5000, insecure: false, userAgent: 'cors-conformance-bench' });
const end = performance.now() + Number(seconds ?? 4) * 1000;
const started = performance.now();
let requests = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (performance.now() < end) {
    await transport.send({ method: 'GET', url, headers: { origin: 'https://app.example' } });
    requests++;
  }
}));
const durationMs = performance.now() - started;
await transport.close();
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ rps: Math.round(requests / (durationMs / 1000)), cpuUsPerRequest: Math.round((cpu.user + cpu.system) / requests) }) + '\n');
