/**
 * Child process: each workload written the way users write it today with Meta's Node SDK
 * (facebook-nodejs-business-sdk): page through the media, then one call per media for insights,
 * comments or carousel children, ten at a time. Prints one JSON line like igsql-worker.ts.
 */
import { createRequire } from 'node:module';
import { peakRssMb } from './peak-rss.js';

interface Args {
  readonly url: string;
  readonly token: string;
  readonly account: string;
  readonly workload: string;
  readonly runs?: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK ships no types */
const sdk: any = createRequire(import.meta.url)('facebook-nodejs-business-sdk');
const { FacebookAdsApi, IGUser, IGMedia, User } = sdk;
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => args.url, configurable: true });
FacebookAdsApi.init(args.token, 'en_US', false);

const CONCURRENCY = 10;

/** Every item of an SDK cursor (follows `next`). */
async function all(cursor: any): Promise<any[]> {
  const out: any[] = [...cursor];
  while (cursor.hasNext()) {
    const next = await cursor.next();
    out.push(...next);
  }
  return out;
}

/** The usual `p-limit`-style pool: ten calls in flight. */
async function pool<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  }));
  return results;
}

function metricsFor(media: any): string {
  if (media._data.media_product_type === 'REELS') return 'reach,views,shares';
  return 'reach,views,likes,saved,shares';
}

async function run(workload: string): Promise<number> {
  const user = new IGUser(args.account);
  const media = (fields: string[], limit = 100) => user.getMedia(fields, { limit }).then(all);
  switch (workload) {
    case 'W1':
      return (await all(await new User('me').getAccounts(['id', 'name', 'instagram_business_account'], { limit: 100 }))).length;
    case 'W2':
      return (await media(['id', 'caption', 'like_count'])).length;
    case 'W3': {
      const list = await media(['id', 'media_type', 'media_product_type']);
      const rows = await pool(list, async (m: any) => (await new IGMedia(m.id).getInsights(['name', 'values'], { metric: metricsFor(m) })).length);
      return rows.length;
    }
    case 'W4': {
      const list = await media(['id']);
      const counts = await pool(list, async (m: any) => (await all(await new IGMedia(m.id).getComments(['id'], { limit: 50 }))).length);
      return counts.filter((n) => n > 0).length;
    }
    case 'W5': {
      const albums = (await media(['id', 'media_type'])).filter((m: any) => m._data.media_type === 'CAROUSEL_ALBUM');
      const children = await pool(albums, async (m: any) => (await all(await new IGMedia(m.id).getChildren(['id', 'media_type', 'media_url'], {}))).length);
      return children.reduce((a, b) => a + b, 0);
    }
    case 'W6': {
      const first = await user.getMedia(['id', 'caption', 'timestamp'], { limit: 10 });
      return [...first].length;
    }
    default:
      throw new Error(`no SDK script for ${workload}`);
  }
}

// like igsql-worker.ts: with `runs: 2`, coldMs is the first run of the process, ms the second
const times: number[] = [];
let rows = 0;
for (let i = 0; i < (args.runs ?? 1); i++) {
  const started = performance.now();
  rows = await run(args.workload);
  times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({ rows, ms: times.at(-1), coldMs: times[0], runs: times.length, peakRssMb: peakRssMb() })}\n`);
