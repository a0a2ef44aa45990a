/**
 * Faults end to end: 1,000 SQL queries through connect() against the sandbox while 10 % of its
 * HTTP answers are injected faults (5xx with codes 1/2, 503 without an envelope, connection resets
 * mid-body, bodies that stall past Timeout, rate-limit codes 4/17/32/613/80002, is_transient).
 * Every query must return exactly the rows of a fault-free run, or fail with a typed IgsqlError;
 * none may hang (the test's own timeout is the overall guard) or return a partial result.
 * Backoff, rate-limit and pacing sleeps run on an injected clock (they return at once and move
 * igsql's time forward), so the run takes tens of seconds; what those waits are worth is proven in
 * pacing.test.ts. Timeouts, resets and stalled bodies are real.
 */
import { test } from 'node:test';
import { createServer, type AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { connect, IgsqlError, type Connection } from '../../../src/index.js';
import type { Clock } from '../../../src/http/retry.js';
import { startSandbox, type FaultSpec } from '../../../src/sandbox/index.js';

const QUERIES = 1000;
const WORKERS = 8;
/** Small pages, so a query is several requests and a fault can hit its second or third page. */
const PROPS = 'Timeout=3;Pagesize=7;MaxRetries=3';
const STATEMENTS = [
  'SELECT Id, Caption, MediaType FROM Media ORDER BY Id LIMIT 20',
  'SELECT Id, Name FROM Page ORDER BY Id',
  'SELECT MediaType, COUNT(*) AS N FROM Media GROUP BY MediaType ORDER BY MediaType',
];
const OTHER: FaultSpec[] = [
  { kind: 'server-error', code: 1 },
  { kind: 'server-error', code: 2 },
  'unavailable',
  'reset',
  { kind: 'slow-body', stallMs: 4000, afterBytes: 10 },
  'transient',
];
const RATE_LIMITS = ([4, 17, 32, 613, 80002] as const).map((code): FaultSpec => ({ kind: 'rate-limit', code, regainMinutes: 1 }));
/** Drawn uniformly: the other kinds twice, so rate limits (each slows every query after it) are ~30 %. */
const KINDS: FaultSpec[] = [...OTHER, ...OTHER, ...RATE_LIMITS];
const TYPED = new Set(['graph', 'rate-limit', 'network', 'timeout']);

/** Real time plus every sleep so far: sleeps return at once. */
function skippingClock(): Clock & { slept: number } {
  const clock = {
    slept: 0,
    now: () => Date.now() + clock.slept,
    random: Math.random,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      clock.slept += ms;
    },
  };
  return clock;
}

async function runAll(conn: Connection, onResult: (i: number, result: unknown[] | IgsqlError) => void): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < QUERIES) {
        const i = next++;
        try {
          onResult(i, (await conn.query(STATEMENTS[i % STATEMENTS.length]!)).rows);
        } catch (error) {
          if (!(error instanceof IgsqlError)) throw new Error(`query ${i} failed with an untyped error`, { cause: error });
          onResult(i, error);
        }
      }
    }),
  );
}

test('1,000 queries with 10 % injected faults: exact rows or a typed error, never a hang', { timeout: 300_000 }, async () => {
  const sb = await startSandbox({ port: 0, faults: { rate: 0, kinds: KINDS, seed: 6 } });
  const clock = skippingClock();
  const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};${PROPS}`, { clock });
  try {
    const expected: unknown[][] = [];
    for (const sql of STATEMENTS) expected.push((await conn.query(sql)).rows);
    assert.ok(expected.every((rows) => rows.length > 0));
    assert.equal(expected[0]!.length, 20);

    sb.faults.setRate(0.1);
    sb.resetCounts();
    sb.faults.resetCounts();
    let exact = 0;
    const errors: Record<string, number> = {};
    await runAll(conn, (i, result) => {
      if (result instanceof IgsqlError) {
        assert.ok(TYPED.has(result.code), `query ${i}: unexpected error code ${result.code}: ${result.message}`);
        errors[result.code] = (errors[result.code] ?? 0) + 1;
        return;
      }
      assert.deepEqual(result, expected[i % STATEMENTS.length], `query ${i} returned other rows than the fault-free run`);
      exact++;
    });
    const { total, byKind: injected } = sb.faults.counts();
    const requests = Object.values(sb.counts()).reduce((a, b) => a + b, 0);
    console.log(`# faults: ${JSON.stringify(injected)} in ${requests} requests; ${exact} exact, errors ${JSON.stringify(errors)}; stats ${JSON.stringify(conn.stats)}; ${Math.round(clock.slept / 1000)} s of waits skipped`);
    // evidence the run really was faulty
    assert.ok(total >= requests * 0.05, `only ${total} faults in ${requests} requests: ${JSON.stringify(injected)}`);
    for (const kind of ['server-error', 'reset', 'slow-body', 'rate-limit', 'transient', 'unavailable']) assert.ok(injected[kind as keyof typeof injected] > 0, `no ${kind} fault was injected`);
    assert.equal(exact + Object.values(errors).reduce((a, b) => a + b, 0), QUERIES);
    // retries turn most faults into right answers (a loose floor: on a loaded machine more queries
    // run past Timeout, which is a right answer too)
    assert.ok(exact > QUERIES / 4, `only ${exact} of ${QUERIES} queries succeeded: ${JSON.stringify(errors)}`);
    assert.ok(conn.stats.retries > 0);
  } finally {
    await conn.close();
    await sb.stop();
  }
});

test('a server or proxy that accepts the connection and never answers ends in a timeout error, not a hang', { timeout: 60_000 }, async () => {
  const silent = createServer((socket) => socket.on('error', () => undefined)); // reads, never writes
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  try {
    for (const props of [`BaseURL=http://127.0.0.1:${port}`, `BaseURL=http://127.0.0.1:${port + 1};ProxyServer=127.0.0.1;ProxyPort=${port};ProxySSLType=TUNNEL`, `BaseURL=http://127.0.0.1:${port + 1};FirewallType=SOCKS5;FirewallServer=127.0.0.1;FirewallPort=${port}`]) {
      const conn = await connect(`${props};OAuthAccessToken=EAAnotARealToken0000;BusinessAccountId=17841400000000001;Timeout=1;MaxRetries=1`);
      try {
        await assert.rejects(conn.query('SELECT Id FROM Media LIMIT 1'), (e: unknown) => e instanceof IgsqlError && e.code === 'timeout', props);
      } finally {
        await conn.close();
      }
    }
  } finally {
    silent.close();
  }
});
