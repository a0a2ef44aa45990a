import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError, type ErrorCode } from '../../../src/errors.js';
import { run, testCatalog, value } from './fixtures.js';

async function fails(sql: string, code: ErrorCode, pattern: RegExp): Promise<void> {
  await assert.rejects(() => value(sql), (e: unknown) => IgsqlError.is(e) && e.code === code && pattern.test(e.message), sql);
}

test('three-valued logic: AND, OR, NOT with NULL', async () => {
  const table: [string, unknown][] = [
    ['NULL AND TRUE', null], ['NULL AND FALSE', false], ['FALSE AND NULL', false], ['NULL OR TRUE', true], ['TRUE OR NULL', true],
    ['NULL OR FALSE', null], ['NOT NULL', null], ['NOT FALSE', true], ['NULL = NULL', null], ['NULL <> 1', null], ['NULL IS NULL', true],
    ['1 IN (1, NULL)', true], ['2 IN (1, NULL)', null], ['2 NOT IN (1, NULL)', null], ['2 NOT IN (1, 3)', true], ['NULL IN (1)', null],
    ['2 BETWEEN 1 AND NULL', null], ['5 BETWEEN 1 AND NULL', null], ['0 BETWEEN 1 AND NULL', false],
  ];
  for (const [sql, expected] of table) assert.equal(await value(sql), expected, sql);
});

test('comparisons coerce as a user expects', async () => {
  assert.equal(await value("10 > '9'"), true); // numbers, not text
  assert.equal(await value("'10' > '9'"), false); // text vs text is binary
  assert.equal(await value("CAST('2026-01-02' AS DATETIME) >= '2026-01-01'"), true);
  assert.equal(await value("CAST('2026-01-02T10:00:00Z' AS DATETIME) = '2026-01-02 10:00:00'"), true);
  assert.equal(await value("CAST('2026-01-02T10:00:00+02:00' AS DATETIME) = '2026-01-02T08:00:00Z'"), true);
  assert.equal(await value("TRUE = 'true'"), true);
  assert.equal(await value('TRUE = 1'), true);
  assert.equal(await value("5 = 'abc'"), false);
  await fails("CAST('2026-01-02' AS DATETIME) > 'yesterday'", 'execution', /not a date\/time/);
  await fails("CAST('2026-01-02' AS DATETIME) > 5", 'execution', /cannot compare a Datetime with a Integer/);
});

test('filters on typed columns: LikeCount > \'10\' and Timestamp >= \'2026-01-20\'', async () => {
  const catalog = testCatalog();
  const likes = await run(catalog, "SELECT COUNT(*) AS n FROM Media WHERE LikeCount > '50'");
  const likesNumeric = await run(catalog, 'SELECT COUNT(*) AS n FROM Media WHERE LikeCount > 50');
  assert.equal(likes.rows[0]!['n'], likesNumeric.rows[0]!['n']);
  const recent = await run(catalog, "SELECT COUNT(*) AS n FROM Media WHERE Timestamp >= '2026-01-20'");
  assert.equal(recent.rows[0]!['n'], 11);
});

test('arithmetic: integer division truncates, division by zero is an error, NULL propagates', async () => {
  assert.equal(await value('7 / 2'), 3);
  assert.equal(await value('-7 / 2'), -3);
  assert.equal(await value('7.0 / 2'), 3.5);
  assert.equal(await value('7 % 3'), 1);
  assert.equal(await value('1 + NULL'), null);
  assert.equal(await value("'3' + 4"), 7);
  await fails('1 / 0', 'execution', /division by zero/);
  await fails('5 % 0', 'execution', /division by zero/);
  await fails("'abc' + 1", 'execution', /'abc' is not a number/);
  await fails("CAST('2026-01-01' AS DATETIME) + 1", 'execution', /DATEADD/);
});

test('|| concatenates text (NULL if either is NULL); CONCAT skips NULLs', async () => {
  assert.equal(await value("'a' || 'b' || 1"), 'ab1');
  assert.equal(await value("'a' || NULL"), null);
  assert.equal(await value("CONCAT('a', NULL, 'b')"), 'ab');
  assert.equal(await value("2.0 || ''"), '2.0');
});

