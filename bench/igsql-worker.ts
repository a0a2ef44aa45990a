/**
 * Child process: runs one workload through igsql (grouping on or off) against a running sandbox
 * and prints one JSON line: rows, wall time, peak RSS of this process, the client's HTTP count.
 * Runs in its own process so that peak RSS belongs to this workload only.
 */
import { connect } from '../src/index.js';

interface Args {
  readonly url: string;
  readonly token: string;
  readonly account: string;
  readonly sql: string;
  readonly grouping: boolean;
  readonly concurrency: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const conn = await connect(
  `BaseURL=${args.url};OAuthAccessToken=${args.token};BusinessAccountId=${args.account};MaxConcurrentRequests=${args.concurrency};Timeout=0`,
  { grouping: args.grouping },
);
const started = performance.now();
let rows = 0;
for await (const row of conn.stream(args.sql)) {
  void row;
  rows++;
}
const ms = performance.now() - started;
const stats = conn.stats;
await conn.close();
process.stdout.write(`${JSON.stringify({ rows, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, clientRequests: stats.requests, pacingMs: stats.pacingMs, rateLimitWaits: stats.rateLimitWaits, retries: stats.retries })}\n`);
