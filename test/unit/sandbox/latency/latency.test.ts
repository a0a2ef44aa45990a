import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandboxApp } from '../../../../src/sandbox/app.js';
import { installLatency } from '../../../../src/sandbox/latency/latency.js';
import { installBatch } from '../../../../src/sandbox/batch/install-batch.js';
import { installFeatures, installNodeTypes, installCoreRoutes } from '../../../../src/sandbox/features.js';
import { resolveOptions } from '../../../../src/sandbox/options.js';
import { issueReadyTokens } from '../../../../src/sandbox/ready-tokens.js';

function sandboxWithRecordedSleeps(options: { latencyMs?: number; jitterMs?: number; seed?: number }) {
  const app = createSandboxApp(resolveOptions(options));
  const delays: number[] = [];
  installFeatures(app, [(a) => installLatency(a, async (ms) => void delays.push(ms)), installBatch, installNodeTypes, installCoreRoutes]);
  const tokens = issueReadyTokens(app);
  const get = (source: string) => app.dispatch({ method: 'GET', url: `/v25.0/me?access_token=${tokens.longLivedUser}`, headers: {}, source });
  return { app, delays, tokens, get };
}

test('latency plus seeded jitter in [0, jitterMs], the same for the same seed', async () => {
  const run = async (seed: number) => {
    const s = sandboxWithRecordedSleeps({ latencyMs: 50, jitterMs: 20, seed });
    for (let i = 0; i < 20; i++) await s.get('http');
    return s.delays;
  };
  const a = await run(3);
  assert.equal(a.length, 20);
  assert.ok(a.every((ms) => ms >= 50 && ms <= 70), a.join(' '));
  assert.ok(new Set(a).size > 10, 'jitter varies');
  assert.deepEqual(await run(3), a);
  assert.notDeepEqual(await run(4), a);
});

test('a batch waits once: its operations do not wait again', async () => {
  const s = sandboxWithRecordedSleeps({ latencyMs: 40 });
  const batch = JSON.stringify(Array.from({ length: 5 }, () => ({ method: 'GET', relative_url: 'me' })));
  const response = await s.app.dispatch({
    method: 'POST', url: '/v25.0/', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ batch, access_token: s.tokens.longLivedUser }).toString(), source: 'http',
  });
  assert.equal(response.status, 200);
  assert.equal((response.json as unknown[]).length, 5);
  assert.deepEqual(s.delays, [40]);
});

test('no delay when latency and jitter are 0; latency changes at run time', async () => {
  const s = sandboxWithRecordedSleeps({});
  await s.get('http');
  assert.deepEqual(s.delays, []);
  s.app.options.latencyMs = 15;
  await s.get('http');
  assert.deepEqual(s.delays, [15]);
});
