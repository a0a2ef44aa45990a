/**
 * Faults end to end: 1,000 SQL queries through connect() against the sandbox while 10 % of its
 * HTTP answers are injected faults (5xx with codes 1/2, 503 without an envelope, connection resets
 * mid-body, bodies that stall past Timeout, rate-limit codes 4/17/32/613/80002, is_transient).
 * Every query must return exactly the rows of a fault-free run, or fail with a typed IgsqlError;
 * none may hang (the test's own timeout is the overall guard) or return a partial result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, IgsqlError, type Connection } from '../../../src/index.js';
import { startSandbox, type FaultSpec } from '../../../src/sandbox/index.js';

const QUERIES = 1000;
const WORKERS = 8;
/** Small pages, so a query is several requests and a fault can hit its second or third page. */
const PROPS = 'Timeout=2;Pagesize=7;MaxRetries=3';
const STATEMENTS = [
  'SELECT Id, Caption, MediaType FROM Media ORDER BY Id LIMIT 20',
  'SELECT Id, Name FROM Page ORDER BY Id',
  'SELECT MediaType, COUNT(*) AS N FROM Media GROUP BY MediaType ORDER BY MediaType',
];
const KINDS: FaultSpec[] = [
  { kind: 'server-error', code: 1 },
  { kind: 'server-error', code: 2 },
  'unavailable',
  'reset',
  { kind: 'slow-body', stallMs: 2500, afterBytes: 10 },
  'transient',
  ...([4, 17, 32, 613, 80002] as const).map((code): FaultSpec => ({ kind: 'rate-limit', code, regainMinutes: 1 })),
];
const TYPED = new Set(['graph', 'rate-limit', 'network', 'timeout']);

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
  const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};${PROPS}`);
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
    // evidence the run really was faulty, and that retries turned most faults into right answers
    assert.ok(total >= requests * 0.05, `only ${total} faults in ${requests} requests: ${JSON.stringify(injected)}`);
    for (const kind of ['server-error', 'reset', 'slow-body', 'rate-limit', 'transient', 'unavailable']) assert.ok(injected[kind as keyof typeof injected] > 0, `no ${kind} fault was injected`);
    assert.equal(exact + Object.values(errors).reduce((a, b) => a + b, 0), QUERIES);
    assert.ok(exact > QUERIES * 0.7, `only ${exact} of ${QUERIES} queries succeeded: ${JSON.stringify(errors)}`);
    console.log(`# faults: ${JSON.stringify(injected)} in ${requests} requests; ${exact} exact, errors ${JSON.stringify(errors)}; stats ${JSON.stringify(conn.stats)}`);
  } finally {
    await conn.close();
    await sb.stop();
  }
});
