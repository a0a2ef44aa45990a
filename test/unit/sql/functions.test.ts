import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateAdd, dateDiff, datePartOf } from '../../../src/sql/functions/date.js';
import { FUNCTIONS } from '../../../src/sql/functions/index.js';
import { roundNumber } from '../../../src/sql/functions/math.js';
import { parseJsonPath } from '../../../src/sql/functions/misc.js';
import { strftime } from '../../../src/sql/functions/strftime.js';
import { substr } from '../../../src/sql/functions/string.js';
import { value } from './fixtures.js';

const d = (iso: string): Date => new Date(iso);

test('SUBSTR follows SQLite for negative and zero starts, by character', () => {
  const cases: [number, number | undefined, string][] = [
    [1, 3, 'ins'], [3, undefined, 'stagram'], [-4, undefined, 'gram'], [-4, 2, 'gr'], [0, 3, 'in'], [0, undefined, 'instagram'],
    [5, -2, 'st'], [20, 2, ''], [-20, 12, 'i'],
  ];
  for (const [start, length, expected] of cases) assert.equal(substr('instagram', start, length), expected, `${start},${length}`);
  assert.equal(substr('a😀b', 2, 1), '😀');
});

test('string functions', async () => {
  const cases: [string, unknown][] = [
    ["UPPER('Café')", 'CAFÉ'], ["LOWER('ÉCOLE')", 'école'], ["LENGTH('héllo😀')", 6], ["LEN('ab ')", 3], ["TRIM('  a b  ')", 'a b'],
    ["LTRIM('xxa', 'x')", 'a'], ["RTRIM('a  ')", 'a'], ["REPLACE('a-b-c', '-', '+')", 'a+b+c'], ["LEFT('instagram', 5)", 'insta'],
    ["RIGHT('instagram', 4)", 'gram'], ["INSTR('instagram', 'gram')", 6], ["INSTR('abc', 'z')", 0], ["CHARINDEX('a', 'banana', 3)", 4],
    ["CONCAT_WS(', ', 'a', NULL, 'b')", 'a, b'], ["REVERSE('abc')", 'cba'], ["REPEAT('ab', 2)", 'abab'],
  ];
  for (const [sql, expected] of cases) assert.equal(await value(sql), expected, sql);
});

test('math functions', async () => {
  const cases: [string, unknown][] = [
    ['ABS(-3)', 3], ['ROUND(2.5)', 3], ['ROUND(-2.5)', -3], ['ROUND(2.567, 2)', 2.57], ['FLOOR(2.7)', 2], ['CEILING(2.1)', 3], ['CEIL(-2.1)', -2],
    ['POWER(2, 10)', 1024], ['SQRT(16)', 4], ['SQRT(-1)', null], ['MOD(7, 3)', 1], ['MOD(-7, 3)', -1], ['SIGN(-5)', -1], ['LOG(2, 8)', 3],
    ['LOG10(1000)', 3], ['LN(1)', 0], ['GREATEST(1, 5, 3)', 5], ['LEAST(1, NULL)', null],
  ];
  for (const [sql, expected] of cases) assert.equal(await value(sql), expected, sql);
  assert.equal(roundNumber(1.005, 2), 1); // like SQLite: the binary value is below 1.005
});

test('date arithmetic follows T-SQL boundaries', () => {
  assert.deepEqual(dateAdd('month', 1, d('2026-01-31T10:00:00Z')), d('2026-02-28T10:00:00Z'));
  assert.deepEqual(dateAdd('year', 1, d('2024-02-29T00:00:00Z')), d('2025-02-28T00:00:00Z'));
  assert.deepEqual(dateAdd('day', -7, d('2026-03-01T00:00:00Z')), d('2026-02-22T00:00:00Z'));
  assert.deepEqual(dateAdd('hour', 25, d('2026-03-01T00:00:00Z')), d('2026-03-02T01:00:00Z'));
  assert.equal(dateDiff('day', d('2026-01-01T23:59:00Z'), d('2026-01-02T00:01:00Z')), 1);
  assert.equal(dateDiff('month', d('2026-01-31T00:00:00Z'), d('2026-02-01T00:00:00Z')), 1);
  assert.equal(dateDiff('year', d('2025-12-31T00:00:00Z'), d('2026-01-01T00:00:00Z')), 1);
  assert.equal(dateDiff('week', d('2026-05-16T00:00:00Z'), d('2026-05-17T00:00:00Z')), 1); // Saturday → Sunday
  assert.equal(dateDiff('hour', d('2026-01-01T10:59:00Z'), d('2026-01-01T11:00:00Z')), 1);
  assert.equal(datePartOf('weekday', d('2026-05-17T00:00:00Z')), 1); // Sunday
  assert.equal(datePartOf('dayofyear', d('2026-02-01T00:00:00Z')), 32);
  assert.equal(datePartOf('quarter', d('2026-05-01T00:00:00Z')), 2);
  assert.equal(datePartOf('week', d('2026-01-04T00:00:00Z')), 2); // Jan 1 2026 is a Thursday
});

