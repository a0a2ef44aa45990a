import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanStatements, splitStatements } from '../../../src/cli/split-statements.js';

test('splits at ; outside strings, quoted identifiers and comments', () => {
  const sql = "SELECT 'a;b' AS \"x;y\", [c;d] FROM t -- no; split\n/* nor; here */ ;\nSELECT 2;;  ";
  const parts = splitStatements(sql);
  assert.equal(parts.length, 2);
  assert.equal(parts[0]!.sql, "SELECT 'a;b' AS \"x;y\", [c;d] FROM t -- no; split\n/* nor; here */ ");
  assert.equal(parts[1]!.sql.trim(), 'SELECT 2');
  assert.equal(parts[1]!.line, 3);
});

test('a statement keeps its place: padded with the lines and columns before it', () => {
  const [, second] = splitStatements('SELECT 1;\n  SELECT 2');
  assert.equal(second!.sql, '\n  SELECT 2');
  assert.equal(second!.line, 2);
});

test('parameter markers are found outside literals, not in strings or :: casts', () => {
  const flags = splitStatements("SELECT ? ; SELECT @id; SELECT '?', '@x'; SELECT a::int; SELECT :name").map((s) => s.hasParams);
  assert.deepEqual(flags, [true, true, false, false, true]);
  assert.deepEqual(splitStatements('SELECT ?; SELECT @a').map((s) => s.named === true), [false, true]);
});

test('scanStatements tells an unfinished statement (open quote or comment) from a finished one', () => {
  assert.deepEqual(scanStatements("SELECT 'abc"), { statements: [], rest: "SELECT 'abc", open: true });
  assert.deepEqual(scanStatements('SELECT 1 /* note'), { statements: [], rest: 'SELECT 1 /* note', open: true });
  const partial = scanStatements('SELECT 1; SELECT 2');
  assert.equal(partial.statements.length, 2);
  assert.equal(partial.rest, 'SELECT 2');
  assert.equal(scanStatements('SELECT 1;').rest, '');
  assert.deepEqual(splitStatements('  -- only a comment\n ; '), []);
});
