/**
 * The token store across real processes: two processes renewing at once, and writers killed
 * in the middle of a write.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTokenStore } from '../../../src/auth/token-store.js';
import { spawnFixture } from './fixtures/spawn-tsx.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'igsql-proc-'));
}

test('two processes renewing an expiring token at once: one renewal, both end with the same token', async () => {
  const dir = await tempDir();
  const settings = join(dir, 'oauth-1234.json');
  const counter = join(dir, 'renewals.txt');
  const now = Date.now();
  // A long-lived token with a minute left: inside the renewal margin, so both processes must renew before use.
  await new FileTokenStore(settings).update(() => ({
    next: { appId: '1234', accessToken: 'old-token', refreshToken: 'old-token', tokenType: 'bearer', kind: 'long-lived', issuedAt: now - 59 * 86_400_000, expiresAt: now + 60_000 },
    result: undefined,
  }));
  const workers = [spawnFixture('./race-worker.ts', [settings, counter]), spawnFixture('./race-worker.ts', [settings, counter])];
  await Promise.all(workers.map((w) => w.line(/^ready$/)));
  for (const w of workers) w.send('go'); // released together
  const results = (await Promise.all(workers.map((w) => w.line(/^\{/)))).map((l) => JSON.parse(l) as { token: string; waited: boolean });
  await Promise.all(workers.map((w) => w.exit()));

  const renewals = (await readFile(counter, 'utf8')).trim().split('\n');
  assert.equal(renewals.length, 1, `exactly one process renews (renewals by ${renewals.join(', ')})`);
  assert.equal(results[0]!.token, results[1]!.token, 'both use the same token');
  assert.equal(results[0]!.token, `renewed-by-${renewals[0]}`);
  assert.ok(results.some((r) => r.waited), 'one process waited for the other one’s lock (the race really happened)');
  const stored = await new FileTokenStore(settings).read();
  assert.equal(stored?.accessToken, results[0]!.token);
  assert.equal(stored?.refreshToken, results[0]!.token);
  assert.deepEqual((await readdir(dir)).sort(), ['oauth-1234.json', 'renewals.txt'], 'no lock or temp file left');
});

test('a writer killed between writing the temp file and the rename leaves the old file intact', async () => {
  const dir = await tempDir();
  const file = join(dir, 'o.json');
  const store = new FileTokenStore(file);
  await store.update(() => ({ next: { accessToken: 'EAAgeneration-1', tokenType: 'bearer', kind: 'long-lived', issuedAt: 1 }, result: undefined }));
  const writer = spawnFixture('./writer-worker.ts', ['pause', file]);
  const paused = await writer.line(/^paused /);
  const temp = paused.slice('paused '.length);
  writer.process.kill('SIGKILL');
  await writer.exit();

  assert.match(await readFile(temp, 'utf8'), /EAAgeneration-2/, 'the new content was in the temp file…');
  assert.equal((await store.read())?.accessToken, 'EAAgeneration-1', '…but the settings file is the old one, whole');
  // The dead writer's lock and temp file are cleaned up by the next write.
  await store.update((current) => ({ next: { ...current!, issuedAt: 3 }, result: undefined }));
  assert.deepEqual(await readdir(dir), ['o.json']);
});

test('a writer killed at random moments never leaves a partial settings file', async () => {
  const dir = await tempDir();
  const file = join(dir, 'o.json');
  const store = new FileTokenStore(file, { lock: { staleMs: 2000 } });
  let lastSeen = 0;
  for (let round = 0; round < 6; round++) {
    const writer = spawnFixture('./writer-worker.ts', ['loop', file]);
    await writer.line(/^wrote /);
    // Each write is ~300 kB; a kill lands at an arbitrary point of one of them.
    await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 60)));
    writer.process.kill('SIGKILL');
    await writer.exit();
    const tokens = await store.read(); // throws if the file were partial
    assert.ok(tokens, 'a settings file is always there');
    assert.equal(Object.keys(tokens.pageTokens ?? {}).length, 3000);
    assert.ok(tokens.issuedAt >= 2);
    lastSeen = Math.max(lastSeen, tokens.issuedAt);
  }
  // The next update takes over the killed writer's lock and sweeps its temp files.
  await store.update((current) => ({ next: current!, result: undefined }));
  assert.deepEqual(await readdir(dir), ['o.json']);
  assert.ok(lastSeen >= 2);
});
