// The reference server in a process of its own for the benchmark (as `cors-conformance serve` runs it),
// which also reports its own CPU time: each line "cpu" on stdin is answered with one JSON line of
// process.cpuUsage() in microseconds. The bench reads it around each measured run, so it can say what a
// request costs the server as well as the client.
import { createInterface } from 'node:readline';
import { createReferenceServer } from '../reference/server/index.js';
import { defaultPolicy, listen } from '../runners/cli/serve.js';

const server = createReferenceServer({ policy: defaultPolicy() });
const url = await listen(server);
process.stdout.write(`listening on ${url}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ cpuUs: cpu.user + cpu.system }) + '\n');
}).on('close', () => server.close());
