import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Agent } from 'undici';
import { GraphApiError } from '../../../src/errors.js';
import { GraphClient, type GraphClientOptions } from '../../../src/http/graph-client.js';
import { staticTokenProvider, type TokenProvider } from '../../../src/http/token-provider.js';
import { createLogger } from '../../../src/logging/logger.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { MemorySink } from '../../helpers/memory-sink.js';
import { type StubHandler, sendJson, startStub } from '../../helpers/stub-server.js';

async function withStub(handler: StubHandler, run: (url: string, stub: Awaited<ReturnType<typeof startStub>>) => Promise<void>): Promise<void> {
  const stub = await startStub(handler);
  try {
    await run(stub.url, stub);
  } finally {
    await stub.close();
  }
}

function client(url: string, options: Partial<GraphClientOptions> = {}, extra: { clock?: FakeClock; tokens?: TokenProvider; sink?: MemorySink; verbosity?: number } = {}): GraphClient {
  return new GraphClient(
    { BaseURL: url, Version: 'v21.0', MaxRetries: 3, Timeout: 5, ...options },
    {
      dispatcher: new Agent({ keepAliveTimeout: 10 }),
      tokenProvider: extra.tokens ?? staticTokenProvider('EAATESTTOKEN123'),
      clock: extra.clock ?? new FakeClock(),
      ...(extra.sink ? { logger: createLogger({ Verbosity: extra.verbosity ?? 5 }, extra.sink) } : {}),
    },
  );
}

const graphErr = (code: number, extra: Record<string, unknown> = {}) => ({ error: { message: `(#${code}) error`, type: 'OAuthException', code, fbtrace_id: 'Atrace', ...extra } });

test('relative paths get BaseURL and /Version; the token goes in the query', async () => {
  await withStub((_req, res) => sendJson(res, 200, { id: '1' }), async (url, stub) => {
    const c = client(url);
    assert.deepEqual(await c.get('/17841/media', { fields: ['id', 'caption'], limit: 5 }), { id: '1' });
    const u = new URL(stub.requests[0]!.url, url);
    assert.equal(u.pathname, '/v21.0/17841/media');
    assert.equal(u.searchParams.get('fields'), 'id,caption');
    assert.equal(u.searchParams.get('access_token'), 'EAATESTTOKEN123');
    assert.equal(c.url('/').pathname, '/v21.0/');
  });
});

test('bearer tokens go in the Authorization header; POST params in a form body', async () => {
  await withStub((_req, res) => sendJson(res, 200, { success: true }), async (url, stub) => {
    const c = client(url, {}, { tokens: staticTokenProvider('tok', { scheme: 'bearer' }) });
    await c.post('/17841/media', { caption: 'hi there' });
    const r = stub.requests[0]!;
    assert.equal(r.method, 'POST');
    assert.equal(r.headers.authorization, 'Bearer tok');
    assert.equal(new URLSearchParams(r.body).get('caption'), 'hi there');
    assert.ok(!r.url.includes('access_token'));
  });
});

test('appsecret_proof is HMAC-SHA256(token, secret) on every call when enabled', async () => {
  await withStub((_req, res) => sendJson(res, 200, {}), async (url, stub) => {
    const c = client(url, { AppSecretProof: true, OAuthClientSecret: 'appsecret' });
    await c.get('/me');
    await c.post('/me/feed', { message: 'x' });
    const expected = createHmac('sha256', 'appsecret').update('EAATESTTOKEN123').digest('hex');
    assert.equal(new URL(stub.requests[0]!.url, url).searchParams.get('appsecret_proof'), expected);
    assert.equal(new URLSearchParams(stub.requests[1]!.body).get('appsecret_proof'), expected);
    await assert.rejects(client(url, { AppSecretProof: true }).get('/me'), (e: any) => e.code === 'config' && /OAuthClientSecret/.test(e.message));
  });
});

test('big integers survive parsing as strings', async () => {
  await withStub((_req, res) => sendJson(res, 200, '{"user_id":27640875392278831,"n":12,"id":"17841"}'), async (url) => {
    assert.deepEqual(await client(url).get('/x'), { user_id: '27640875392278831', n: 12, id: '17841' });
  });
});

