import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FetchContext, PushedPredicate } from '../../../src/schema/define-view.js';
import { echo, inRange, pushedRange, pushedValue, pushedValues, rangeParams } from '../../../src/schema/pushed.js';

function ctx(predicates: PushedPredicate[]): FetchContext<unknown> {
  return { columns: new Set(), predicates, limit: undefined, signal: new AbortController().signal, api: undefined };
}

test('pushedValues intersects = and IN predicates', () => {
  assert.equal(pushedValues(ctx([]), 'Id'), undefined);
  assert.deepEqual(pushedValues(ctx([{ column: 'id', op: '=', value: 'a' }]), 'Id'), ['a']);
  assert.deepEqual(pushedValues(ctx([{ column: 'Id', op: 'in', value: ['a', 'b', 'b', null] }]), 'Id'), ['a', 'b']);
  assert.deepEqual(
    pushedValues(ctx([{ column: 'Id', op: 'in', value: ['a', 'b'] }, { column: 'Id', op: '=', value: 'b' }]), 'Id'),
    ['b'],
  );
  assert.deepEqual(pushedValues(ctx([{ column: 'Id', op: '=', value: 'a' }, { column: 'Id', op: '=', value: 'b' }]), 'Id'), []);
});

test('pushedValue refuses several values for an input', () => {
  assert.equal(pushedValue(ctx([{ column: 'Period', op: '=', value: 'day' }]), 'Period'), 'day');
  assert.throws(() => pushedValue(ctx([{ column: 'Period', op: 'in', value: ['day', 'week'] }]), 'Period'), /Period takes one value/);
});

test('pushedRange keeps the tightest bounds and their inclusiveness', () => {
  const range = pushedRange(
    ctx([
      { column: 'Timestamp', op: '>=', value: '2026-01-01T00:00:00Z' },
      { column: 'Timestamp', op: '>', value: '2026-02-01T00:00:00Z' },
      { column: 'Timestamp', op: '<=', value: '2026-06-01T00:00:00Z' },
      { column: 'Timestamp', op: '<', value: '2026-06-01T00:00:00Z' },
    ]),
    'Timestamp',
  );
  assert.equal(range.since?.toISOString(), '2026-02-01T00:00:00.000Z');
  assert.equal(range.sinceInclusive, false);
  assert.equal(range.until?.toISOString(), '2026-06-01T00:00:00.000Z');
  assert.equal(range.untilInclusive, false);
  assert.equal(inRange(range, new Date('2026-02-01T00:00:00Z')), false);
  assert.equal(inRange(range, new Date('2026-02-01T00:00:01Z')), true);
  assert.equal(inRange(range, new Date('2026-06-01T00:00:00Z')), false);
  assert.equal(inRange(range, null), false);
  assert.deepEqual(rangeParams(range), { since: 1769904000, until: 1780272000 });
});

test('echo returns the user spelling of a canonicalised input', () => {
  const c = ctx([{ column: 'Period', op: '=', value: '28 days' }]);
  assert.equal(echo(c, 'Period', 'days_28', (v) => (v === '28 days' ? 'days_28' : v)), '28 days');
  assert.equal(echo(c, 'Period', 'day'), 'day');
  assert.equal(echo(ctx([{ column: 'Metric', op: 'in', value: ['Reach', 'views'] }]), 'Metric', 'reach'), 'Reach');
});
