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

/** A sandbox whose latency waits until `release()`, with a route that records when it is handled. */
function sandboxWithHeldLatency() {
  const app = createSandboxApp(resolveOptions({ latencyMs: 50 }));
  const handled: string[] = [];
  let releases: (() => void)[] = [];
  const wait = () => new Promise<void>((resolve) => releases.push(resolve));
  installFeatures(app, [
    (a) => installLatency(a, wait),
    installBatch,
    installNodeTypes,
    installCoreRoutes,
    (a) => {
      a.router.get('/probe', () => (handled.push('GET'), { ok: true }));
      a.router.post('/probe', () => (handled.push('POST'), { ok: true }));
    },
  ]);
  const tokens = issueReadyTokens(app);
  const release = () => {
    for (const r of releases) r();
    releases = [];
  };
  const settled = async (p: Promise<unknown>) => {
    let done = false;
    void p.then(() => (done = true), () => (done = true));
    await new Promise((r) => setImmediate(r));
    return done;
  };
  return { app, tokens, handled, release, settled };
}

test('a read is answered at arrival + latency with its answer made meanwhile; a write waits first', async () => {
  const s = sandboxWithHeldLatency();
  const get = s.app.dispatch({ method: 'GET', url: `/v25.0/probe?access_token=${s.tokens.longLivedUser}`, headers: {}, source: 'http' });
  assert.equal(await s.settled(get), false, 'the answer waits for the latency');
  assert.deepEqual(s.handled, ['GET'], 'the read is handled during the latency');
  s.release();
  assert.equal((await get).status, 200);

  const post = s.app.dispatch({ method: 'POST', url: `/v25.0/probe?access_token=${s.tokens.longLivedUser}`, headers: {}, source: 'http' });
  assert.equal(await s.settled(post), false);
  assert.deepEqual(s.handled, ['GET'], 'a write is not handled before its latency is over');
  s.release();
  assert.equal((await post).status, 200);
  assert.deepEqual(s.handled, ['GET', 'POST']);
});

test('a batch of GETs is a read; a batch holding a write waits first', async () => {
  const s = sandboxWithHeldLatency();
  const batch = (ops: { method: string; relative_url: string }[]) =>
    s.app.dispatch({
      method: 'POST', url: '/v25.0/', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ batch: JSON.stringify(ops), access_token: s.tokens.longLivedUser }).toString(), source: 'http',
    });
  const reads = batch([{ method: 'GET', relative_url: 'probe' }, { method: 'GET', relative_url: 'probe' }]);
  assert.equal(await s.settled(reads), false);
  assert.deepEqual(s.handled, ['GET', 'GET']);
  s.release();
  assert.equal((await reads).status, 200);

  const mixed = batch([{ method: 'GET', relative_url: 'probe' }, { method: 'POST', relative_url: 'probe' }]);
  assert.equal(await s.settled(mixed), false);
  assert.deepEqual(s.handled, ['GET', 'GET'], 'nothing of a batch with a write runs before the latency is over');
  s.release();
  assert.equal((await mixed).status, 200);
  assert.deepEqual(s.handled, ['GET', 'GET', 'GET', 'POST']);
});
