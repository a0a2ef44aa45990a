/** HashtagMedia: names searched (at once), each hashtag's edges read in order, the next asked meanwhile. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let conn: Connection;
before(async () => {
  sb = await startSandbox({ port: 0, seed: 11 });
  const account = sb.core.data.world.igAccounts[0]!.id;
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};BusinessAccountId=${account}`);
});
after(async () => {
  await conn.close();
  await sb.stop();
});

test('HashtagMedia over several names and both edges: rows grouped by hashtag then edge, in the order given; searches and first pages overlap', async () => {
  sb.setLatency(150);
  try {
    const start = sb.requests.length;
    const result = await conn.query("SELECT HashtagName, Edge, Id FROM HashtagMedia WHERE HashtagName IN ('coffee', 'latte') AND Edge IN ('top', 'recent')");
    const groups = result.rows.map((r) => `${String(r['HashtagName'])}/${String(r['Edge'])}`).filter((g, i, all) => i === 0 || all[i - 1] !== g);
    assert.deepEqual(groups, ['coffee/top', 'coffee/recent', 'latte/top', 'latte/recent']);
    const http = sb.requests.slice(start).filter((r) => r.source === 'http');
    const searches = http.filter((r) => r.path.endsWith('/ig_hashtag_search'));
    assert.equal(searches.length, 2);
    assert.ok(searches[1]!.at < searches[0]!.at + searches[0]!.durationMs, 'the second search does not wait for the first');
    const reads = http.filter((r) => /_media$/.test(r.path)).sort((a, b) => a.at - b.at);
    assert.ok(reads.length >= 4);
    assert.ok(reads[1]!.at < reads[0]!.at + reads[0]!.durationMs, 'the next edge is asked while the first is read');
  } finally {
    sb.setLatency(0);
  }
});

test('HashtagMedia under a LIMIT reads one edge at a time and stops', async () => {
  const start = sb.requests.length;
  const result = await conn.query("SELECT Id FROM HashtagMedia WHERE HashtagName = 'coffee' AND Edge IN ('top', 'recent') LIMIT 3");
  assert.equal(result.rowCount, 3);
  const reads = sb.requests.slice(start).filter((r) => r.source === 'http' && /_media$/.test(r.path));
  assert.equal(reads.length, 1, reads.map((r) => r.path).join(' '));
});
