/** The engine's public face: parameters, EXEC of procedures, EXPLAIN. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError, type ErrorCode } from '../../../src/errors.js';
import { execute, explain, prepare, uniqueNames } from '../../../src/sql/engine.js';
import { run, testCatalog } from './fixtures.js';

async function fails(sql: string, params: unknown, code: ErrorCode, pattern: RegExp): Promise<void> {
  await assert.rejects(() => run(testCatalog(), sql, params as never), (e: unknown) => IgsqlError.is(e) && e.code === code && pattern.test(e.message), sql);
}

test('positional and named parameters are bound by value', async () => {
  const catalog = testCatalog();
  assert.deepEqual((await run(catalog, 'SELECT Id FROM Media WHERE Id = ? OR Caption = ?', ["m1' OR 1=1 --", 'Caption 2 #tag2'])).rows, [{ Id: 'm2' }]);
  assert.deepEqual((await run(catalog, 'SELECT Id FROM Media WHERE Id = @id', { id: 'm4' })).rows, [{ Id: 'm4' }]);
  assert.deepEqual((await run(catalog, 'SELECT Id FROM Media WHERE Id = @Id', { '@ID': 'm4' })).rows, [{ Id: 'm4' }]);
  assert.deepEqual((await run(catalog, 'SELECT COUNT(*) AS n FROM Media WHERE Timestamp >= ?', [new Date('2026-01-25T00:00:00Z')])).rows, [{ n: 6 }]);
  assert.deepEqual((await run(catalog, 'SELECT ? AS a, ? AS b, ? AS c', [null, true, 10n])).rows, [{ a: null, b: true, c: 10 }]);
});

test('missing, extra and unusable parameters are usage errors', async () => {
  await fails('SELECT ? AS a', [], 'usage', /has 1 parameter\(s\) \(\?\) but 0 value\(s\)/);
  await fails('SELECT ? AS a', [1, 2], 'usage', /but 2 value\(s\)/);
  await fails('SELECT ? AS a', { a: 1 }, 'usage', /pass their values as an array/);
  await fails('SELECT @a AS a', {}, 'usage', /Missing value for parameter @a/);
  await fails('SELECT @a AS a', { a: 1, b: 2 }, 'usage', /Unknown parameter b; the statement uses @a/);
  await fails('SELECT @a AS a', [1], 'usage', /pass an object/);
  await fails('SELECT 1 AS a', [1], 'usage', /has no parameters/);
  await fails('SELECT ? AS a', [undefined], 'usage', /parameter 1 is undefined; pass null/);
  await fails('SELECT ? AS a', [Number.NaN], 'usage', /must be finite/);
  await fails('SELECT ? AS a', [new Map()], 'usage', /unsupported type/);
});

test('EXEC / EXECUTE / CALL run a procedure with named, positional and parameter arguments', async () => {
  const catalog = testCatalog();
  const forms: [string, unknown, unknown][] = [
    ["EXEC Echo @Text = 'hi', @Mode = 'FAST'", undefined, { Text: 'hi', Count: 5, Mode: 'fast' }],
    ["EXECUTE Echo Text = 'hi', Count = '7'", undefined, { Text: 'hi', Count: 7, Mode: null }],
    ["EXEC EchoBack 'hi', 3", undefined, { Text: 'hi', Count: 3, Mode: null }],
    ['CALL Echo(?, ?)', ['x', 9], { Text: 'x', Count: 9, Mode: null }],
    ['EXEC Echo @Text = @t', { t: 'named' }, { Text: 'named', Count: 5, Mode: null }],
  ];
  for (const [sql, params, expected] of forms) {
    const { columns, rows } = await run(catalog, sql, params as never);
    assert.deepEqual(columns.map((c) => c.name), ['Text', 'Count', 'Mode']);
    assert.deepEqual(rows, [expected], sql);
  }
});

test('EXEC errors: unknown procedure or parameter, missing required, bad values', async () => {
  const plan = (sql: string, pattern: RegExp): void =>
    assert.throws(() => prepare(sql, testCatalog()), (e: unknown) => IgsqlError.is(e) && e.code === 'sql-plan' && pattern.test(e.message), sql);
  plan("EXEC Ecko @Text = 'x'", /Unknown stored procedure Ecko\. Did you mean Echo\?/);
  plan("EXEC Echo @Txt = 'x'", /Echo has no parameter Txt\. Did you mean Text\? Its parameters: Text, Count, Mode/);
  plan('EXEC Echo @Count = 1', /Echo requires parameter Text/);
  plan("EXEC Echo @Text = 'a', @Text = 'b'", /given twice/);
  plan("EXEC Echo 'a', 1, 'fast', 4", /takes 3 parameter/);
  await fails("EXEC Echo @Text = 'a', @Mode = 'medium'", undefined, 'execution', /Mode must be one of fast, slow; got medium/);
  await fails("EXEC Echo @Text = 'a', @Count = 'many'", undefined, 'execution', /'many' is not a number/);
  await fails('EXEC Echo @Text = NULL', undefined, 'execution', /Text is required/);
});

test('EXPLAIN rows, and explain() for a prepared query', async () => {
  const catalog = testCatalog();
  const prepared = prepare("SELECT Id FROM Media WHERE Id = ? AND LikeCount > 3", catalog);
  assert.equal(prepared.kind, 'query');
  const result = explain(prepared, ['m1'], { api: undefined });
  assert.deepEqual(result.columns.map((c) => c.name), ['Step', 'Depth', 'Operator', 'Detail']);
  const rows = [];
  for await (const batch of result.rows) rows.push(...batch);
  // no LIMIT and MaxRows off: no Limit step
  assert.deepEqual(rows.map((r) => String(r['Operator']).trim()), ['Project', 'Filter', 'Scan Media', 'Graph request']);
  assert.match(String(rows[2]!['Detail']), /pushed: Id = 'm1'/);
  assert.match(String(rows[3]!['Detail']), /GET \/memory\/Media\?Id = "m1"/);
  const limited = [];
  for await (const batch of explain(prepare('SELECT Id FROM Media LIMIT 5 OFFSET 1', catalog), undefined, { api: undefined }).rows) limited.push(...batch);
  assert.equal(String(limited[0]!['Operator']).trim(), 'Limit');
  assert.match(String(limited[0]!['Detail']), /limit 5; offset 1/);
  assert.throws(() => explain(prepare("EXEC Echo @Text = 'x'", catalog), undefined, { api: undefined }), /EXPLAIN applies to queries/);
});

test('prepared statements run many times with different parameters', async () => {
  const catalog = testCatalog();
  const prepared = prepare('SELECT Caption FROM Media WHERE Id = ?', catalog);
  for (const id of ['m1', 'm2']) {
    const rows = [];
    for await (const batch of execute(prepared, [id], { api: undefined }).rows) rows.push(...batch);
    assert.equal(rows.length, 1);
  }
});

test('unique names for repeated result columns', () => {
  assert.deepEqual(uniqueNames(['Id', 'Id', 'Id_2', 'Id', 'x']), ['Id', 'Id_2', 'Id_2_2', 'Id_3', 'x']);
});

test('the api object reaches the views', async () => {
  const seen: unknown[] = [];
  const { Catalog } = await import('../../../src/schema/catalog.js');
  const { defineView } = await import('../../../src/schema/define-view.js');
  const view = defineView<{ token: string }>({
    name: 'V', aliases: [], description: 'v', columns: [{ name: 'A', type: 'Integer', description: 'a' }], keyColumns: [],
    examples: [{ description: 'x', sql: 'SELECT * FROM V' }],
    async *list(ctx) {
      seen.push(ctx.api.token);
      yield [{ A: 1 }];
    },
  });
  await run(new Catalog({ views: [view] }), 'SELECT * FROM V', undefined, { api: { token: 'api-object' } });
  assert.deepEqual(seen, ['api-object']);
});
