import { connect } from './src/index.js';
import { startSandbox } from './src/sandbox/index.js';
const sb = await startSandbox({ port: 0, seed: 7, size: 'small', clock: () => Date.UTC(2026, 4, 20, 12) });
const conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
for (const sql of ["SELECT Id, AccountId, MediaType, MediaProductType, Timestamp FROM Media ORDER BY Timestamp DESC LIMIT 6", "SELECT CommentId, COUNT(*) FROM Replies GROUP BY CommentId LIMIT 3", "SELECT MediaId, COUNT(*) FROM Comments GROUP BY MediaId LIMIT 3", "SELECT Id, Username FROM Account", "SELECT MIN(Timestamp), MAX(Timestamp) FROM Media"]) {
  console.log(JSON.stringify((await conn.query(sql)).rows));
}
await conn.close(); await sb.stop();
