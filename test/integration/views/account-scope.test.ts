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

test('Media asks timestamp only when rows need it: several accounts merge on it, one account does not', async () => {
  const mediaFields = (start: number) => sb.requests.slice(start).filter((r) => r.endpoint === 'GET /{ig-user-id}/media').map((r) => r.params['fields']);
  let start = sb.requests.length;
  const merged = await conn.query('SELECT Id, AccountId FROM Media');
  const fields = mediaFields(start);
  assert.ok(fields.length >= accounts.length, fields.join(' '));
  assert.ok(fields.every((f) => f === 'id,timestamp'), fields.join(' '));
  // merged newest first across accounts: the same order as the accounts' own timestamps
  const stamped = await conn.query('SELECT Id, Timestamp FROM Media');
  const when = new Map(stamped.rows.map((r) => [String(r['Id']), (r['Timestamp'] as Date).getTime()]));
  const times = merged.rows.map((r) => when.get(String(r['Id']))!);
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  assert.ok(new Set(merged.rows.map((r) => r['AccountId'])).size >= 2);

  start = sb.requests.length;
  const one = await conn.query('SELECT Id FROM Media WHERE AccountId = ?', [accounts[0]!]);
  assert.ok(one.rowCount > 0);
  assert.deepEqual([...new Set(mediaFields(start))], ['id']);
  start = sb.requests.length;
  await conn.query("SELECT Id FROM Media WHERE AccountId = ? AND Timestamp >= '2020-01-01'", [accounts[0]!]);
  assert.deepEqual([...new Set(mediaFields(start))], ['id,timestamp']); // a pushed range is checked on it
});
