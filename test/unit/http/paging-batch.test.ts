import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'undici';
import { GraphApiError } from '../../../src/errors.js';
import { GraphClient } from '../../../src/http/graph-client.js';
import { staticTokenProvider, type TokenProvider } from '../../../src/http/token-provider.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { sendJson, startStub } from '../../helpers/stub-server.js';

function client(url: string, tokens: TokenProvider = staticTokenProvider('tok-current')): GraphClient {
  return new GraphClient({ BaseURL: url, Version: 'v21.0', MaxRetries: 2 }, { dispatcher: new Agent(), tokenProvider: tokens, clock: new FakeClock() });
}

async function collect<T>(gen: AsyncGenerator<{ data: T[] }>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of gen) out.push(...page.data);
  return out;
}

test('paginate follows paging.next on the same origin, replacing its stale token, and stops when next is absent', async () => {
  const stub = await startStub((req, res) => {
    const after = new URL(req.url, 'http://x').searchParams.get('after');
    const page = after === null ? 0 : Number(after);
    const next = page < 2 ? `${stub.url}/v21.0/17841/media?access_token=stale-token&limit=2&after=${page + 1}` : undefined;
    sendJson(res, 200, { data: [{ id: `${page}a` }, { id: `${page}b` }], paging: { cursors: { after: String(page + 1) }, ...(next ? { next } : {}) } });
  });
  try {
    const rows = await collect(client(stub.url).paginate('/17841/media', { limit: 2 }));
    assert.deepEqual(rows.map((r: any) => r.id), ['0a', '0b', '1a', '1b', '2a', '2b']);
    assert.equal(stub.requests.length, 3);
    for (const r of stub.requests) assert.equal(new URL(r.url, stub.url).searchParams.getAll('access_token').join(), 'tok-current');
  } finally {
    await stub.close();
  }
});

test('a next on another host is not followed: the request is rebuilt from cursors.after', async () => {
  const stub = await startStub((req, res) => {
    const after = new URL(req.url, 'http://x').searchParams.get('after');
    if (after === null) sendJson(res, 200, { data: [{ id: '1' }], paging: { cursors: { after: 'C1' }, next: 'https://evil.example/v21.0/x?access_token=t&after=C1' } });
    else sendJson(res, 200, { data: [{ id: '2' }], paging: { cursors: { after: 'C2' } } });
  });
  try {
    const rows = await collect(client(stub.url).paginate('/17841/tags'));
    assert.deepEqual(rows.map((r: any) => r.id), ['1', '2']);
    assert.equal(new URL(stub.requests[1]!.url, stub.url).pathname, '/v21.0/17841/tags');
  } finally {
    await stub.close();
  }
});

test('cursorOnly edges follow cursors.after until an empty page; a foreign next without cursor fails', async () => {
  const stub = await startStub((req, res) => {
    const u = new URL(req.url, 'http://x');
    if (u.pathname.endsWith('/foreign')) return sendJson(res, 200, { data: [{ id: 'x' }], paging: { next: 'https://elsewhere.example/p' } });
    const after = Number(u.searchParams.get('after') ?? 0);
    sendJson(res, 200, { data: after < 3 ? [{ id: String(after) }] : [], paging: { cursors: { after: String(after + 1) } } });
  });
  try {
    const rows = await collect(client(stub.url).paginate('/17841/tags', {}, { cursorOnly: true }));
    assert.deepEqual(rows.map((r: any) => r.id), ['0', '1', '2']);
    const plain = await collect(client(stub.url).paginate('/17841/tags'));
    assert.deepEqual(plain.map((r: any) => r.id), ['0'], 'without cursorOnly: stop when next is absent');
    await assert.rejects(collect(client(stub.url).paginate('/17841/foreign')), (e: any) => e.code === 'graph' && /another host/.test(e.message));
  } finally {
    await stub.close();
  }
});

test('batch: ≤ 50 per call, order kept, per-item errors returned, null items retried', async () => {
  let calls = 0;
  const stub = await startStub((req, res) => {
    calls++;
    const batch = JSON.parse(new URLSearchParams(req.body).get('batch')!) as Array<{ relative_url: string }>;
    sendJson(
      res,
      200,
      batch.map((item) => {
        const id = item.relative_url.split('?')[0]!;
        if (id === 'bad') return { code: 400, headers: [], body: JSON.stringify({ error: { message: '(#100) nope', code: 100, type: 'OAuthException' } }) };
        if (id === 'flaky' && calls === 1) return null;
        return { code: 200, headers: [{ name: 'Content-Type', value: 'text/javascript' }], body: `{"id":"${id}","big":9007199254740993}` };
      }),
    );
  });
  try {
    const requests = [...Array.from({ length: 60 }, (_, i) => ({ method: 'GET' as const, relativeUrl: `${i}?fields=id` })), { method: 'GET' as const, relativeUrl: 'bad' }, { method: 'GET' as const, relativeUrl: 'flaky' }];
    const results = await client(stub.url).batch(requests);
    assert.equal(results.length, 62);
    assert.ok(stub.requests.every((r) => (JSON.parse(new URLSearchParams(r.body).get('batch')!) as unknown[]).length <= 50));
    assert.deepEqual(results[7], { ok: true, status: 200, body: { id: '7', big: '9007199254740993' } });
    assert.ok(stub.requests.every((r) => new URLSearchParams(r.body).get('include_headers') === 'false'), 'item headers are not asked for (igsql reads none)');
    const bad = results[60]!;
    assert.ok(!bad.ok && bad.error instanceof GraphApiError && bad.error.graphCode === 100);
    assert.ok(results[61]!.ok, 'the null item was retried');
    assert.equal(new URLSearchParams(stub.requests[0]!.body).get('access_token'), 'tok-current');
  } finally {
    await stub.close();
  }
});

test('batch: items failing with 190 trigger one refresh and are sent again', async () => {
  let token = 'old';
  const told: (string | undefined)[] = [];
  const tokens: TokenProvider = { token: async () => ({ value: token, scheme: 'query' }), onAuthError: async (_err, used) => (told.push(typeof used === 'string' ? used : used?.value), (token = 'new'), true) };
  const stub = await startStub((req, res) => {
    const form = new URLSearchParams(req.body);
    const items = JSON.parse(form.get('batch')!) as unknown[];
    sendJson(res, 200, items.map(() => (form.get('access_token') === 'old' ? { code: 400, body: JSON.stringify({ error: { message: 'expired', code: 190 } }) } : { code: 200, body: '{"ok":true}' })));
  });
  try {
    const results = await client(stub.url, tokens).batch([{ method: 'GET', relativeUrl: 'me' }]);
    assert.deepEqual(results[0], { ok: true, status: 200, body: { ok: true } });
    assert.deepEqual(told, ['old'], 'the session is told which token the failed batch carried');
  } finally {
    await stub.close();
  }
});
