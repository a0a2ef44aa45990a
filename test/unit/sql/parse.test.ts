import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError, type ErrorCode } from '../../../src/errors.js';
import type { Exec, Select, Union } from '../../../src/sql/ast.js';
import { parseSql } from '../../../src/sql/parse.js';

const select = (sql: string): Select => parseSql(sql).statement as Select;

function rejects(sql: string, code: ErrorCode, pattern: RegExp): void {
  assert.throws(() => parseSql(sql), (e: unknown) => IgsqlError.is(e) && e.code === code && pattern.test(e.message), sql);
}

test('SELECT with TOP, DISTINCT, aliases, ORDER BY ... NULLS LAST and LIMIT m, n', () => {
  const s = select('SELECT DISTINCT TOP 5 a AS x, b y, t.* FROM tab t ORDER BY 1 DESC NULLS LAST, b');
  assert.equal(s.distinct, true);
  assert.deepEqual(s.top, { kind: 'Literal', value: 5, type: 'Integer' });
  assert.deepEqual(s.items.map((i) => (i.kind === 'Star' ? `${i.table}.*` : i.alias)), ['x', 'y', 't.*']);
  assert.deepEqual(s.orderBy.map((o) => [o.direction, o.nulls]), [['desc', 'last'], ['asc', undefined]]);
  const l = select('SELECT a FROM t LIMIT 10, 5');
  assert.deepEqual([l.limit, l.offset], [{ kind: 'Literal', value: 5, type: 'Integer' }, { kind: 'Literal', value: 10, type: 'Integer' }]);
  const o = select('SELECT a FROM t LIMIT 5 OFFSET 10');
  assert.deepEqual([o.limit, o.offset], [{ kind: 'Literal', value: 5, type: 'Integer' }, { kind: 'Literal', value: 10, type: 'Integer' }]);
});

test('identifiers in "", [] and `` and strings with doubled quotes', () => {
  const s = select(`SELECT "My Col", [Order], \`Key\`, 'it''s' FROM [My View]`);
  assert.deepEqual(s.items.map((i) => (i.kind === 'SelectExpr' ? (i.expr.kind === 'ColumnRef' ? i.expr.column : i.expr.kind === 'Literal' ? i.expr.value : '') : '')), ['My Col', 'Order', 'Key', "it's"]);
  assert.equal(s.from?.kind === 'Table' && s.from.name, 'My View');
});

test('parameters: ? by position and @name by name, never as text', () => {
  const p = parseSql("SELECT a FROM t WHERE a = ? AND b = ? AND c = '?'");
  assert.deepEqual(p.parameters, { positional: 2, named: [] });
  const n = parseSql('SELECT a FROM t WHERE a = @Since AND b < @until AND c > @since');
  assert.deepEqual(n.parameters, { positional: 0, named: ['Since', 'until'] });
  rejects('SELECT a FROM t WHERE a = ? AND b = @x', 'sql-parse', /either \? or @name/);
});

test('result columns are named after the expression text', () => {
  const s = select("SELECT COUNT(*), upper( Caption ), CASE WHEN a > 1 THEN 'x' END, CAST(a AS INT), a + 1 AS b FROM t");
  assert.deepEqual(s.items.map((i) => (i.kind === 'SelectExpr' ? i.text : '')), ['COUNT(*)', 'upper( Caption )', "CASE WHEN a > 1 THEN 'x' END", 'CAST(a AS INT)', 'a + 1']);
});

test('operators keep SQL precedence', () => {
  const s = select('SELECT a FROM t WHERE NOT (a) = 1 AND b || c = d');
  assert.equal(s.where?.kind, 'And');
  const where = s.where as Extract<Select['where'], { kind: 'And' }>;
  assert.equal(where.left.kind, 'Not');
  assert.equal(where.right.kind === 'Compare' && where.right.left.kind, 'Binary');
});

test('UNION chains, and ORDER BY / LIMIT after a UNION apply to the whole', () => {
  const u = parseSql('SELECT a FROM t UNION SELECT b FROM u UNION ALL SELECT c FROM v ORDER BY 1 LIMIT 3').statement as Union;
  assert.equal(u.kind, 'Union');
  assert.equal(u.all, true);
  assert.equal(u.left.kind, 'Union');
  assert.equal(u.orderBy.length, 1);
  assert.equal((u.right as Select).limit, undefined);
});

