/**
 * Rate-limit pacing end to end: connect() + SQL against the sandbox with small rate-limit budgets.
 * The sandbox and igsql share one virtual clock (igsql's sleeps move it), so the test asserts on
 * the sandbox's request log and the clock, never on wall time:
 * - usage headers above 80 % make igsql slow down BEFORE the budget is used up (no call refused);
 * - over-budget codes (80002 with estimated_time_to_regain_access, 4 without) are waited out and
 *   the query goes on with exactly the right rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import type { Clock } from '../../../src/http/retry.js';
import { createManualClock, startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';

interface Shared {
  sb: Sandbox;
  conn: Connection;
  account: string;
  /** [virtual time when igsql began to sleep, ms slept] */
  sleeps: Array<[number, number]>;
  now(): number;
}

async function setup(options: SandboxOptions, props = 'Timeout=300;MaxRetries=3', scoped = true): Promise<Shared> {
  const time = createManualClock(Date.now());
  const sleeps: Array<[number, number]> = [];
  const clock: Clock = {
    now: () => time.now(),
    random: () => 0.5,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push([time.now(), ms]);
      time.advance(ms);
    },
  };
  const sb = await startSandbox({ port: 0, clock: time, ...options });
  const probe = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  const account = String((await probe.query('SELECT InstagramBusinessAccountId AS Id FROM Page WHERE InstagramBusinessAccountId IS NOT NULL ORDER BY Id LIMIT 1')).rows[0]!['Id']);
  await probe.close();
  const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};${scoped ? `BusinessAccountId=${account};` : ''}${props}`, { clock });
  sb.resetCounts();
  return { sb, conn, account, sleeps, now: () => time.now() };
}

const SQL = 'SELECT Id FROM Media ORDER BY Timestamp DESC LIMIT 2';

test('usage above 80 % slows igsql down before the budget is used up: no call is ever refused', { timeout: 120_000 }, async () => {
  const s = await setup({ rateLimit: { windowMs: 20_000, bucCalls: 20 } });
  try {
    const expected = (await s.conn.query(SQL)).rows;
    for (let i = 0; i < 59; i++) assert.deepEqual((await s.conn.query(SQL)).rows, expected);
    const media = s.sb.requests.filter((r) => /^\/v[0-9.]+\/[0-9]+\/media$/.test(r.path));
    assert.equal(media.length, 60, 'one request per query');
    assert.deepEqual(media.filter((r) => r.status !== 200).map((r) => r.errorCode), [], 'the sandbox never throttled igsql');
    assert.ok(s.sleeps.length > 0, 'igsql slowed down');
    // the first slow-down came after the 17th call of the window (85 % usage), before the 20th
    const first = s.sleeps[0]![0];
    const before = media.filter((r) => r.at <= first && r.at > first - 20_000).length;
    assert.ok(before >= 17 && before < 20, `first pacing delay after ${before} calls in the window`);
    // and the delay grows with usage: 85 % → 2.5 s, 90 % → 5 s, 95 % → 7.5 s (linear from 80 % to 10 s at 100 %)
    assert.deepEqual(s.sleeps.slice(0, 3).map(([, ms]) => ms), [2500, 5000, 7500]);
    const stats = s.conn.stats;
    assert.equal(stats.pacingDelays, s.sleeps.length);
    assert.equal(stats.rateLimitWaits, 0);
  } finally {
    await s.conn.close();
    await s.sb.stop();
  }
});

test('over-budget codes wait for estimated_time_to_regain_access (or back off) and then go on', { timeout: 120_000 }, async () => {
  const s = await setup({
    faults: {
      script: [
        { match: { path: '/{ig-user-id}/media', nth: 3 }, fault: { kind: 'rate-limit', code: 80002, regainMinutes: 1 } },
        { match: { path: '/{ig-user-id}/media', nth: 6 }, fault: { kind: 'rate-limit', code: 4 } },
      ],
    },
  });
  try {
    const results: unknown[] = [];
    for (let i = 0; i < 6; i++) results.push((await s.conn.query(SQL)).rows);
    for (const rows of results) assert.deepEqual(rows, results[0]);
    const media = s.sb.requests.filter((r) => /^\/v[0-9.]+\/[0-9]+\/media$/.test(r.path));
    assert.deepEqual(media.map((r) => r.errorCode ?? r.status), [200, 200, 80002, 200, 200, 4, 200, 200]);
    // 80002: the API said 1 minute; igsql waited exactly that, then sent the request again
    assert.ok(s.sleeps.some(([, ms]) => ms === 60_000), JSON.stringify(s.sleeps));
    assert.ok(media[3]!.at - media[2]!.at >= 60_000, 'the retry came after estimated_time_to_regain_access');
    // 4 (app limit, no estimate): a backoff wait, then on
    assert.ok(media[6]!.at > media[5]!.at, 'a wait after code 4');
    assert.equal(s.conn.stats.rateLimitWaits, 2);
  } finally {
    await s.conn.close();
    await s.sb.stop();
  }
});

test('the account lookup shared by queries keeps to the query deadline: a wait past it fails at once', { timeout: 60_000 }, async () => {
  // the first /me/accounts is the setup's probe; the second is the lookup of the connection under test
  const s = await setup({ faults: { script: [{ match: { path: '/me/accounts', nth: 2 }, fault: { kind: 'rate-limit', code: 80002, regainMinutes: 1 } }] } }, 'Timeout=30', false);
  try {
    await assert.rejects(s.conn.query(SQL), (e: unknown) => (e as { code?: string }).code === 'rate-limit' && /past the query deadline/.test((e as Error).message));
    assert.deepEqual(s.sleeps, [], 'no 60 s wait inside a 30 s query');
    assert.ok((await s.conn.query(SQL)).rows.length > 0, 'the next query looks the accounts up again and goes on');
  } finally {
    await s.conn.close();
    await s.sb.stop();
  }
});
