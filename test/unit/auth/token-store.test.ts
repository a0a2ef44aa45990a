import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryTokenStore } from '../../../src/auth/memory-token-store.js';
import type { StoredTokens } from '../../../src/auth/stored-tokens.js';
import { FileTokenStore, openTokenStore } from '../../../src/auth/token-store.js';
import { IgsqlError } from '../../../src/errors.js';

const SECRET = 'EAAverySecretToken42';
const tokens = (accessToken = SECRET): StoredTokens => ({ accessToken, tokenType: 'bearer', kind: 'long-lived', issuedAt: 1000, expiresAt: 2000 });

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'igsql-store-'));
}

test('a file store creates its directory 0700 and the file 0600, and reads back what it wrote', async () => {
  const dir = await tempDir();
  const store = openTokenStore(join(dir, 'nested', 'deeper', 'oauth.json'));
  assert.equal(await store.read(), undefined);
  await store.update(() => ({ next: tokens(), result: undefined }));
  assert.deepEqual(await store.read(), tokens());
  assert.equal((await stat(join(dir, 'nested'))).mode & 0o777, 0o700);
  assert.equal((await stat(join(dir, 'nested', 'deeper'))).mode & 0o777, 0o700);
  assert.equal((await stat(store.location)).mode & 0o777, 0o600);
  // The lock is gone after the update, and no temp file is left behind.
  assert.deepEqual(await readdir(join(dir, 'nested', 'deeper')), ['oauth.json']);
});

test('the mode stays 0600 under a permissive umask', async () => {
  const dir = await tempDir();
  const old = process.umask(0o000);
  try {
    const store = new FileTokenStore(join(dir, 'o.json'));
    await store.update(() => ({ next: tokens(), result: undefined }));
    assert.equal((await stat(store.location)).mode & 0o777, 0o600);
  } finally {
    process.umask(old);
  }
});

test('an existing directory as OAuthSettingsLocation holds the per-app file', async () => {
  const dir = await tempDir();
  assert.equal(openTokenStore(dir, { appId: '55' }).location, join(dir, 'oauth-55.json'));
});

test('a settings file readable by others is tightened to 0600 with a warning', async () => {
  const dir = await tempDir();
  const warnings: string[] = [];
  const store = new FileTokenStore(join(dir, 'o.json'), { warn: (m) => warnings.push(m) });
  await store.update(() => ({ next: tokens(), result: undefined }));
  await chmod(store.location, 0o644);
  await store.read();
  assert.equal((await stat(store.location)).mode & 0o777, 0o600);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /readable by other users \(mode 644\)/);
});

test('a corrupt file is a config error naming the file, without its content', async () => {
  const dir = await tempDir();
  const file = join(dir, 'o.json');
  await writeFile(file, `{"igsql":"oauth-settings","version":1,"accessToken":"${SECRET}"`);
  const store = new FileTokenStore(file);
  for (const attempt of [() => store.read(), () => store.update(() => ({ result: 1 }))]) {
    await assert.rejects(attempt, (err: unknown) => {
      assert.ok(IgsqlError.is(err) && err.code === 'config');
      assert.ok(err.message.includes(file));
      assert.ok(!err.message.includes(SECRET));
      return true;
    });
  }
});

test('an unreadable location is a config error naming the file', async () => {
  const dir = await tempDir();
  // A directory where the file should be: reading it fails with EISDIR (root ignores mode bits, so no EACCES test).
  const store = new FileTokenStore(dir);
  await assert.rejects(store.read(), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && err.message.includes(dir) && /EISDIR/.test(err.message));
  const blocked = new FileTokenStore(join(dir, 'o.json', 'x.json'));
  await writeFile(join(dir, 'o.json'), 'not a directory');
  await assert.rejects(
    blocked.update(() => ({ next: tokens(), result: undefined })),
    (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /cannot be created \(ENOTDIR\); check OAuthSettingsLocation/.test(err.message),
  );
});

test('writes go through a temp file in the same directory and a rename', async () => {
  const dir = await tempDir();
  const file = join(dir, 'o.json');
  const seen: { temp: string; tempText: string; targetText: string }[] = [];
  const store = new FileTokenStore(file, {
    beforeRename: async (temp) => {
      seen.push({ temp, tempText: await readFile(temp, 'utf8'), targetText: await readFile(file, 'utf8').catch(() => '(none)') });
    },
  });
  await store.update(() => ({ next: tokens('first'), result: undefined }));
  await store.update(() => ({ next: tokens('second'), result: undefined }));
  assert.equal(seen.length, 2);
  const second = seen[1]!;
  assert.equal(join(second.temp, '..'), dir);
  assert.match(second.temp, /\/\.o\.json\.\d+\.[0-9a-f]+\.tmp$/);
  assert.match(second.tempText, /"second"/);
  assert.match(second.targetText, /"first"/, 'until the rename, readers see the previous file whole');
  assert.equal((await store.read())?.accessToken, 'second');
});

test('update re-reads under the lock: concurrent updates in one process do not lose writes', async () => {
  const dir = await tempDir();
  const a = new FileTokenStore(join(dir, 'o.json'));
  const b = new FileTokenStore(join(dir, 'o.json'));
  await a.update(() => ({ next: { ...tokens(), issuedAt: 0 }, result: undefined }));
  const bump = (store: FileTokenStore) =>
    store.update(async (current) => {
      await new Promise((r) => setTimeout(r, 5));
      return { next: { ...current!, issuedAt: current!.issuedAt + 1 }, result: undefined };
    });
  await Promise.all(Array.from({ length: 10 }, (_, i) => bump(i % 2 ? a : b)));
  assert.equal((await a.read())?.issuedAt, 10);
});

test('clear forgets the tokens', async () => {
  const store = new FileTokenStore(join(await tempDir(), 'o.json'));
  await store.update(() => ({ next: tokens(), result: undefined }));
  await store.clear();
  assert.equal(await store.read(), undefined);
});

test('memory:// stores are shared by name and serialise updates', async () => {
  MemoryTokenStore.resetAll();
  const a = openTokenStore('memory://shared');
  const b = openTokenStore('memory://shared');
  const other = openTokenStore('memory://other');
  assert.equal(a.location, 'memory://shared');
  await a.update(() => ({ next: { ...tokens(), issuedAt: 0 }, result: undefined }));
  assert.deepEqual(await b.read(), { ...tokens(), issuedAt: 0 });
  assert.equal(await other.read(), undefined);
  const order: number[] = [];
  await Promise.all(
    [a, b, a, b].map((s, i) =>
      s.update(async (current) => {
        order.push(i);
        await new Promise((r) => setTimeout(r, 3 - i));
        return { next: { ...current!, issuedAt: current!.issuedAt + 1 }, result: undefined };
      }),
    ),
  );
  assert.deepEqual(order, [0, 1, 2, 3]);
  assert.equal((await a.read())?.issuedAt, 4);
  await b.clear();
  assert.equal(await a.read(), undefined);
});
