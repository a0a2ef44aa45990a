/**
 * Insights nested in the grouped media read (src/schema/insights/nested-insights.ts): one request
 * when every metric applies to every media type; a group the API refuses falls back to the
 * separate, per-type insights reads, so the good media keep their metrics.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let conn: Connection;
let ids: string[];
before(async () => {
  sb = await startSandbox({ seed: 42, media: 60, comments: 0 });
  const account = sb.core.data.world.igAccounts[0]!;
  ids = sb.core.data.mediaList(account).slice(0, 3).map((m) => m.id);
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};BusinessAccountId=${account.id}`);
});
after(async () => {
  await conn.close();
  await sb.stop();
});

const inList = (list: readonly string[]) => list.map((id) => `'${id}'`).join(', ');

test('metrics every media type has come nested in the one grouped read', async () => {
  sb.resetCounts();
  const { rows } = await conn.query(`SELECT MediaId, Reach, Views FROM MediaInsights WHERE MediaId IN (${inList(ids)})`);
  assert.equal(rows.length, 3);
  for (const row of rows) assert.equal(typeof row['Reach'], 'number');
  assert.deepEqual(sb.counts(), { 'GET /?ids': 1 });
  assert.match(sb.requests[0]!.params['fields'] ?? '', /owner,insights\.metric\(views,reach\)$/);
});

test('a metric some media types lack is not nested (asked per type instead)', async () => {
  sb.resetCounts();
  const { rows } = await conn.query(`SELECT MediaId, Follows FROM MediaInsights WHERE MediaId IN (${inList(ids)})`);
  assert.equal(rows.length, 3);
  const header = sb.requests.filter((r) => (r.params['fields'] ?? '').includes('owner'));
  assert.equal(header.length, 1);
  assert.ok(!(header[0]!.params['fields'] ?? '').includes('insights'));
  assert.ok(sb.requests.some((r) => (r.params['fields'] ?? '').includes('insights.metric(follows)') || r.params['metric'] === 'follows'));
});

test('a refused group (an id that does not exist) falls back: the real media still get their metrics', async () => {
  const { rows } = await conn.query(`SELECT MediaId, Reach FROM MediaInsights WHERE MediaId IN (${inList([...ids, '17999999999999999'])})`);
  assert.deepEqual(rows.map((r) => r['MediaId']).sort(), [...ids].sort());
  for (const row of rows) assert.equal(typeof row['Reach'], 'number');
});