test('EXPLAIN wraps a query', () => {
  assert.equal(parseSql('EXPLAIN SELECT a FROM t').statement.kind, 'Explain');
  assert.equal(parseSql('EXPLAIN QUERY PLAN SELECT a FROM t').statement.kind, 'Explain');
});

test('EXEC, EXECUTE and CALL with named and positional arguments', () => {
  const forms: [string, Exec['args']][] = [
    ["EXEC Proc @A = 'x', @B = ?", [{ name: 'A', value: { kind: 'Literal', value: 'x', type: 'String' } }, { name: 'B', value: { kind: 'Param', name: undefined, index: 0 } }]],
    ["EXECUTE Proc A = 'x', B = -2", [{ name: 'A', value: { kind: 'Literal', value: 'x', type: 'String' } }, { name: 'B', value: { kind: 'Literal', value: -2, type: 'Integer' } }]],
    ["EXEC Proc 'x', NULL", [{ name: undefined, value: { kind: 'Literal', value: 'x', type: 'String' } }, { name: undefined, value: { kind: 'Literal', value: null, type: 'Null' } }]],
    ['CALL Proc(@v, TRUE)', [{ name: undefined, value: { kind: 'Param', name: 'v', index: -1 } }, { name: undefined, value: { kind: 'Literal', value: true, type: 'Boolean' } }]],
    ['EXEC Proc', []],
  ];
  for (const [sql, args] of forms) {
    const s = parseSql(sql).statement as Exec;
    assert.equal(s.kind, 'Exec', sql);
    assert.equal(s.procedure, 'Proc');
    assert.deepEqual(s.args, args, sql);
  }
  assert.deepEqual(parseSql("EXEC Proc @A = 'x', @B = ?").parameters, { positional: 1, named: [] });
  assert.deepEqual(parseSql('EXEC Proc @A = @value').parameters, { positional: 0, named: ['value'] });
  rejects('EXEC', 'sql-parse', /needs a procedure name/);
  rejects("EXEC Proc @A = 'x' @B = 1", 'sql-parse', /expected , between arguments/);
  rejects('EXEC Proc @A = (SELECT 1)', 'sql-parse', /must be a literal/);
  rejects("CALL Proc 'x'", 'sql-parse', /parentheses/);
});

test('syntax errors give line, column and an excerpt', () => {
  assert.throws(
    () => parseSql('SELECT a,\n  b\nFROM t\nWHERE a = = 1'),
    (e: unknown) => IgsqlError.is(e) && e.code === 'sql-parse' && e.details['line'] === 4 && e.details['column'] === 11 && /WHERE a = = 1\n\s+\^/.test(e.message),
  );
  rejects('SELECT a FROM t WHERE', 'sql-parse', /end of the statement/);
  rejects('SELEC a', 'sql-parse', /expected SELECT, EXPLAIN, EXEC/);
  rejects('', 'sql-parse', /empty/);
  rejects('SELECT a FROM t WHERE order = 1', 'sql-parse', /quote it: \[order\]/);
});

test('valid SQL we do not support is an unsupported error naming the construct', () => {
  const cases: [string, RegExp][] = [
    ['INSERT INTO Comments (Text) VALUES (1)', /INSERT/],
    ["UPDATE Media SET Caption = 'x'", /UPDATE/],
    ['DELETE FROM Comments', /DELETE/],
    ['WITH x AS (SELECT 1) SELECT * FROM x', /WITH/],
    ['SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t', /window functions/],
    ['SELECT a INTO b FROM t', /INTO/],
    ['SELECT a FROM t INTERSECT SELECT a FROM u', /INTERSECT/],
    ['SELECT a FROM t; SELECT b FROM u', /more than one statement/],
    ["SELECT a FROM t WHERE a REGEXP 'x'", /REGEXP/],
    ['SELECT TOP 5 PERCENT a FROM t', /PERCENT/],
    ['SELECT CAST(a AS BLOB) FROM t', /CAST to BLOB/],
    ['SELECT GROUP_CONCAT(a) FROM t', /GROUP_CONCAT/],
    ['SELECT a ^ b FROM t', /operator \^/],
    ['SELECT * FROM db.t', /schema-qualified/],
    ['CREATE TABLE t (a INT)', /CREATE/],
    ['SELECT a FROM t WHERE a > ALL (SELECT 1)', /quantified comparisons/],
  ];
  for (const [sql, pattern] of cases) rejects(sql, 'unsupported', pattern);
});

test('a trailing semicolon is fine', () => {
  assert.equal(parseSql('SELECT 1;').statement.kind, 'Select');
});
