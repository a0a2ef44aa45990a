/**
 * A metric the API rejects for some media (FacebookViews: only media shared to Facebook) or a
 * media type (ReelsSkipRate: reels only) is NULL there and never fails the query.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let conn: Connection;
before(async () => {
  sb = await startSandbox({ port: 0, seed: 7, size: 'small' });
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
});
after(async () => {
  await conn.close();
  await sb.stop();
});

test('metrics the API refuses for some media are NULL there, the others filled, every media present', async () => {
  const media = await conn.query('SELECT Id FROM Media');
  const { rows } = await conn.query('SELECT MediaId, MediaType, MediaProductType, Reach, Shares, FacebookViews, ReelsSkipRate FROM MediaInsights');
  assert.deepEqual(rows.map((r) => r['MediaId']).sort(), media.rows.map((r) => r['Id']).sort());
  for (const r of rows) {
    assert.equal(typeof r['Reach'], 'number', `Reach of ${String(r['MediaId'])}`);
    assert.equal(typeof r['Shares'], 'number', `Shares of ${String(r['MediaId'])}`);
    assert.equal(r['ReelsSkipRate'] !== null, r['MediaProductType'] === 'REELS', `ReelsSkipRate of ${String(r['MediaType'])}`);
  }
  const shared = rows.filter((r) => r['FacebookViews'] !== null).length;
  assert.ok(shared > 0 && shared < rows.length, `FacebookViews filled for ${shared} of ${rows.length}`);
});

test('an error that is not a refusal (a server error on the per-media reads) fails the query instead of giving NULLs', async () => {
  const faulty = await startSandbox({
    port: 0, seed: 7, size: 'small',
    faults: { script: [{ match: { path: '/{x}/insights' }, fault: { kind: 'server-error', code: 1 } }] },
  });
  const c = await connect(`BaseURL=${faulty.url};OAuthAccessToken=${faulty.tokens.longLivedUser};MaxRetries=0`);
  try {
    await assert.rejects(c.query('SELECT MediaId, Reach, FacebookViews FROM MediaInsights'), /Graph API error 1\b/);
    assert.ok(faulty.faults.counts().total > 0);
  } finally {
    await c.close();
    await faulty.stop();
  }
});
