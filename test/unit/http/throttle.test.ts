import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GraphStats } from '../../../src/http/call-options.js';
import { Pacer } from '../../../src/http/pacing.js';
import { Throttle } from '../../../src/http/throttle.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { FakeClock } from '../../helpers/fake-clock.js';

function throttle(clock: FakeClock): Throttle {
  const stats: GraphStats = { requests: 0, retries: 0, rateLimitWaits: 0, waitMs: 0, pacingDelays: 0, pacingMs: 0, bytes: 0, authRefreshes: 0 };
  return new Throttle({ pacer: new Pacer(), clock, stats, log: silentLogger.module('graph'), maxRetries: 3, backoff: undefined, maxRateLimitWaitMs: undefined });
}

test('a soft pacing delay past the deadline is cut to half the time left, so the request can still run', async () => {
  const clock = new FakeClock();
  const t = throttle(clock);
  t.pacer.update({ 'x-app-usage': JSON.stringify({ call_count: 100, total_time: 1, total_cputime: 1 }) }, clock.now());
  await t.pace(undefined, { deadline: clock.now() + 2000 }, 'GET /x');
  assert.deepEqual(clock.sleeps, [1000]);
  await t.pace(undefined, {}, 'GET /x');
  assert.deepEqual(clock.sleeps, [1000, 10_000], 'without a deadline the whole delay is waited');
});

test('a hard block past the deadline fails with a rate-limit error at once', async () => {
  const clock = new FakeClock();
  const t = throttle(clock);
  t.pacer.block('17841400000000001', clock.now() + 60_000);
  await assert.rejects(t.pace('17841400000000001', { deadline: clock.now() + 2000 }, 'GET /x'), (e: unknown) => (e as { code: string }).code === 'rate-limit');
  assert.deepEqual(clock.sleeps, []);
});
