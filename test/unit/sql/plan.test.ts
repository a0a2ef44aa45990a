/** Pushdown goldens: what each representative query asks of its views (predicates, columns, limit). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError } from '../../../src/errors.js';
import { prepare } from '../../../src/sql/engine.js';
import type { CallLog } from '../../conformance/memory-view.js';
import { run, testCatalog } from './fixtures.js';

async function calls(sql: string, params?: unknown[]): Promise<{ log: CallLog[]; rows: number }> {
  const log: CallLog[] = [];
  const result = await run(testCatalog(log), sql, params);
  return { log, rows: result.rows.length };
}

const summary = (log: CallLog[]): unknown[] =>
  log.map((l) => ({ view: l.view, predicates: l.predicates.map((p) => `${p.column} ${p.op} ${JSON.stringify(p.value)}`), limit: l.limit }));

function planError(sql: string, pattern: RegExp): void {
  assert.throws(() => prepare(sql, testCatalog()), (e: unknown) => IgsqlError.is(e) && e.code === 'sql-plan' && pattern.test(e.message), sql);
}

test('id equality, IN lists, OR of equalities and parameters are pushed', async () => {
  assert.deepEqual(summary((await calls("SELECT Caption FROM Media WHERE Id = 'm3'")).log), [{ view: 'Media', predicates: ['Id = "m3"'], limit: undefined }]);
  assert.deepEqual(summary((await calls("SELECT Caption FROM Media WHERE Id IN ('m3', 'm4', 'm3', NULL)")).log), [{ view: 'Media', predicates: ['Id in ["m3","m4"]'], limit: undefined }]);
  assert.deepEqual(summary((await calls("SELECT Caption FROM Media WHERE Id = 'm1' OR Id = 'm2'")).log), [{ view: 'Media', predicates: ['Id in ["m1","m2"]'], limit: undefined }]);
  assert.deepEqual(summary((await calls('SELECT Caption FROM Media WHERE Id = ?', ['m5'])).log), [{ view: 'Media', predicates: ['Id = "m5"'], limit: undefined }]);
  assert.deepEqual(summary((await calls('SELECT Caption FROM Media WHERE Id = 7')).log), [{ view: 'Media', predicates: ['Id = "7"'], limit: undefined }]);
});

test('timestamp ranges are pushed as instants, with BETWEEN split in two', async () => {
  const { log } = await calls("SELECT Id FROM Media WHERE Timestamp >= '2026-01-10' AND Timestamp < '2026-01-20 00:00:00'");
  assert.deepEqual(summary(log), [{ view: 'Media', predicates: ['Timestamp >= "2026-01-10T00:00:00.000Z"', 'Timestamp < "2026-01-20T00:00:00.000Z"'], limit: undefined }]);
  const between = await calls("SELECT Id FROM Media WHERE Timestamp BETWEEN '2026-01-10' AND DATEADD(day, 5, '2026-01-10')");
  assert.deepEqual(summary(between.log)[0], { view: 'Media', predicates: ['Timestamp >= "2026-01-10T00:00:00.000Z"', 'Timestamp <= "2026-01-15T00:00:00.000Z"'], limit: undefined });
  assert.equal(between.rows, 5);
});

test('predicates the view does not declare stay in the engine', async () => {
  assert.deepEqual(summary((await calls('SELECT Id FROM Media WHERE LikeCount > 3 AND Id LIKE \'m1%\'')).log), [{ view: 'Media', predicates: [], limit: undefined }]);
});

test('projection: the view is asked only for the columns the query reads', async () => {
  const { log } = await calls("SELECT Caption FROM Media WHERE LikeCount > 3 ORDER BY Timestamp");
  assert.deepEqual(log[0]!.columns, ['Caption', 'LikeCount', 'Timestamp']);
  const star = await calls('SELECT * FROM MediaInsights WHERE MediaId = \'m1\'');
  assert.deepEqual(star.log[0]!.columns, ['MediaId', 'Reach', 'Views']); // the pseudo column Period is not part of *
});

test('LIMIT is pushed when nothing drops or reorders rows, and paging stops', async () => {
  const plain = await calls('SELECT Id FROM Media LIMIT 3');
  assert.deepEqual([plain.log[0]!.limit, plain.log[0]!.closedEarly, plain.rows], [3, true, 3]);
  const offset = await calls("SELECT Id FROM Media WHERE Timestamp > '2026-01-05' LIMIT 3 OFFSET 2");
  assert.equal(offset.log[0]!.limit, 5);
  const ordered = await calls('SELECT Id FROM Media ORDER BY Timestamp DESC LIMIT 4'); // the view's own order
  assert.deepEqual([ordered.log[0]!.limit, ordered.rows], [4, 4]);
  for (const sql of [
    'SELECT Id FROM Media WHERE LikeCount > 3 LIMIT 3', 'SELECT Id FROM Media ORDER BY LikeCount LIMIT 3',
    'SELECT Id FROM Media ORDER BY Timestamp LIMIT 3', 'SELECT DISTINCT MediaType FROM Media LIMIT 2', 'SELECT COUNT(*) FROM Media LIMIT 1',
  ]) {
    assert.equal((await calls(sql)).log[0]!.limit, undefined, sql);
  }
});

test('ORDER BY the view\'s own order skips the sort and returns the view order', async () => {
  const catalog = testCatalog();
  const { rows } = await run(catalog, 'SELECT Id FROM Media ORDER BY Timestamp DESC LIMIT 3');
  assert.deepEqual(rows.map((r) => r['Id']), ['m0', 'm1', 'm2']);
  const explained = await run(catalog, 'EXPLAIN SELECT Id FROM Media ORDER BY Timestamp DESC LIMIT 3');
  assert.ok(!explained.rows.some((r) => String(r['Operator']).trim() === 'Sort'));
});

test('a required key column without a filter is a plan error that shows an example', () => {
  planError('SELECT * FROM Comments', /View Comments requires a filter on MediaId \(operators: =\), e\.g\. SELECT \* FROM Comments WHERE MediaId = '\.\.\.'/);
  planError('SELECT * FROM Comments WHERE Text = \'x\'', /requires a filter on MediaId/);
  planError('SELECT * FROM Account', /requires a filter on one of Id, Username/);
  planError('SELECT * FROM Comments WHERE MediaId LIKE \'m%\'', /requires a filter on MediaId/);
  prepare("SELECT * FROM Account WHERE Username = 'acme'", testCatalog());
});

test('join keys feed the inner view: Comments JOIN Media reads Media first, then comments per media', async () => {
  for (const sql of [
    "SELECT c.Text FROM Comments c JOIN Media m ON c.MediaId = m.Id WHERE m.Id IN ('m1', 'm2')",
    "SELECT c.Text FROM Media m JOIN Comments c ON m.Id = c.MediaId WHERE m.Id IN ('m1', 'm2')",
    "SELECT c.Text FROM Media m, Comments c WHERE m.Id IN ('m1', 'm2') AND c.MediaId = m.Id",
  ]) {
    const { log, rows } = await calls(sql);
    assert.deepEqual(summary(log), [
      { view: 'Media', predicates: ['Id in ["m1","m2"]'], limit: undefined },
      { view: 'Comments', predicates: ['MediaId = "m1"'], limit: undefined },
      { view: 'Comments', predicates: ['MediaId = "m2"'], limit: undefined },
    ], sql);
    assert.equal(rows, 6);
  }
});

test('a parent view is read first and its children looked up, whichever way the join is written', async () => {
  const log: CallLog[] = [];
  const { memoryView } = await import('../../conformance/memory-view.js');
  const { Catalog } = await import('../../../src/schema/catalog.js');
  const parents = memoryView({ name: 'P', columns: [{ name: 'Id', type: 'String', key: true }], keyColumns: [{ column: 'Id', operators: ['=', 'in'], require: 'optional' }], rows: [{ Id: 'p1' }, { Id: 'p2' }] }, log);
  const children = memoryView({ name: 'C', columns: [{ name: 'Id', type: 'String', key: true }, { name: 'PId', type: 'String' }], keyColumns: [{ column: 'PId', operators: ['=', 'in'], require: 'optional' }], rows: [{ Id: 'c1', PId: 'p1' }] }, log);
  const both = new Catalog({ views: [parents, children] });
  for (const sql of ['SELECT c.Id FROM C c JOIN P p ON c.PId = p.Id', 'SELECT c.Id FROM P p JOIN C c ON c.PId = p.Id']) {
    log.length = 0;
    await run(both, sql);
    assert.deepEqual(summary(log), [{ view: 'P', predicates: [], limit: undefined }, { view: 'C', predicates: ['PId in ["p1","p2"]'], limit: undefined }], sql);
  }
});

test('a view that takes IN gets the join keys in batches of 100', async () => {
  const { log, rows } = await calls('SELECT m.Id, i.Reach FROM Media m LEFT JOIN MediaInsights i ON i.MediaId = m.Id');
  assert.deepEqual(log.map((l) => l.view), ['Media', 'MediaInsights']);
  assert.equal((log[1]!.predicates[0]!.value as string[]).length, 30);
  assert.equal(rows, 30);
});

test('IN (subquery) feeds a required key; x = NULL never calls the view', async () => {
  const { log, rows } = await calls("SELECT Text FROM Comments WHERE MediaId IN (SELECT Id FROM Media WHERE Id IN ('m1', 'm3'))");
  assert.deepEqual(summary(log).slice(1), [
    { view: 'Comments', predicates: ['MediaId = "m1"'], limit: undefined },
    { view: 'Comments', predicates: ['MediaId = "m3"'], limit: undefined },
  ]);
  assert.equal(rows, 6);
  assert.deepEqual((await calls('SELECT Text FROM Comments WHERE MediaId = NULL')).log, []);
});

test('pseudo columns are pushed and echoed', async () => {
  const { log } = await calls("SELECT MediaId, Period FROM MediaInsights WHERE MediaId = 'm1' AND Period = 'day'");
  assert.deepEqual(summary(log), [{ view: 'MediaInsights', predicates: ['MediaId = "m1"', 'Period = "day"'], limit: undefined }]);
  const { rows } = await run(testCatalog(), "SELECT MediaId, Period FROM MediaInsights WHERE MediaId = 'm1' AND Period = 'day'");
  assert.deepEqual(rows, [{ MediaId: 'm1', Period: 'day' }]);
});

test('a LEFT JOIN pushes only null-rejecting WHERE conditions into the right side', async () => {
  const { log } = await calls("SELECT m.Id FROM Media m LEFT JOIN MediaInsights i ON i.MediaId = m.Id WHERE m.Id = 'm1' AND i.MediaId IS NULL");
  assert.deepEqual(summary(log)[1], { view: 'MediaInsights', predicates: ['MediaId in ["m1"]'], limit: undefined });
});

test('names: unknown views and columns get a did-you-mean, ambiguous columns name the candidates', () => {
  planError('SELECT * FROM Medias', /Unknown view Medias\. Did you mean Media\? SELECT TableName FROM sys_tables lists the views\./);
  planError('SELECT Captoin FROM Media', /Unknown column Captoin in Media\. Did you mean Caption\? Columns: Id, AccountId, Caption/);
  planError('SELECT x.Id FROM Media m', /Unknown table or alias x in x\.Id/);
  planError("SELECT Id FROM Media m JOIN Comments c ON c.MediaId = m.Id WHERE m.Id = 'a'", /Column Id is ambiguous: it could be m\.Id or c\.Id/);
  planError('SELECT Id FROM Media m JOIN Media m ON 1 = 1', /used twice/);
  planError('SELECT MediaType, Caption FROM Media GROUP BY MediaType', /Caption must appear in GROUP BY/);
  planError('SELECT Id FROM Media WHERE COUNT(*) > 1', /not allowed in WHERE; filter groups with HAVING/);
  planError('SELECT Id FROM Media ORDER BY 3', /ORDER BY 3 is out of range/);
  planError('SELECT DISTINCT Id FROM Media ORDER BY LikeCount', /ORDER BY terms must be in the select list/);
  planError('SELECT Id FROM Media UNION SELECT Id, Caption FROM Media', /same number of columns/);
  planError('SELECT Id FROM Media WHERE Id IN (SELECT Id, Caption FROM Media)', /must return one column/);
  planError('SELECT x.Id FROM (SELECT Id, Id FROM Media) x', /x\.Id is ambiguous/);
  planError('SELECT * FROM IGMedia i WHERE i.Nope = 1', /Unknown column i\.Nope in Media\. Columns: Id, AccountId/);
});

test('case-insensitive names and aliases (CData names)', async () => {
  const { rows } = await run(testCatalog(), "select ID, caption from igmedia where id = 'm1'");
  assert.deepEqual(rows, [{ Id: 'm1', Caption: 'Caption 1 #tag1' }]);
});

test('EXPLAIN shows operators, pushed predicates, residual filters, limits and Graph requests', async () => {
  const { rows } = await run(testCatalog(), "EXPLAIN SELECT c.Text FROM Comments c JOIN Media m ON c.MediaId = m.Id WHERE m.Timestamp >= '2026-01-20' AND m.LikeCount > 10 ORDER BY c.Text LIMIT 5");
  const lines = rows.map((r) => `${String(r['Operator']).trim()}: ${String(r['Detail'])}`);
  assert.deepEqual(lines, [
    'Limit: limit 5; offset 0; top-N sort',
    'Sort: Text ASC NULLS FIRST',
    'Project: Text',
    'LookupJoin: inner join: for each batch of distinct m.Id (100 first, then ×5 up to 2500), scan Comments with MediaId IN (batch)',
    "Filter: (m.Timestamp >= '2026-01-20' AND m.LikeCount > 10)",
    'Scan Media AS m: columns: Id, LikeCount, Timestamp; pushed: Timestamp >= 2026-01-20T00:00:00.000Z; limit: none',
    'Graph request: GET /memory/Media?Timestamp >= "2026-01-20T00:00:00.000Z"',
    "Scan Comments AS c: columns: MediaId, Text; pushed: MediaId IN ('<batch of m.Id>'); limit: none",
    'Graph request: GET /memory/Comments?MediaId in ["<batch of m.Id>"]',
  ]);
});
