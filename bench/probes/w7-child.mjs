// Child of w7.mjs: streams SELECT * FROM Comments through the compiled igsql.
const t0 = performance.now();
const { connect } = await import('../../dist/index.js');
const conn = await connect(process.argv[2]);
const baseRssMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
// memory sampled every 100 ms: the sample with the highest RSS shows what the peak was made of
let atPeak = { rss: 0 };
const v8 = await import('node:v8');
const { readFileSync } = await import('node:fs');
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  if (m.rss <= atPeak.rss) return;
  // what the peak is made of: V8's spaces (committed), anonymous against file-backed pages
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]));
  atPeak = { ...m, rssAnon: kb('RssAnon'), rssFile: kb('RssFile'), newSpace: spaces.new_space, oldSpace: spaces.old_space, largeObjects: spaces.large_object_space + (spaces.new_large_object_space ?? 0), code: spaces.code_space };
}, 100);
const loopDelay = (await import('node:perf_hooks')).monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const cpu0 = process.cpuUsage();
let rows = 0;
const snapshotAt = Number(process.env.W7_SNAPSHOT_AT ?? -1); // a heap snapshot after that many rows
let firstMs;
for await (const row of conn.stream('SELECT * FROM Comments')) {
  void row;
  if (rows++ === 0) firstMs = performance.now() - started;
  if (rows === snapshotAt) (await import('node:v8')).writeHeapSnapshot(process.env.W7_SNAPSHOT_FILE ?? '.tmp/w7.heapsnapshot');
}
const ms = performance.now() - started;
clearInterval(sampler);
const cpu = process.cpuUsage(cpu0);
const stats = conn.stats;
await conn.close();
const cpuMs = (cpu.user + cpu.system) / 1000;
console.log(JSON.stringify({
  loopDelayMs: { mean: +(loopDelay.mean / 1e6).toFixed(1), p99: +(loopDelay.percentile(99) / 1e6).toFixed(1), max: +(loopDelay.max / 1e6).toFixed(1) },
  rows, ms: Math.round(ms), cpuMs: Math.round(cpuMs), cpuUsPerRow: +(cpuMs * 1000 / rows).toFixed(2), firstRowMs: Math.round(firstMs),
  loadMs: Math.round(started - t0), baseRssMb: Math.round(baseRssMb), peakRssMb: Math.round(Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS) / 1024) /* see bench/peak-rss.ts */, clientRequests: stats.requests,
  atPeakMb: Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, Math.round(v / 2 ** 20)])),
}));
