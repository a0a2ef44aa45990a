/**
 * Without BusinessAccountId, account-scoped views cover every IG account the token sees, with an
 * AccountId column; `AccountId = x` is pushed (only that account's endpoints are called).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
let conn: Connection;
let accounts: string[];
before(async () => {
  sb = await startSandbox({ port: 0, seed: 7, size: 'small' });
  conn = await connect(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  accounts = (await conn.query('SELECT Id FROM Account')).rows.map((r) => String(r['Id'])).sort();
});
after(async () => {
  await conn.close();
  await sb.stop();
});

const VIEWS = ['Media', 'Comments', 'MediaChildren', 'Stories', 'Tags', 'MediaInsights', 'AccountInsights', 'AudienceInsights', 'ContentPublishingLimit', 'AccountInsightsTotals'];

test('the token sees several IG accounts', () => {
  assert.ok(accounts.length >= 2, accounts.join(','));
});

for (const view of VIEWS) {
  test(`${view} covers every account, and AccountId = x reads only x`, async () => {
    const all = await conn.query(`SELECT DISTINCT AccountId FROM ${view}`);
    assert.deepEqual(all.rows.map((r) => String(r['AccountId'])).sort(), accounts);
    const [one, other] = accounts as [string, string];
    const start = sb.requests.length;
    const only = await conn.query(`SELECT AccountId FROM ${view} WHERE AccountId = ?`, [one]);
    assert.ok(only.rowCount > 0);
    assert.ok(only.rows.every((r) => r['AccountId'] === one));
    const paths = sb.requests.slice(start).map((r) => r.path);
    assert.ok(!paths.some((p) => p.includes(other)), `no request for ${other}: ${paths.join(' ')}`);
  });
}

for (const view of ['Stories', 'Tags', 'Comments', 'MediaChildren', 'Replies', 'MediaInsights']) {
  test(`${view}: the next account's first page is asked while the one before is read; rows stay grouped by account`, async () => {
    sb.setLatency(150);
    try {
      const start = sb.requests.length;
      const result = await conn.query(`SELECT AccountId FROM ${view}`);
      const order = result.rows.map((r) => String(r['AccountId']));
      const runs = order.filter((id, i) => i === 0 || order[i - 1] !== id);
      assert.equal(new Set(runs).size, runs.length, `one run of rows per account: ${runs.join(' ')}`);
      const http = sb.requests.slice(start).filter((r) => r.source === 'http');
      const firsts = accounts.map((id) => http.find((r) => r.path.includes(`/${id}/`))).filter((r) => r !== undefined);
      assert.equal(firsts.length, accounts.length, http.map((r) => r.path).join(' '));
      const [a, b] = [...firsts].sort((x, y) => x.at - y.at) as [(typeof firsts)[0], (typeof firsts)[0]];
      assert.ok(b.at < a.at + a.durationMs, `${b.path} asked at +${b.at - a.at} ms, ${a.path} took ${a.durationMs} ms`);
    } finally {
      sb.setLatency(0);
    }
  });
}
