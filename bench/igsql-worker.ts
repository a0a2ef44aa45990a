/**
 * Child process: runs one workload through igsql (grouping on or off) against a running sandbox
 * and prints one JSON line: rows, wall time, peak RSS of this process, the client's HTTP count.
 * Runs in its own process so that peak RSS belongs to this workload only. With `runs: 2` the
 * query runs twice on the same connection: `coldMs` is the first query of a fresh process (module
 * compilation, the first parse, undici's first connection), `ms` the second, as a dashboard or a
 * long-lived process sees it.
 *
 * It loads igsql the way `import 'igsql'` does: the package's bundle (dist/bundle/index.js, which
 * `npm run bench` builds first), not the modules compiled for the bench, so the first query pays
 * the module loading users pay.
 */
import { peakRssMb } from './peak-rss.js';

const compiled = import.meta.url.endsWith('.js'); // .bench/bench/igsql-worker.js, or this file under tsx
const bundle = new URL(compiled ? '../../dist/bundle/index.js' : '../dist/bundle/index.js', import.meta.url);
const { connect } = (await import(bundle.href)) as typeof import('../src/index.js');

interface Args {
  readonly url: string;
  readonly token: string;
  readonly account: string;
  readonly sql: string;
  readonly grouping: boolean;
  readonly concurrency: number;
  readonly runs?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const conn = await connect(
  `BaseURL=${args.url};OAuthAccessToken=${args.token};BusinessAccountId=${args.account};MaxConcurrentRequests=${args.concurrency};Timeout=0`,
  { grouping: args.grouping },
);
const times: number[] = [];
let rows = 0;
for (let run = 0; run < (args.runs ?? 1); run++) {
  const started = performance.now();
  rows = 0;
  for await (const row of conn.stream(args.sql)) {
    void row;
    rows++;
  }
  times.push(performance.now() - started);
}
const stats = conn.stats;
await conn.close();
process.stdout.write(`${JSON.stringify({ rows, ms: times.at(-1), coldMs: times[0], runs: times.length, peakRssMb: peakRssMb(), clientRequests: stats.requests, pacingMs: stats.pacingMs, rateLimitWaits: stats.rateLimitWaits, retries: stats.retries })}\n`);
