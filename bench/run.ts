/**
 * `npm run bench [-- --quick] [-- --latency=50,0] [-- --only=W3,W4] [-- --no-warmup]`: igsql against the sandbox,
 * side by side with (a) a Meta-SDK script written as users write it, (b) igsql with grouping off,
 * (c) the lower bound (fewest sequential round trips × latency). Each client run is a child
 * process (peak RSS per workload); the sandboxes live in this process. Prints a table and writes
 * bench/results/<full|quick>[-<only>].json. See docs/performance.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runChild } from './child.js';
import { closeSandboxes, openSandboxes } from './sandboxes.js';
import { type EngineResult, printTable, type Result } from './table.js';
import { FULL, QUICK, WORKLOADS } from './workloads.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const latencies = (option('latency') ?? '50,0').split(',').map(Number);
const only = option('only')?.split(',');
// The first client on a sandbox pays its one-off costs (the parent's JIT of the render paths, the
// lazy generation of the account's media): an untimed igsql run first, so every measured client
// meets a warm sandbox (before, igsql always ran first and paid it alone). --no-warmup skips it.
const warmup = !argv.includes('--no-warmup');
const sizes = quick ? QUICK : FULL;
const CONCURRENCY = 10;

interface ClientRun {
  rows: number;
  ms: number;
  coldMs: number;
  runs: number;
  peakRssMb: number;
}

const started = Date.now();
const { boxes, facts, albums } = await openSandboxes(sizes);
const results: Result[] = [];
try {
  for (const latencyMs of latencies) {
    for (const workload of WORKLOADS) {
      if (only && !only.includes(workload.id)) continue;
      if (workload.latencies && !workload.latencies.includes(latencyMs)) continue;
      const box = boxes[workload.sandbox];
      box.sandbox.setLatency(latencyMs);
      // every client runs the query twice in its process (once for a streamed full scan): the
      // table's time is the second run, the first ("first query") is shown beside it
      const runs = workload.stream ? 1 : 2;
      const measure = async (script: string, args: object, nodeOptions: readonly string[] = []): Promise<ClientRun & { calls: number; sandboxCpuMs: number }> => {
        box.reset();
        // this process only runs the sandboxes meanwhile: its CPU time is the sandbox's work
        const cpu = process.cpuUsage();
        const run = await runChild<ClientRun>(script, [JSON.stringify({ url: box.sandbox.url, token: box.sandbox.tokens.longLivedUser, account: box.account, runs, ...args })], nodeOptions);
        const calls = box.http() / run.runs;
        if (!Number.isInteger(calls)) process.stderr.write(`${workload.id}: ${script} made ${box.http()} calls in ${run.runs} runs (not the same each run)\n`);
        const used = process.cpuUsage(cpu);
        return { ...run, calls, sandboxCpuMs: (used.user + used.system) / 1000 / run.runs };
      };
      box.memo.on = workload.memo === true;
      // the memo is filled by an untimed run, --no-warmup or not
      if ((warmup && !workload.stream) || workload.memo) await measure('igsql-worker.ts', { sql: workload.sql, grouping: true, concurrency: CONCURRENCY }, workload.nodeOptions);
      const filled = box.memo.misses();
      const igsql = await measure('igsql-worker.ts', { sql: workload.sql, grouping: true, concurrency: CONCURRENCY }, workload.nodeOptions);
      if (workload.memo && box.memo.misses() > filled) process.stderr.write(`${workload.id}: ${box.memo.misses() - filled} answers were not in memory (the requests differed from the first run's)\n`);
      const ungrouped = workload.ungrouped === false ? undefined : await measure('igsql-worker.ts', { sql: workload.sql, grouping: false, concurrency: CONCURRENCY });
      const sdk = workload.sdk ? await measure('sdk-worker.ts', { workload: workload.id }) : undefined;
      box.memo.on = false;
      box.memo.clear();
      const rounds = workload.lowerBound(facts);
      const result: Result = { workload: workload.id, title: workload.title, sql: workload.sql, latencyMs, igsql, ungrouped, sdk, lowerBound: { calls: rounds, ms: rounds * latencyMs } };
      results.push(result);
      process.stderr.write(`${workload.id} @${latencyMs} ms: igsql ${igsql.calls} calls ${igsql.ms.toFixed(0)} ms, ungrouped ${ungrouped ? ungrouped.calls : '-'} calls, sdk ${sdk ? `${sdk.calls} calls ${sdk.ms.toFixed(0)} ms` : '-'}\n`);
    }
  }
} finally {
  await closeSandboxes(boxes);
}
const engine = only && !only.includes('engine') ? undefined : await runChild<EngineResult>('engine-vs-sqlite.ts', [String(200_000)]);

printTable(results, engine);
const report = {
  command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  date: new Date().toISOString(),
  node: process.version,
  sizes: { ...sizes, albumsMedia: facts.albumsMedia, albums, w7MediaOverPage: facts.w7MediaOverPage, w7Rounds: facts.w7Rounds },
  concurrency: CONCURRENCY,
  totalSeconds: (Date.now() - started) / 1000,
  results,
  engine,
};
// bench/results/ of the repository, whether this runs from bench/ (tsx) or .bench/bench/ (compiled)
const dir = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? '../../bench/results/' : './results/', import.meta.url));
await mkdir(dir, { recursive: true });
const file = `${dir}${quick ? 'quick' : 'full'}${only ? `-${only.join('-')}` : ''}.json`;
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote ${file} (${report.totalSeconds.toFixed(0)} s)`);
