import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'undici';
import { GraphClient } from '../../../src/http/graph-client.js';
import { ResponseCache } from '../../../src/http/response-cache.js';
import { staticTokenProvider } from '../../../src/http/token-provider.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { sendJson, startStub } from '../../helpers/stub-server.js';

const answer = (n: number) => ({ status: 200, headers: {}, body: { n } });
const url = (path: string) => new URL(`http://127.0.0.1:1/v25.0${path}`);

test('a stored GET answer is reused until its TTL passes', () => {
  let now = 1_000;
  const cache = new ResponseCache({ ttlSeconds: 60, now: () => now });
  cache.set(url('/1/media?fields=id'), answer(1), 10);
  assert.deepEqual(cache.get(url('/1/media?fields=id'))?.body, { n: 1 });
  now += 59_999;
  assert.deepEqual(cache.get(url('/1/media?fields=id'))?.body, { n: 1 });
  now += 1;
  assert.equal(cache.get(url('/1/media?fields=id')), undefined);
  assert.deepEqual(cache.stats, { hits: 2, misses: 1, entries: 0, bytes: 0 });
});

test('off by default: TTL 0 stores nothing', () => {
  const cache = new ResponseCache({ ttlSeconds: 0 });
  cache.set(url('/1'), answer(1), 1);
  assert.equal(cache.enabled, false);
  assert.equal(cache.get(url('/1')), undefined);
  assert.equal(cache.stats.entries, 0);
});

test('keys leave out the token and appsecret_proof and ignore parameter order', () => {
  const key = ResponseCache.key(url('/1/media?limit=5&access_token=EAASECRET123&fields=id&appsecret_proof=abc'));
  assert.ok(!key.includes('EAASECRET123') && !key.includes('appsecret_proof'));
  assert.equal(key, ResponseCache.key(url('/1/media?fields=id&limit=5')));
  assert.notEqual(key, ResponseCache.key(url('/1/media?fields=id&limit=6')));
});

test('bounded: the least recently used entries go when entries or bytes overflow', () => {
  const cache = new ResponseCache({ ttlSeconds: 60, maxEntries: 2, maxBytes: 100 });
  cache.set(url('/a'), answer(1), 10);
  cache.set(url('/b'), answer(2), 10);
  assert.ok(cache.get(url('/a'))); // a is now the most recent
  cache.set(url('/c'), answer(3), 10);
  assert.equal(cache.get(url('/b')), undefined);
  assert.ok(cache.get(url('/a')) && cache.get(url('/c')));
  cache.set(url('/d'), answer(4), 95); // over the byte budget: everything older goes
  assert.equal(cache.stats.entries, 1);
  assert.equal(cache.stats.bytes, 95);
  cache.set(url('/e'), answer(5), 101); // larger than the whole budget: not stored
  assert.equal(cache.get(url('/e')), undefined);
});

test('GraphClient with ResponseCacheTTL: a repeated GET is answered without a request; POSTs and errors never are', async () => {
  let calls = 0;
  const stub = await startStub((req, res) => {
    calls++;
    if (req.url?.includes('/bad')) return sendJson(res, 400, { error: { message: '(#100) bad', type: 'OAuthException', code: 100 } });
    return sendJson(res, 200, { calls });
  });
  try {
    const make = (ttl: number) => new GraphClient(
      { BaseURL: stub.url, Version: 'v25.0', MaxRetries: 0, ResponseCacheTTL: ttl },
      { dispatcher: new Agent({ keepAliveTimeout: 10 }), tokenProvider: staticTokenProvider('EAATESTTOKEN123'), clock: new FakeClock() },
    );
    const cached = make(60);
    assert.deepEqual(await cached.get('/1', { fields: 'id' }), { calls: 1 });
    assert.deepEqual(await cached.get('/1', { fields: 'id' }), { calls: 1 });
    assert.equal(cached.stats.requests, 1);
    await cached.post('/1', { x: 1 });
    await cached.post('/1', { x: 1 });
    await assert.rejects(cached.get('/bad'));
    await assert.rejects(cached.get('/bad'));
    assert.equal(calls, 5);
    const plain = make(0);
    await plain.get('/1', { fields: 'id' });
    await plain.get('/1', { fields: 'id' });
    assert.equal(calls, 7);
  } finally {
    await stub.close();
  }
});
