/** igsql's own GraphClient against the sandbox's batch, faults and usage headers (the driver's view of stage 2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDispatcher } from '../../../src/http/dispatcher.js';
import { GraphClient, type BatchItemResult } from '../../../src/http/graph-client.js';
import { staticTokenProvider } from '../../../src/http/token-provider.js';
import { startSandbox, type SandboxOptions } from '../../../src/sandbox/index.js';

async function driver(options: SandboxOptions) {
  const sandbox = await startSandbox({ seed: 13, ...options });
  const dispatcher = createDispatcher({ Timeout: 30, ...(sandbox.certificate ? { SSLServerCert: sandbox.certificate.fingerprint256 } : {}) });
  const client = new GraphClient(
    { BaseURL: sandbox.url, Version: 'v25.0', Timeout: 30, MaxRetries: 2 },
    { dispatcher, tokenProvider: staticTokenProvider(sandbox.tokens.longLivedUser), backoff: { baseMs: 1, capMs: 5 } },
  );
  const account = sandbox.core.data.world.igAccounts[0]!;
  return { sandbox, client, ig: account.id, media: sandbox.core.data.mediaList(account).slice(0, 3).map((m) => m.id), close: () => Promise.all([dispatcher.close(), sandbox.stop()]) };
}

test('GraphClient.batch: items in order, per-item errors, and a null (cut-off) item sent again', async (t) => {
  const { sandbox, client, ig, media, close } = await driver({ faults: { script: [{ match: { path: '/{ig-media-id}', source: 'batch' }, fault: 'reset', times: 1 }] } });
  t.after(close);
  const results = await client.batch([
    { method: 'GET', relativeUrl: `${ig}?fields=username` },
    { method: 'GET', relativeUrl: `${media[0]}?fields=id,media_type` },
    { method: 'GET', relativeUrl: `${ig}?fields=nope` },
    { method: 'GET', relativeUrl: `?ids=${media.join(',')}&fields=id` },
  ]);
  assert.equal(results.length, 4);
  const [user, retried, failed, multi] = results as [BatchItemResult, BatchItemResult, BatchItemResult, BatchItemResult];
  assert.ok(user.ok && (user.body as { username: string }).username === 'lanterncoffee');
  assert.ok(retried.ok, 'the cut-off item was retried');
  assert.ok(!failed.ok && /nonexisting field \(nope\)/.test(failed.error.message));
  assert.ok(multi.ok && Object.keys(multi.body as object).length === 3);
  assert.equal(sandbox.counts()['POST /?batch'], 2, 'one retry round for the null item');
  assert.equal(sandbox.faults.counts().byKind.reset, 1);
});

test('GraphClient over HTTPS pinned by fingerprint retries a 5xx and a transient error, then reads usage headers', async (t) => {
  const { sandbox, client, ig, close } = await driver({
    https: true,
    faults: { script: [{ match: { path: '/{ig-user-id}', nth: 1 }, fault: 'server-error' }, { match: { path: '/{ig-user-id}', nth: 2 }, fault: 'transient' }] },
    rateLimit: { bucCalls: 10 },
  });
  t.after(close);
  const response = await client.request<{ username: string }>('GET', `/${ig}`, { fields: 'username' });
  assert.equal(response.body.username, 'lanterncoffee');
  assert.equal(sandbox.faults.counts().total, 2);
  assert.equal(client.pacer.snapshot(Date.now()).accounts[ig], 30, 'three calls of ten: 30 % from X-Business-Use-Case-Usage');
});
