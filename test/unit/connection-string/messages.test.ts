import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionOf } from '../../../src/errors.js';
import { shown } from '../../../src/connection-string/messages.js';
import { describePosition, excerpt, problemsError } from '../../../src/connection-string/problems.js';

test('shown echoes the value of an ordinary property, never of a secret', () => {
  assert.equal(shown({ name: 'Timeout' }, 'abc'), "Timeout='abc'");
  assert.equal(shown({ name: 'ProxyPassword', sensitive: true }, 'hunter2'), 'ProxyPassword');
});

test('describePosition: a character on the first line, line and column after it', () => {
  assert.equal(describePosition(positionOf('abc', 2)), 'character 3');
  assert.equal(describePosition(positionOf('a\nbc', 3)), 'line 2, column 2');
});

test('excerpt shortens by characters, not UTF-16 units', () => {
  assert.equal(excerpt('short'), 'short');
  assert.equal(excerpt('😀'.repeat(41)), `${'😀'.repeat(39)}…`);
  assert.equal(excerpt('abcdef', 4), 'abc…');
});

test('problemsError: one problem, several (sorted by position), and the code', () => {
  const at = (offset: number) => positionOf('x'.repeat(20), offset);
  const one = problemsError([{ kind: 'config', message: 'bad', position: at(1) }]);
  assert.equal(one.message, 'Invalid connection string: bad');
  assert.equal(one.code, 'config');
  const two = problemsError([
    { kind: 'unsupported', message: 'second', position: at(9) },
    { kind: 'unsupported', message: 'first', position: at(2) },
  ]);
  assert.equal(two.message, 'Invalid connection string (2 problems): 1) first; 2) second');
  assert.equal(two.code, 'unsupported');
  assert.deepEqual(
    (two.details['problems'] as { message: string }[]).map((p) => p.message),
    ['first', 'second'],
  );
  assert.equal(problemsError([{ kind: 'unsupported', message: 'a', position: at(0) }, { kind: 'config', message: 'b', position: at(1) }]).code, 'config');
});
