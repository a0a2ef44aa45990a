/** The fixed-input AccountInsights views (ours and CData's names) agree with AccountInsights. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let conn: Connection;
const WINDOW = "Since = '2026-05-01' AND Until = '2026-05-04'";
before(async () => {
  sb = await startSandbox({ port: 0, seed: 7, size: 'small', clock: () => Date.UTC(2026, 4, 20, 12) });
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
});
after(async () => {
  await conn.close();
  await sb.stop();
});

const rows = async (sql: string) => (await conn.query(sql)).rows.map((r) => JSON.stringify(r)).sort();

test('CData breakdown views are AccountInsights with the breakdown set', async () => {
  for (const [name, breakdown] of [['AccountFollowType', 'follow_type'], ['AccountMediaProductType', 'media_product_type'], ['AccountContactButtonType', 'contact_button_type'], ['AccountInsightsByFollowType', 'follow_type']]) {
    const variant = await rows(`SELECT * FROM ${name} WHERE ${WINDOW}`);
    const general = await rows(`SELECT * FROM AccountInsights WHERE Breakdown = '${breakdown}' AND ${WINDOW}`);
    assert.ok(variant.length > 0, `${name} has rows`);
    assert.deepEqual(variant, general, name);
  }
});

test('AccountWithoutBreakdown is AccountInsights with metric_type=total_value', async () => {
  const variant = await rows(`SELECT * FROM AccountWithoutBreakdown WHERE ${WINDOW}`);
  assert.ok(variant.length > 0);
  assert.deepEqual(variant, await rows(`SELECT * FROM AccountInsights WHERE MetricType = 'total_value' AND ${WINDOW}`));
});

test('daily views read total values one day at a time', async () => {
  const accounts = (await conn.query('SELECT COUNT(*) AS N FROM Account')).rows[0]!['N'] as number;
  sb.resetCounts();
  const { rows: daily } = await conn.query(`SELECT StartTime, EndTime, BreakdownValue, Value FROM AccountTimeSeriesFollowType WHERE Metric = 'reach' AND ${WINDOW}`);
  assert.equal(sb.counts()['GET /{ig-user-id}/insights'], accounts * 3, 'one request per account and day');
  const days = new Set(daily.map((r) => (r['StartTime'] as Date).toISOString()));
  assert.deepEqual([...days].sort(), ['2026-05-01T00:00:00.000Z', '2026-05-02T00:00:00.000Z', '2026-05-03T00:00:00.000Z']);
  for (const r of daily) assert.equal((r['EndTime'] as Date).getTime() - (r['StartTime'] as Date).getTime(), 86_400_000);
  assert.ok(daily.some((r) => r['BreakdownValue'] === 'FOLLOWER') && daily.some((r) => r['BreakdownValue'] === 'NON_FOLLOWER'));
  const all = await conn.query(`SELECT Metric, MetricType, COUNT(*) AS N FROM AccountInsightsDaily WHERE ${WINDOW} GROUP BY Metric, MetricType`);
  const views = all.rows.find((r) => r['Metric'] === 'views');
  assert.equal(views?.['MetricType'], 'total_value');
  assert.equal(Number(views?.['N']), accounts * 3, 'one views total per account and day');
  assert.ok(all.rows.some((r) => r['Metric'] === 'follower_count' && r['MetricType'] === 'time_series'));
});

test("without Since/Until the default window ends at the connection clock's now (an injected clock moves it)", async () => {
  const fixed = Date.UTC(2026, 4, 20, 12);
  const clock = { now: () => fixed, sleep: async () => {}, random: () => 0.5 };
  const clocked = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`, { clock });
  try {
    const { rows: latest } = await clocked.query("SELECT MAX(EndTime) AS Last FROM AccountInsights WHERE Metric = 'reach'");
    const last = latest[0]!['Last'] as Date;
    assert.ok(last instanceof Date, 'the default window has rows on the sandbox timeline');
    assert.ok(Math.abs(last.getTime() - fixed) <= 2 * 86_400_000, `last EndTime ${last.toISOString()} is near the clock's now`);
  } finally {
    await clocked.close();
  }
});