test('LIKE: % and _, ASCII case-insensitive, ESCAPE', async () => {
  assert.equal(await value("'Instagram' LIKE 'insta%'"), true);
  assert.equal(await value("'Instagram' LIKE '_nstagra_'"), true);
  assert.equal(await value("'ÉCOLE' LIKE 'école'"), false); // like SQLite: only ASCII letters fold
  assert.equal(await value("'100%' LIKE '100!%' ESCAPE '!'"), true);
  assert.equal(await value("'100x' LIKE '100!%' ESCAPE '!'"), false);
  assert.equal(await value("'a.c' LIKE 'a.c'"), true);
  assert.equal(await value("'abc' LIKE 'a.c'"), false);
  assert.equal(await value("'🔥x' LIKE '_x'"), true);
  assert.equal(await value("NULL LIKE 'a'"), null);
  await fails("'a' LIKE 'a' ESCAPE 'xy'", 'execution', /exactly one character/);
});

test('CAST to the six types and their synonyms', async () => {
  const cases: [string, unknown][] = [
    ["CAST('42' AS INTEGER)", 42], ["CAST('42.9' AS INT)", 42], ['CAST(-2.7 AS BIGINT)', -2], ["CAST('2.5' AS DOUBLE)", 2.5],
    ["CAST('2.5' AS FLOAT)", 2.5], ['CAST(3 AS REAL)', 3], ['CAST(12 AS VARCHAR(10))', '12'], ['CAST(12 AS TEXT)', '12'],
    ['CAST(1.5 AS STRING)', '1.5'], ["CAST('true' AS BOOLEAN)", true], ['CAST(0 AS BOOL)', false], ["CAST('yes' AS BIT)", true],
    ["CAST('[1,2]' AS JSON)", [1, 2]], ['CAST(TRUE AS INTEGER)', 1], ['CAST(NULL AS INTEGER)', null],
  ];
  for (const [sql, expected] of cases) assert.deepEqual(await value(sql), expected, sql);
  assert.deepEqual(await value("CAST('2026-01-02' AS DATETIME)"), new Date('2026-01-02T00:00:00Z'));
  assert.deepEqual(await value("CAST('2026-01-02 03:04:05' AS TIMESTAMP)"), new Date('2026-01-02T03:04:05Z'));
  assert.deepEqual(await value('CAST(0 AS DATETIME)'), new Date(0));
  await fails("CAST('abc' AS INTEGER)", 'execution', /cannot CAST 'abc' AS INTEGER/);
  await fails("CAST('maybe' AS BOOLEAN)", 'execution', /not a boolean/);
  await fails("CAST('{' AS JSON)", 'execution', /AS JSON/);
  await fails("CAST('2026-13-01' AS DATETIME)", 'execution', /not a date\/time/);
});

test('CASE, COALESCE, NULLIF, IIF evaluate lazily', async () => {
  assert.equal(await value("CASE WHEN 1 = 2 THEN 'a' WHEN 2 = 2 THEN 'b' END"), 'b');
  assert.equal(await value('CASE 3 WHEN 1 THEN 10 WHEN 3 THEN 30 ELSE 0 END'), 30);
  assert.equal(await value('CASE NULL WHEN NULL THEN 1 ELSE 2 END'), 2);
  assert.equal(await value('COALESCE(NULL, NULL, 3, 1 / 0)'), 3);
  assert.equal(await value('IIF(1 > 0, 1, 1 / 0)'), 1);
  assert.equal(await value('IIF(NULL, 1, 2)'), 2);
  assert.equal(await value('NULLIF(3, 3)'), null);
  assert.equal(await value('ISNULL(NULL, 4)'), 4);
  assert.equal(await value('ISNULL(NULL)'), true);
});

test('unknown functions and wrong argument counts are plan errors', async () => {
  await fails('UPPR(1)', 'sql-plan', /Unknown function UPPR\. Did you mean UPPER\?/);
  await fails('SUBSTRING(1)', 'sql-plan', /SUBSTRING takes 2 to 3 arguments, got 1/);
  assert.equal(await value('COUNT(*)'), 1); // one row without FROM, as in SQLite
});
