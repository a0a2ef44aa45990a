/**
 * The sandboxes the benchmark runs against (in the parent process, so the clients' RSS is their
 * own), their facts (for the lower bounds), and an exact count of the HTTP requests each answers
 * (batch operations are dispatched internally and are not HTTP requests).
 */
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { RequestLogEntry } from '../src/sandbox/index.js';
import type { GraphResponse } from '../src/sandbox/http/reply.js';
import type { Facts, SandboxKey, Sizes } from './workloads.js';

export interface BenchSandbox {
  readonly sandbox: Sandbox;
  readonly account: string;
  /** HTTP requests since the last reset. */
  http(): number;
  reset(): void;
  /** Answers from memory (W7m): off until a workload turns it on. */
  readonly memo: Memo;
}

export interface Memo {
  on: boolean;
  /** GETs answered by rendering (not from memory) since `clear`. */
  misses(): number;
  clear(): void;
}

/**
 * While `on`, the sandbox answers a GET (a batch's operations included) that it has answered
 * before from memory: the same status, headers and bytes, without rendering them again. Latency,
 * rate limits, faults and the request log come before it in the middleware chain and apply as
 * usual. W7m uses it to leave the sandbox's own work (~5–7 s of CPU for W7's million comments, on
 * the two cores igsql also runs on) out of the measurement, which the lower bound assumes.
 */
function memoize(sandbox: Sandbox): Memo {
  const answers = new Map<string, GraphResponse>();
  let misses = 0;
  const memo: Memo = {
    on: false,
    misses: () => misses,
    clear() {
      answers.clear();
      misses = 0;
    },
  };
  sandbox.core.use(async (ctx, next) => {
    if (!memo.on || ctx.method !== 'GET') return next();
    const params = ctx.paramOrder.filter((name) => name !== 'access_token').map((name) => `${name}=${ctx.params[name]}`);
    const key = `${ctx.token ?? ''} ${ctx.version}${ctx.path}?${params.join('&')}`;
    const known = answers.get(key);
    if (known !== undefined) return { ...known, headers: { ...known.headers } };
    misses++;
    const response = await next();
    // the JSON value is only for batch references and tests: the bytes are the answer
    if (response.status === 200 && response.send === undefined) answers.set(key, { ...response, headers: { ...response.headers }, json: undefined });
    return response;
  });
  return memo;
}

async function open(options: Parameters<typeof startSandbox>[0]): Promise<BenchSandbox> {
  const sandbox = await startSandbox(options);
  let http = 0;
  const log = sandbox.core.log as unknown as { record(entry: RequestLogEntry): void };
  const record = log.record.bind(log);
  log.record = (entry) => {
    if (entry.source === 'http') {
      http++;
    }
    record(entry);
  };
  return {
    sandbox,
    account: sandbox.core.data.world.igAccounts[0]!.id,
    http: () => http,
    reset() {
      http = 0;
      sandbox.resetCounts();
    },
    memo: memoize(sandbox),
  };
}

/** Media of the first account's newest `n` (seeded, deterministic for the same total). */
function mediaOf(bench: BenchSandbox) {
  const data = bench.sandbox.core.data;
  const account = data.world.igAccounts[0]!;
  return data.mediaList(account).slice(0, account.mediaTotal);
}

export async function openSandboxes(sizes: Sizes): Promise<{ boxes: Record<SandboxKey, BenchSandbox>; facts: Facts; albums: number }> {
  const main = await open({ media: sizes.media, comments: sizes.media * sizes.commentsPerMedia });
  // W5: the smallest account whose newest media hold `albums` carousels.
  let albumsMedia = sizes.albums * 3;
  {
    const probe = await open({ media: sizes.albums * 6, comments: 0 });
    let seen = 0;
    for (const m of mediaOf(probe)) {
      if (m.mediaType === 'CAROUSEL_ALBUM' && ++seen === sizes.albums) {
        albumsMedia = m.index + 1;
        break;
      }
    }
    await probe.sandbox.stop();
  }
  const albumsBox = await open({ media: albumsMedia, comments: 0 });
  const albums = mediaOf(albumsBox).filter((m) => m.mediaType === 'CAROUSEL_ALBUM').length;
  const big = await open({ media: sizes.bigMedia, comments: 0 });
  const comments = await open({ media: sizes.w7Media, comments: sizes.w7Comments });
  const data = comments.sandbox.core.data;
  const account = data.world.igAccounts[0]!;
  // W7's fewest sequential rounds: media i arrives with media page ⌊i/100⌋ + 1 holding its first 50
  // top-level comments; each further 50 need one more round, in sequence (each page's cursor comes
  // with the previous page); everything else can overlap
  let over = 0;
  let w7Rounds = Math.max(1, Math.ceil(account.mediaTotal / 100));
  for (let i = 0; i < account.mediaTotal; i++) {
    const topLevel = data.commentGenerator.plan(account, i).topLevel;
    if (topLevel > 50) over++;
    w7Rounds = Math.max(w7Rounds, Math.floor(i / 100) + 1 + Math.max(0, Math.ceil(topLevel / 50) - 1));
  }
  const facts: Facts = { mainMedia: sizes.media, albumsMedia, bigMedia: sizes.bigMedia, w7Media: sizes.w7Media, w7MediaOverPage: over, w7Rounds };
  return { boxes: { main, albums: albumsBox, big, comments }, facts, albums };
}

export async function closeSandboxes(boxes: Record<SandboxKey, BenchSandbox>): Promise<void> {
  await Promise.all(Object.values(boxes).map((b) => b.sandbox.stop()));
}
