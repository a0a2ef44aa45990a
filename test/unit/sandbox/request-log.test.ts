import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RequestLog, type RequestLogEntry } from '../../../src/sandbox/request-log.js';

const entry = (n: number): RequestLogEntry => ({
  at: n, method: 'GET', path: `/v25.0/${n}`, version: 'v25.0', endpoint: n % 2 === 0 ? 'GET /{ig-media-id}' : 'GET /me', params: {}, status: 200, traceId: `t${n}`, durationMs: 0, source: 'http',
});

test('the request log keeps the latest entries in order (a tenth more at most between trims), and exact counts', () => {
  const log = new RequestLog(10);
  for (let n = 0; n < 95; n++) {
    log.record(entry(n));
    const at = log.entries.map((e) => e.at);
    assert.ok(at.length >= Math.min(n + 1, 10) && at.length <= 11, `${at.length} entries after ${n + 1}`);
    assert.deepEqual(at, Array.from({ length: at.length }, (_, i) => n + 1 - at.length + i), 'the latest, oldest first');
  }
  assert.deepEqual(log.counts(), { 'GET /me': 47, 'GET /{ig-media-id}': 48 });
  assert.equal(log.total(), 95);
});
