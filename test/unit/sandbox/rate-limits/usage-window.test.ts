import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageWindow } from '../../../../src/sandbox/rate-limits/usage-window.js';

const HOUR = 3_600_000;

test('usage sums the last window and decays slice by slice', () => {
  const w = new UsageWindow(HOUR);
  w.add(0, 3, 3);
  w.add(30 * 60_000, 2, 2.5);
  assert.deepEqual(w.totals(30 * 60_000), { calls: 5, cost: 5.5 });
  assert.deepEqual(w.totals(HOUR - 1), { calls: 5, cost: 5.5 });
  assert.deepEqual(w.totals(HOUR), { calls: 2, cost: 2.5 }, 'the first slice left the window');
  assert.deepEqual(w.totals(HOUR + 30 * 60_000), { calls: 0, cost: 0 });
});

test('regainMs: time until usage is below the budget again', () => {
  const w = new UsageWindow(HOUR);
  w.add(0, 3, 3);
  w.add(10 * 60_000, 3, 3);
  assert.equal(w.regainMs(10 * 60_000, 10), 0, 'below budget');
  assert.equal(w.regainMs(10 * 60_000, 6), 50 * 60_000, 'the first calls leave at one hour');
  assert.equal(w.regainMs(10 * 60_000, 3), 60 * 60_000, 'both slices must leave');
  assert.equal(w.regainMs(HOUR + 10 * 60_000, 3), 0);
});
