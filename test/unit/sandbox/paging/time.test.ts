import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeValue, timeWindow } from '../../../../src/sandbox/paging/time.js';
import { GraphError } from '../../../../src/sandbox/graph-error.js';

const NOW = Date.parse('2026-05-19T23:27:28Z');

test('unix seconds, ISO dates and strtotime-style words', () => {
  assert.equal(parseTimeValue('1716160000', NOW), 1716160000_000);
  assert.equal(parseTimeValue('2026-05-01', NOW), Date.parse('2026-05-01T00:00:00Z'));
  assert.equal(parseTimeValue('2026-05-19T23:27:28+0000', NOW), NOW);
  assert.equal(parseTimeValue('now', NOW), NOW);
  assert.equal(parseTimeValue('today', NOW), Date.parse('2026-05-19T00:00:00Z'));
  assert.equal(parseTimeValue('yesterday', NOW), Date.parse('2026-05-18T00:00:00Z'));
  assert.equal(parseTimeValue('-2 days', NOW), NOW - 2 * 86_400_000);
  assert.equal(parseTimeValue('+1 week', NOW), NOW + 7 * 86_400_000);
  assert.equal(parseTimeValue('3 hours ago', NOW), NOW - 3 * 3_600_000);
  assert.equal(parseTimeValue('next blue moon', NOW), undefined);
});

test('timeWindow reads since/until and rejects garbage with a (#100) error', () => {
  assert.deepEqual(timeWindow({ since: '100', until: '200' }, NOW), { sinceMs: 100_000, untilMs: 200_000 });
  assert.deepEqual(timeWindow({}, NOW), {});
  assert.throws(() => timeWindow({ since: 'soon-ish' }, NOW), (e: unknown) => e instanceof GraphError && /^\(#100\) The parameter since/.test(e.message));
});