test('date functions in SQL', async () => {
  assert.deepEqual(await value('NOW()'), d('2026-05-19T23:27:28Z'));
  assert.deepEqual(await value('GETDATE() = CURRENT_TIMESTAMP'), true);
  assert.equal(await value('CURRENT_DATE'), '2026-05-19');
  assert.deepEqual(await value("DATEADD(day, 1, '2026-01-31')"), d('2026-02-01T00:00:00Z'));
  assert.deepEqual(await value("DATEADD('mm', 1, '2026-01-31')"), d('2026-02-28T00:00:00Z'));
  assert.equal(await value("DATEDIFF(day, '2026-01-01', '2026-01-31')"), 30);
  assert.equal(await value("DATEPART(year, '2026-05-19')"), 2026);
  assert.equal(await value("EXTRACT(MONTH FROM '2026-05-19')"), 5);
  assert.equal(await value("DATENAME(weekday, '2026-05-19')"), 'Tuesday');
  assert.equal(await value("YEAR('2026-05-19') * 100 + MONTH('2026-05-19')"), 202605);
  assert.equal(await value("DATE('2026-05-19T23:27:28Z')"), '2026-05-19');
  assert.equal(await value("TIME('2026-05-19T23:27:28Z')"), '23:27:28');
  assert.deepEqual(await value("DATE_TRUNC('month', '2026-05-19T10:00:00Z')"), d('2026-05-01T00:00:00Z'));
  assert.deepEqual(await value("DATE_TRUNC('week', '2026-05-21T10:00:00Z')"), d('2026-05-18T00:00:00Z'));
  assert.equal(await value("UNIXEPOCH('2026-01-01')"), 1767225600);
  assert.equal(await value("STRFTIME('%Y-%m-%d %H:%M:%S', 'now')"), '2026-05-19 23:27:28');
  await assert.rejects(() => value("DATEADD(fortnight, 1, '2026-01-01')"), /unknown date part 'fortnight'/);
  await assert.rejects(() => value("DATEADD(day, 1, 'soon')"), /'soon' is not a date\/time/);
});

test('strftime conversions match SQLite', () => {
  const t = d('2026-01-04T15:07:09.045Z'); // a Sunday
  assert.equal(strftime('%Y|%m|%d|%H|%M|%S|%f|%j|%w|%u|%W|%s|%F|%T|%%', t), '2026|01|04|15|07|09|09.045|004|0|7|00|1767539229|2026-01-04|15:07:09|%');
  assert.equal(strftime('%Q', t), null);
});

test('JSON_EXTRACT reads paths into Json values and JSON text', async () => {
  assert.equal(await value(`JSON_EXTRACT('{"owner":{"id":"17"}}', '$.owner.id')`), '17');
  assert.equal(await value(`JSON_EXTRACT('{"a":[10,20]}', '$.a[1]')`), 20);
  assert.deepEqual(await value(`JSON_EXTRACT('{"a":[10,20]}', '$.a')`), [10, 20]);
  assert.equal(await value(`JSON_EXTRACT('{"a":1}', '$.b')`), null);
  assert.equal(await value(`JSON_EXTRACT('{"a b":1}', '$."a b"')`), 1);
  assert.equal(await value(`JSON_ARRAY_LENGTH('[1,2,3]')`), 3);
  assert.deepEqual(parseJsonPath('$.a[0]["b"]', 'f'), ['a', 0, 'b']);
  await assert.rejects(() => value(`JSON_EXTRACT('{', '$.a')`), /not valid JSON/);
  await assert.rejects(() => value(`JSON_EXTRACT('{}', 'a')`), /starts with \$/);
});

test('every function documents itself', () => {
  for (const f of FUNCTIONS) {
    assert.ok(f.signature.includes(f.name) || f.signature.startsWith(f.name), f.name);
    assert.ok(f.description.length > 5 && f.example.length > 3, f.name);
  }
});
