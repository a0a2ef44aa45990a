import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IgsqlError } from '../../../src/errors.js';
import { excerpt, tokenize } from '../../../src/sql/lex.js';

const kinds = (sql: string): string[] => tokenize(sql).map((t) => `${t.type}:${t.value ?? t.text}`);

test('tokens: words, quoted identifiers, strings, numbers, parameters, operators', () => {
  assert.deepEqual(kinds(`SELECT [a b], "c""d", \`e\`, 'it''s', 1.5e3, .5, ?, @name, :x, <>, ||, -- gone\n/* gone */ x`), [
    'word:SELECT', 'quoted:a b', 'op:,', 'quoted:c"d', 'op:,', 'quoted:e', 'op:,', 'string:it\'s', 'op:,', 'number:1.5e3', 'op:,', 'number:.5',
    'op:,', 'param:?', 'op:,', 'param:name', 'op:,', 'param:x', 'op:,', 'op:<>', 'op:,', 'op:||', 'op:,', 'word:x',
  ]);
});

test('tokens keep their offsets in the original text', () => {
  const [a, b] = tokenize('  ab\n cd');
  assert.deepEqual([a!.start, a!.end, b!.start, b!.end], [2, 4, 6, 8]);
});

test('unterminated strings, identifiers and comments are sql-parse errors with a position', () => {
  for (const sql of ["SELECT 'abc", 'SELECT "abc', 'SELECT [abc', 'SELECT /* x', 'SELECT 1x', 'SELECT #']) {
    assert.throws(() => tokenize(sql), (e: unknown) => IgsqlError.is(e) && e.code === 'sql-parse' && /line 1, column \d+/.test(e.message), sql);
  }
});

test('excerpt points at the offset', () => {
  assert.equal(excerpt('SELECT x FROM t', 7), '  SELECT x FROM t\n         ^');
});
