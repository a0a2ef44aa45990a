/** Streaming, early stop, cancellation, MaxRows, result columns. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError } from '../../../src/errors.js';
import { Catalog } from '../../../src/schema/catalog.js';
import { execute, prepare } from '../../../src/sql/engine.js';
import { bigView, run, testCatalog } from './fixtures.js';

function big(n = 100_000, pageSize = 100): { catalog: Catalog<unknown>; stats: { pages: number; finished: boolean; returned: boolean } } {
  const stats = { pages: 0, finished: false, returned: false };
  return { catalog: new Catalog({ views: [bigView(n, pageSize, stats)] }), stats };
}

test('LIMIT stops paging and closes the view, even when the limit cannot be pushed', async () => {
  for (const sql of ['SELECT N FROM Big LIMIT 5', 'SELECT N FROM Big WHERE N % 2 = 1 LIMIT 5', 'SELECT N + 1 FROM Big LIMIT 250 OFFSET 10']) {
    const { catalog, stats } = big();
    const { rows } = await run(catalog, sql);
    assert.ok(rows.length === 5 || rows.length === 250, sql);
    assert.ok(stats.pages <= 3, `${sql}: ${stats.pages} pages`);
    assert.equal(stats.returned, true, sql);
  }
});

test('rows stream: the first batch arrives after the first page, before the view is done', async () => {
  const { catalog, stats } = big(1_000_000, 500);
  const result = execute(prepare('SELECT N, Half * 2 AS Twice FROM Big WHERE N >= 0', catalog), undefined, { api: undefined });
  for await (const batch of result.rows) {
    assert.equal(stats.pages, 1);
    assert.equal(batch.length, 500);
    break;
  }
  assert.equal(stats.returned, true);
});

test('a plain scan of a million rows streams through without holding them', async () => {
  const { catalog } = big(1_000_000, 1000);
  const before = process.memoryUsage().heapUsed;
  let count = 0;
  let peak = 0;
  for await (const batch of execute(prepare('SELECT N FROM Big WHERE Half >= 0', catalog), undefined, { api: undefined }).rows) {
    count += batch.length;
    if (count % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }
  assert.equal(count, 1_000_000);
  assert.ok(peak < 200 * 1024 * 1024, `heap grew by ${Math.round(peak / 1e6)} MB`);
});

test('the AbortSignal cancels a running query; an IgsqlError reason (Timeout) is thrown as is', async () => {
  const { catalog } = big(1_000_000, 100);
  const controller = new AbortController();
  const result = execute(prepare('SELECT N FROM Big', catalog), undefined, { api: undefined, signal: controller.signal });
  await assert.rejects(async () => {
    let n = 0;
    for await (const batch of result.rows) {
      n += batch.length;
      if (n >= 300) controller.abort();
    }
  }, (e: unknown) => IgsqlError.is(e) && e.code === 'cancelled');
  const timeout = new AbortController();
  timeout.abort(new IgsqlError('timeout', 'The query ran past Timeout (5 s)'));
  await assert.rejects(() => run(catalog, 'SELECT COUNT(*) FROM Big', undefined, { signal: timeout.signal }), (e: unknown) => IgsqlError.is(e) && e.code === 'timeout');
});

test('MaxRows caps queries without aggregates (and is pushed to the view), not aggregates', async () => {
  const { catalog, stats } = big(10_000, 100);
  assert.equal((await run(catalog, 'SELECT N FROM Big', undefined, { maxRows: 150 })).rows.length, 150);
  assert.ok(stats.pages <= 2);
  assert.equal((await run(catalog, 'SELECT N FROM Big LIMIT 20', undefined, { maxRows: 150 })).rows.length, 20);
  assert.equal((await run(catalog, 'SELECT N FROM Big ORDER BY N DESC', undefined, { maxRows: 3 })).rows[0]!['N'], 9999);
  assert.equal((await run(catalog, 'SELECT COUNT(*) AS n FROM Big', undefined, { maxRows: 1 })).rows[0]!['n'], 10_000);
  assert.equal((await run(catalog, 'SELECT Half, COUNT(*) FROM Big GROUP BY Half', undefined, { maxRows: 10 })).rows.length, 5000);
  assert.equal((await run(catalog, 'SELECT N FROM Big', undefined, { maxRows: -1 })).rows.length, 10_000);
});

test('result columns: names, repeated names made unique, and types', async () => {
  const { columns, rows } = await run(testCatalog(), `SELECT m.Id, c.Id, COUNT(*) AS n, SUM(m.LikeCount), AVG(m.LikeCount), MAX(m.Timestamp),
      CASE WHEN m.Id = 'x' THEN 1 ELSE 'one' END, NULL, 1.5, m.IsCommentEnabled
    FROM Media m JOIN Comments c ON c.MediaId = m.Id WHERE m.Id = 'm3' GROUP BY m.Id, c.Id, m.IsCommentEnabled ORDER BY c.Id LIMIT 1`);
  assert.deepEqual(columns.map((c) => `${c.name}:${c.type}`), [
    'Id:String', 'Id_2:String', 'n:Integer', 'SUM(m.LikeCount):Integer', 'AVG(m.LikeCount):Double', 'MAX(m.Timestamp):Datetime',
    "CASE WHEN m.Id = 'x' THEN 1 ELSE 'one' END:String", 'NULL:String', '1.5:Double', 'IsCommentEnabled:Boolean',
  ]);
  assert.deepEqual(Object.keys(rows[0]!), columns.map((c) => c.name));
  assert.equal(rows[0]!['Id_2'], 'c23'); // text order: c23 < c3 < c43
  assert.ok(rows[0]!['MAX(m.Timestamp)'] instanceof Date);
});

test('aggregates over no rows give one row; scalar subqueries must return one row', async () => {
  const { rows } = await run(testCatalog(), "SELECT COUNT(*) AS n, SUM(LikeCount) AS s, MAX(Caption) AS m FROM Media WHERE Id = 'none'");
  assert.deepEqual(rows, [{ n: 0, s: null, m: null }]);
  await assert.rejects(() => run(testCatalog(), 'SELECT (SELECT Id FROM Media) AS x'), (e: unknown) => IgsqlError.is(e) && e.code === 'execution' && /more than one row/.test(e.message));
  assert.deepEqual((await run(testCatalog(), "SELECT (SELECT Id FROM Media WHERE Id = 'nope') AS x")).rows, [{ x: null }]);
});

test('execution errors name the value and the function', async () => {
  await assert.rejects(() => run(testCatalog(), "SELECT Id FROM Media WHERE Timestamp > 'last week'"), (e: unknown) => IgsqlError.is(e) && e.code === 'execution' && /'last week' is not a date\/time/.test(e.message));
  await assert.rejects(() => run(testCatalog(), "SELECT SUBSTRING(Caption, 'x') FROM Media"), /SUBSTRING: start must be a number/);
  await assert.rejects(() => run(testCatalog(), 'SELECT Id FROM Media LIMIT ?', ['ten']), /LIMIT must be a number/);
});
