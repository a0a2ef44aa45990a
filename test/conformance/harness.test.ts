/** The harness itself can fail: differences and igsql errors are reported. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRows, Harness, sqliteDate } from './harness.js';

const harness = new Harness([
  { name: 'T', columns: [{ name: 'A', type: 'Integer' }, { name: 'D', type: 'Datetime' }], rows: [{ A: 1, D: new Date('2026-01-02T03:04:05Z') }, { A: 2, D: null }] },
]);

test('compareRows finds differences in values, counts and order', () => {
  assert.equal(compareRows([[1], [2]], [[2], [1]], false), undefined);
  assert.match(compareRows([[1], [2]], [[2], [1]], true) ?? '', /row 1 differ/);
  assert.match(compareRows([[1]], [[1], [1]], false) ?? '', /row count 2, SQLite 1/);
  assert.match(compareRows([[1]], [[3]], false) ?? '', /differ/);
});

test('dates are compared in SQLite text form', () => {
  assert.equal(sqliteDate(new Date('2026-01-02T03:04:05Z')), '2026-01-02 03:04:05');
  assert.equal(sqliteDate(new Date('2026-01-02T03:04:05.120Z')), '2026-01-02 03:04:05.120');
});

test('a case passes when both agree and fails when igsql errs or differs', async () => {
  assert.equal((await harness.check({ sql: 'SELECT A, D FROM T' })).ok, true);
  const error = await harness.check({ sql: 'SELECT A / 0 FROM T' });
  assert.equal(error.ok, false);
  assert.match(error.message, /division by zero/);
  const differ = await harness.check({ sql: 'SELECT A FROM T', sqlite: 'SELECT A + 1 FROM T' });
  assert.equal(differ.ok, false);
});
