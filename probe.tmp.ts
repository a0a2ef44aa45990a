import { connect } from './src/index.js';
import { startSandbox } from './src/sandbox/index.js';
const sb = await startSandbox({ port: 0, seed: 7, size: 'small', clock: () => Date.UTC(2026, 4, 20, 12) });
const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
const tries = [
 'SELECT * FROM AccountContactButtonType', 'SELECT * FROM AccountFollowType', 'SELECT * FROM AccountMediaProductType', "SELECT COUNT(*), COUNT(DISTINCT Metric), MIN(EndTime), MAX(EndTime) FROM AccountTimeSeriesWithoutBreakdown WHERE Since = '2026-05-01' AND Until = '2026-05-08'", 'SELECT * FROM AccountWithoutBreakdown', "SELECT * FROM AccountTimeSeriesFollowType WHERE Since = '2026-05-01' AND Until = '2026-05-04'", "SELECT COUNT(*) FROM AccountTimeSeriesMediaProductType WHERE Since = '2026-05-01' AND Until = '2026-05-04'",
 "SELECT * FROM AccountFollowType WHERE Breakdown = 'media_product_type'",
];
for (const sql of tries) {
  sb.resetCounts();
  try { const r = await conn.query(sql); console.log('OK ', sql, '→', r.rowCount, JSON.stringify(r.rows.slice(0, 2)).slice(0, 400), JSON.stringify(sb.counts())); }
  catch (e) { console.log('ERR', sql, '→', (e as Error).message.slice(0, 300)); }
}
await conn.close(); await sb.stop();