test('Graph error envelopes become GraphApiError with code, subcode and trace id', async () => {
  await withStub((_req, res) => sendJson(res, 400, graphErr(100, { error_subcode: 33 })), async (url, stub) => {
    const err = await client(url).get('/123').catch((e: unknown) => e);
    assert.ok(err instanceof GraphApiError);
    assert.equal(err.graphCode, 100);
    assert.equal(err.subcode, 33);
    assert.equal(err.code, 'graph');
    assert.equal(err.fbtraceId, 'Atrace');
    assert.equal(stub.requests.length, 1, 'not retried');
    assert.ok(!err.message.includes('EAATESTTOKEN123'));
  });
});

test('GET is retried with backoff on 5xx, codes 1/2, is_transient and connection resets', async () => {
  const script = [
    (res: any) => sendJson(res, 500, graphErr(1)),
    (res: any) => sendJson(res, 400, graphErr(2)),
    (res: any) => res.socket.destroy(),
    (res: any) => sendJson(res, 200, { ok: 1 }),
  ];
  let i = 0;
  await withStub((_req, res) => script[i++]!(res), async (url) => {
    const clock = new FakeClock();
    const c = client(url, {}, { clock });
    assert.deepEqual(await c.get('/x'), { ok: 1 });
    assert.equal(c.stats.retries, 3);
    assert.deepEqual(clock.sleeps, [375, 750, 1500], 'exponential backoff with jitter');
  });
});

test('retries stop at MaxRetries and the last error is thrown', async () => {
  await withStub((_req, res) => sendJson(res, 503, graphErr(2)), async (url, stub) => {
    const err = await client(url, { MaxRetries: 2 }).get('/x').catch((e: unknown) => e);
    assert.ok(err instanceof GraphApiError && err.graphCode === 2);
    assert.equal(stub.requests.length, 3);
  });
});

test('POST is not retried after a 5xx unless marked idempotent', async () => {
  await withStub((_req, res) => sendJson(res, 500, graphErr(1)), async (url, stub) => {
    await assert.rejects(client(url).post('/x', { a: 1 }));
    assert.equal(stub.requests.length, 1);
    await assert.rejects(client(url, { MaxRetries: 1 }).post('/x', { a: 1 }, { idempotent: true }));
    assert.equal(stub.requests.length, 3);
  });
});

test('error 190 asks the TokenProvider to refresh and retries once with the new token', async () => {
  let token = 'old-token-value';
  let refreshes = 0;
  const usedTokens: unknown[] = [];
  const tokens: TokenProvider = {
    token: async () => ({ value: token, scheme: 'query' }),
    onAuthError: async (err, used) => {
      assert.equal(err.graphCode, 190);
      usedTokens.push(used);
      refreshes++;
      token = 'new-token-value';
      return true;
    },
  };
  await withStub((req, res) => (req.url.includes('old-token') ? sendJson(res, 400, graphErr(190, { error_subcode: 463 })) : sendJson(res, 200, { ok: true })), async (url) => {
    assert.deepEqual(await client(url, {}, { tokens }).get('/me'), { ok: true });
    assert.equal(refreshes, 1);
    assert.deepEqual(usedTokens, ['old-token-value'], 'the provider is told which token the failed call carried');
  });
  await withStub((_req, res) => sendJson(res, 400, graphErr(190)), async (url, stub) => {
    const err = await client(url, {}, { tokens }).get('/me').catch((e: unknown) => e);
    assert.ok(err instanceof GraphApiError && err.code === 'auth');
    assert.equal(stub.requests.length, 2, 'one refresh, one retry, then the error');
  });
});

test('rate-limit codes wait estimated_time_to_regain_access from X-Business-Use-Case-Usage, then go on', async () => {
  let n = 0;
  const buc = JSON.stringify({ '17841': [{ type: 'instagram', call_count: 100, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 3 }] });
  await withStub((_req, res) => (n++ === 0 ? sendJson(res, 400, graphErr(80002), { 'x-business-use-case-usage': buc }) : sendJson(res, 200, { data: [] })), async (url) => {
    const clock = new FakeClock();
    const c = client(url, {}, { clock });
    assert.deepEqual(await c.get('/17841/media'), { data: [] });
    assert.equal(clock.sleeps[0], 3 * 60_000);
    assert.equal(c.stats.rateLimitWaits, 1);
  });
});

