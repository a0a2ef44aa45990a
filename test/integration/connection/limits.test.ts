/** MaxRows and Timeout from the connection string, and parameters, end to end against the sandbox. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, IgsqlError } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';

let sb: Sandbox;
before(async () => {
  sb = await startSandbox({ port: 0, seed: 7 });
});
after(() => sb.stop());

const cs = (extra: string) => `BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};${extra}`;

test('MaxRows caps plain queries, and is pushed to the Graph page size; aggregates see every row', async () => {
  const conn = await connect(cs('MaxRows=7'));
  try {
    const start = sb.requests.length;
    const plain = await conn.query('SELECT Id FROM Media');
    assert.equal(plain.rowCount, 7);
    const pages = sb.requests.slice(start).filter((r) => r.endpoint === 'GET /{ig-user-id}/media');
    assert.ok(pages.length > 0 && pages.every((r) => r.params['limit'] === '7'), JSON.stringify(pages.map((r) => r.params)));
    const total = await conn.query('SELECT COUNT(*) AS N FROM Media');
    assert.ok(Number(total.rows[0]!['N']) > 7, 'COUNT(*) is not capped');
    const grouped = await conn.query('SELECT Username, COUNT(*) AS N FROM Comments GROUP BY Username');
    assert.ok(grouped.rowCount > 7, 'GROUP BY is not capped');
  } finally {
    await conn.close();
  }
});

test('Timeout bounds the whole query with a timeout error', async () => {
  const conn = await connect(cs('Timeout=1'));
  try {
    sb.setLatency(700);
    await assert.rejects(conn.query('SELECT m.Id, c.Id FROM Media m JOIN Comments c ON c.MediaId = m.Id'), (e: unknown) => e instanceof IgsqlError && e.code === 'timeout' && /Timeout=1/.test(e.message));
  } finally {
    sb.setLatency(0);
    await conn.close();
  }
});

test('? and @name parameters are bound by value, never spliced into the SQL', async () => {
  const conn = await connect(cs(''));
  try {
    const sneaky = "x' OR '1'='1";
    assert.equal((await conn.query('SELECT Id FROM Media WHERE Caption = ?', [sneaky])).rowCount, 0);
    assert.equal((await conn.query('SELECT Id FROM Media WHERE Caption = @c', { c: sneaky })).rowCount, 0);
    const first = (await conn.query('SELECT Id FROM Media LIMIT 1')).rows[0]!['Id'];
    assert.equal((await conn.query('SELECT Id FROM Media WHERE Id = ?', [first])).rowCount, 1);
    assert.equal((await conn.query('SELECT Id FROM Media WHERE Id = @id', { id: first })).rowCount, 1);
  } finally {
    await conn.close();
  }
});
