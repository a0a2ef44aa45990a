import { test } from 'node:test';
import assert from 'node:assert/strict';
import { col, convert, graphFields, path, selectColumns, toDate, toRow } from '../../../src/schema/graph-columns.js';

const columns = [
  col('Id', 'String', 'id', { field: 'id' }),
  col('LikeCount', 'Integer', 'likes', { field: 'like_count' }),
  col('OwnerId', 'String', 'owner', { field: 'owner', read: (n) => path(n, 'owner', 'id') }),
  col('Timestamp', 'Datetime', 'time', { field: 'timestamp' }),
  col('AccountId', 'String', 'account'),
];

test('graphFields asks for what the needed columns read, id always', () => {
  assert.deepEqual(graphFields(columns, new Set(['likecount', 'AccountId'])), ['id', 'like_count']);
  assert.deepEqual(graphFields(columns, new Set(['OwnerId'])), ['id', 'owner']);
});

test('toRow converts Graph values and leaves absent ones NULL', () => {
  const active = selectColumns(columns, new Set(['Id', 'LikeCount', 'OwnerId', 'Timestamp', 'AccountId']));
  const row = toRow(active, { id: '1789', owner: { id: '1784' }, timestamp: '2026-05-19T23:27:28+0000' }, { AccountId: '1784' });
  assert.deepEqual(row, { Id: '1789', LikeCount: null, OwnerId: '1784', Timestamp: new Date('2026-05-19T23:27:28Z'), AccountId: '1784' });
});

test('convert coerces by type', () => {
  assert.equal(convert('Integer', '12'), 12);
  assert.equal(convert('Integer', 'x'), null);
  assert.equal(convert('Double', 1.5), 1.5);
  assert.equal(convert('Boolean', 'true'), true);
  assert.equal(convert('Boolean', 'maybe'), null);
  assert.equal(convert('String', 17841405822304914), '17841405822304914');
  assert.equal(convert('String', { a: 1 }), '{"a":1}');
  assert.deepEqual(convert('Json', { a: 1 }), { a: 1 });
  assert.equal(convert('Json', 'x'), null);
  assert.equal(toDate(0)?.toISOString(), '1970-01-01T00:00:00.000Z');
  assert.equal(toDate('nope'), null);
});
