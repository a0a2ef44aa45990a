// W7 probe (development aid, not part of `npm run bench`): a sandbox in this process, igsql
// compiled (dist/) in a child process streaming SELECT * FROM Comments; prints the child's numbers.
//   npm run build && node bench/probes/w7.mjs [comments=100000] [media=2000] [latencyMs=0] [runs=1] [-- node flags for the child]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../dist/sandbox/index.js';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const [comments = 100000, media = 2000, latency = 0, runs = 1] = (dash < 0 ? argv : argv.slice(0, dash)).map(Number);
const childFlags = dash < 0 ? [] : argv.slice(dash + 1);
const sandbox = await startSandbox({ media, comments });
sandbox.setLatency(latency);
let http = 0;
const trace = [];
let serverMs = { media: 0, batch: 0 }; // the sandbox's own time (render, JSON), latency excluded
const log = sandbox.core.log;
const record = log.record.bind(log);
log.record = (entry) => {
  if (entry.source === 'http') {
    http++;
    if (process.env.W7_TRACE) trace.push([entry.method, Math.round(performance.now() - entry.durationMs), Math.round(entry.durationMs)]);
    const kind = entry.method === 'POST' ? 'batch' : 'media';
    serverMs[kind] += Math.max(0, entry.durationMs - latency);
  }
  record(entry);
};
const account = sandbox.core.data.world.igAccounts[0].id;
const cs = `BaseURL=${sandbox.url};OAuthAccessToken=${sandbox.tokens.longLivedUser};BusinessAccountId=${account};MaxConcurrentRequests=10;Timeout=0`;
const child = fileURLToPath(new URL(process.env.W7_CHILD ?? './w7-child.mjs', import.meta.url)); // W7_CHILD=./w7-alloc-child.mjs: allocations by function
for (let i = 0; i < runs; i++) {
  http = 0;
  serverMs = { media: 0, batch: 0 };
  const cpu = process.cpuUsage();
  const out = await new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...childFlags, child, cs], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    p.stdout.on('data', (d) => (text += d));
    p.on('exit', (code) => (code === 0 ? resolve(text.trim()) : reject(new Error(`child exited ${code}`))));
  });
  const lines = out.split('\n');
  const result = lines.pop();
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`); // e.g. --trace-gc
  const used = process.cpuUsage(cpu);
  const sandboxCpuMs = Math.round((used.user + used.system) / 1000); // this process is the sandbox
  console.log(JSON.stringify({ comments, media, latency, http, sandboxCpuMs, serverMs: { media: Math.round(serverMs.media), batch: Math.round(serverMs.batch) }, ...JSON.parse(result) }));
}
if (process.env.W7_TRACE) (await import('node:fs')).writeFileSync(process.env.W7_TRACE, JSON.stringify(trace));
await sandbox.stop();
