import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { connect, IgsqlError, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let conn: Connection;
before(async () => {
  sb = await startSandbox({ port: 0 });
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
});
after(async () => {
  await conn.close();
  await sb.stop();
});

test('SELECT * FROM Page finds the account ids', async () => {
  const { columns, rows, rowCount } = await conn.query('SELECT * FROM Page');
  assert.ok(columns.some((c) => c.name === 'InstagramBusinessAccountId'));
  assert.equal(rowCount, rows.length);
  assert.ok(rows.some((r) => typeof r['InstagramBusinessAccountId'] === 'string'));
});

test('joins, aggregates, ORDER BY, LIMIT and parameters run end to end', async () => {
  const top = await conn.query(
    'SELECT m.Id, COUNT(c.Id) AS N FROM Media m LEFT JOIN Comments c ON c.MediaId = m.Id WHERE m.MediaType <> ? GROUP BY m.Id ORDER BY N DESC, m.Id LIMIT 3',
    ['VIDEO'],
  );
  assert.equal(top.rowCount, 3);
  assert.ok(Number(top.rows[0]!['N']) >= Number(top.rows[2]!['N']));
  const named = await conn.query('SELECT COUNT(*) AS N FROM Media WHERE MediaType = @type', { type: 'CAROUSEL_ALBUM' });
  assert.ok(Number(named.rows[0]!['N']) > 0);
});

test('MediaInsights joined to Media groups its requests', async () => {
  sb.resetCounts();
  const { rows } = await conn.query('SELECT m.Id, m.MediaType, i.Reach, i.Views FROM Media m JOIN MediaInsights i ON i.MediaId = m.Id');
  const media = await conn.query('SELECT COUNT(*) AS N FROM Media');
  assert.equal(rows.length, media.rows[0]!['N']);
  for (const r of rows) assert.equal(typeof r['Reach'], 'number');
  const insightsCalls = Object.entries(sb.counts()).filter(([k]) => k.includes('insights')).reduce((n, [, v]) => n + v, 0);
  assert.equal(insightsCalls, 0, 'no per-media insights call');
});

test('a LIMIT on the newest media stops after one page', async () => {
  const account = (await conn.query('SELECT Id FROM Account LIMIT 1')).rows[0]!['Id'];
  sb.resetCounts();
  const { rows } = await conn.query('SELECT Id, Timestamp FROM Media WHERE AccountId = ? ORDER BY Timestamp DESC LIMIT 2', [account]);
  assert.equal(rows.length, 2);
  assert.deepEqual(sb.counts(), { 'GET /{ig-user-id}/media': 1 });
});

test('stream() yields rows and stops the Graph requests when left early', async () => {
  let n = 0;
  for await (const row of conn.stream('SELECT Id FROM Comments')) {
    assert.equal(typeof row['Id'], 'string');
    if (++n === 3) break;
  }
  assert.equal(n, 3);
  // nothing is asked after the loop is left (the read-ahead in flight is cancelled)
  await new Promise((r) => setTimeout(r, 50));
  const after = JSON.stringify(sb.counts());
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(JSON.stringify(sb.counts()), after);
});

test('a stream is read once; next() calls made without waiting get the rows in order', async () => {
  const all = (await conn.query('SELECT Id FROM Media')).rows.map((r) => r['Id']);
  const stream = conn.stream('SELECT Id FROM Media');
  const iterator = stream[Symbol.asyncIterator]();
  const results = await Promise.all(Array.from({ length: all.length + 2 }, () => iterator.next()));
  assert.deepEqual(results.filter((r) => !r.done).map((r) => r.value['Id']), all);
  assert.deepEqual(results.slice(-2).map((r) => r.done), [true, true]);
  await assert.rejects(
    (async () => {
      for await (const row of stream) void row;
    })(),
    (e: unknown) => e instanceof IgsqlError && e.code === 'usage' && /read once/.test(e.message),
  );
});

test('sys_connection_props masks secrets', async () => {
  const { rows } = await conn.query("SELECT Value FROM sys_connection_props WHERE Name = 'OAuthAccessToken'");
  assert.equal(rows[0]!['Value'], '****');
  assert.ok(!inspect(conn).includes(sb.tokens.longLivedUser));
  assert.ok(!String(conn).includes(sb.tokens.longLivedUser));
});

test('errors are typed and name the bad thing', async () => {
  await assert.rejects(conn.query('SELECT * FROM Mediaa'), (e: unknown) => e instanceof IgsqlError && e.code === 'sql-plan' && /Media/.test(e.message));
  await assert.rejects(conn.query('SELECT Captionn FROM Media'), (e: unknown) => e instanceof IgsqlError && /Caption/.test(e.message));
  await assert.rejects(conn.query('SELEC 1'), (e: unknown) => e instanceof IgsqlError && e.code === 'sql-parse');
});

test('a closed connection refuses queries', async () => {
  const other = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  await other.close();
  assert.throws(() => other.stream('SELECT 1'), (e: unknown) => e instanceof IgsqlError && e.code === 'closed');
});

test('MaxRows caps non-aggregate queries and Timeout bounds a query', async () => {
  const capped = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};MaxRows=4`);
  assert.equal((await capped.query('SELECT Id FROM Media')).rowCount, 4);
  assert.equal((await capped.query('SELECT COUNT(*) AS N FROM Media')).rowCount, 1);
  await capped.close();
  const slow = await startSandbox({ port: 0, latencyMs: 1500 });
  const hurried = await connect(`BaseURL=${slow.url};OAuthAccessToken=${slow.tokens.longLivedUser};Timeout=1`);
  await assert.rejects(hurried.query('SELECT * FROM Media'), (e: unknown) => e instanceof IgsqlError && e.code === 'timeout');
  await hurried.close();
  await slow.stop();
});
