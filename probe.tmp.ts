import { connect } from './src/index.js';
import { startSandbox } from './src/sandbox/index.js';
const sb = await startSandbox({ port: 0, seed: 7, size: 'small' });
const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
const tries = [
 'SELECT MediaType, MediaProductType, COUNT(*), COUNT(Reach), COUNT(Impressions), COUNT(Plays), COUNT(VideoViews), COUNT(Shares), COUNT(FacebookViews), COUNT(Reposts), COUNT(ReelsSkipRate) FROM MediaInsights GROUP BY MediaType, MediaProductType',
 'SELECT COUNT(*) FROM Media', 'SELECT COUNT(*) FROM Stories',
];
for (const sql of tries) {
  sb.resetCounts();
  try { const r = await conn.query(sql); console.log('OK ', sql, '→', r.rowCount, JSON.stringify(r.rows), JSON.stringify(sb.counts())); }
  catch (e) { console.log('ERR', sql, '→', (e as Error).message.slice(0, 300)); }
}
console.log(sb.requests.filter(r => r.status >= 400).map(r => `${r.endpoint} ${r.errorCode} ${JSON.stringify(r.params).slice(0,150)}`).slice(0, 10));
await conn.close(); await sb.stop();