test('a rate-limit wait past the deadline fails with rate-limit saying how long the API asked to wait', async () => {
  const buc = JSON.stringify({ '17841': [{ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 12 }] });
  await withStub((_req, res) => sendJson(res, 400, graphErr(4, { is_transient: true }), { 'x-business-use-case-usage': buc }), async (url, stub) => {
    const clock = new FakeClock();
    const err = await client(url, {}, { clock }).get('/17841/media', {}, { deadline: clock.time + 60_000 }).catch((e: unknown) => e);
    assert.ok(err instanceof GraphApiError);
    assert.equal(err.code, 'rate-limit');
    assert.match(err.message, /asked to wait 12 min/);
    assert.match(err.message, /deadline/);
    assert.equal(stub.requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });
});

test('rate limits without a header back off, and every code 4/17/32/613/80001/80002 counts', async () => {
  for (const code of [4, 17, 32, 613, 80001, 80002]) {
    let n = 0;
    await withStub((_req, res) => (n++ < 2 ? sendJson(res, 400, graphErr(code)) : sendJson(res, 200, { ok: code })), async (url) => {
      const clock = new FakeClock();
      const c = client(url, {}, { clock });
      assert.deepEqual(await c.get('/x'), { ok: code });
      assert.equal(clock.sleeps.length, 2, `code ${code}`);
      assert.ok(clock.sleeps[1]! > clock.sleeps[0]!);
    });
  }
});

test('pacing: above 80 % usage requests are delayed in proportion, before the limit', async () => {
  const usages = [50, 90, 99, 100];
  let n = 0;
  await withStub((_req, res) => sendJson(res, 200, {}, { 'x-app-usage': JSON.stringify({ call_count: usages[n++] ?? 0, total_time: 1, total_cputime: 1 }) }), async (url) => {
    const clock = new FakeClock();
    const c = client(url, {}, { clock });
    for (let i = 0; i < 5; i++) await c.get('/x');
    assert.deepEqual(clock.sleeps, [5000, 9500, 10000]);
    assert.equal(c.stats.pacingDelays, 3);
  });
});

test('Timeout bounds a server that never answers and one that stalls the body', async () => {
  await withStub((req, res) => {
    if (req.url.includes('slow-body')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    }
    // else: never answer
  }, async (url) => {
    for (const path of ['/no-answer', '/slow-body']) {
      const started = Date.now();
      const err = await client(url, { Timeout: 0.3, MaxRetries: 1 }).get(path).catch((e: unknown) => e);
      assert.equal((err as any).code, 'timeout', path);
      assert.match((err as Error).message, /Timeout=0.3 s/);
      assert.ok(Date.now() - started < 5000, 'did not hang');
    }
  });
});

test('an aborted signal cancels the call at once', async () => {
  await withStub(() => undefined, async (url) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await client(url, { Timeout: 0 }).get('/x', {}, { signal: controller.signal }).catch((e: unknown) => e);
    assert.equal((err as any).code, 'cancelled');
    const err2 = await client(url, { Timeout: 0 }).get('/x', {}, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    assert.equal((err2 as any).code, 'timeout');
  });
});

test('ids() asks ≤ 50 ids per call and merges the answers', async () => {
  await withStub((req, res) => {
    const ids = new URL(req.url, 'http://x').searchParams.get('ids')!.split(',');
    sendJson(res, 200, Object.fromEntries(ids.map((id) => [id, { id }])));
  }, async (url, stub) => {
    const ids = Array.from({ length: 120 }, (_, i) => String(1000 + i));
    const out = await client(url).ids(ids, { fields: 'id' });
    assert.equal(Object.keys(out).length, 120);
    assert.equal(stub.requests.length, 3);
    assert.ok(stub.requests.every((r) => new URL(r.url, url).searchParams.get('ids')!.split(',').length <= 50));
  });
});

test('logs: a summary per request at Verbosity 2, headers and bodies at 3, never the token', async () => {
  await withStub((_req, res) => sendJson(res, 200, { access_token: 'EAARESPONSETOKEN99', id: '1' }), async (url) => {
    for (const verbosity of [1, 2, 3]) {
      const sink = new MemorySink();
      await client(url, {}, { sink, verbosity }).get('/me', { fields: 'id' });
      const records = sink.records();
      const summaries = records.filter((r) => r['v'] === 2 && r['module'] === 'http');
      const bodies = records.filter((r) => r['v'] === 3);
      assert.equal(summaries.length, verbosity >= 2 ? 1 : 0, `v${verbosity}`);
      assert.equal(bodies.length > 0, verbosity >= 3, `v${verbosity}`);
      if (verbosity >= 2) assert.equal(summaries[0]!['status'], 200);
      assert.ok(!sink.text.includes('EAATESTTOKEN123') && !sink.text.includes('EAARESPONSETOKEN99'), sink.text);
    }
  });
});
