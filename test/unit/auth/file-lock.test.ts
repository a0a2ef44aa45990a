import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from '../../../src/auth/file-lock.js';
import { isProcessAlive } from '../../../src/auth/process-alive.js';
import { IgsqlError } from '../../../src/errors.js';

async function lockPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'igsql-lock-')), 'o.json.lock');
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  assert.ok(!isProcessAlive(Number(pid)));
  return Number(pid);
}

test('the lock file holds pid, host and a nonce while held, and is removed after', async () => {
  const path = await lockPath();
  const inside = await withFileLock(path, async () => JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>);
  assert.equal(inside['pid'], process.pid);
  assert.equal(inside['host'], hostname());
  assert.match(String(inside['nonce']), /^[0-9a-f]{16}$/);
  await assert.rejects(readFile(path), { code: 'ENOENT' });
});

test('a lock left by a dead process is taken over at once', async () => {
  const path = await lockPath();
  await writeFile(path, JSON.stringify({ pid: deadPid(), host: hostname(), nonce: 'dead', createdAt: Date.now() }));
  const waits: unknown[] = [];
  const result = await withFileLock(path, async () => 'got it', { onWait: (h) => waits.push(h), timeoutMs: 5000 });
  assert.equal(result, 'got it');
  assert.deepEqual(waits, [], 'no waiting for a dead holder');
  assert.deepEqual(await readdir(join(path, '..')), [], 'no stale-* leftovers');
});

test('a lock whose heartbeat stopped (old mtime, unknown host) is stale', async () => {
  const path = await lockPath();
  await writeFile(path, JSON.stringify({ pid: 1, host: 'elsewhere', nonce: 'old', createdAt: 0 }));
  const old = new Date(Date.now() - 60_000);
  await utimes(path, old, old);
  assert.equal(await withFileLock(path, async () => 'taken', { staleMs: 30_000, timeoutMs: 5000 }), 'taken');
});

test('a live holder makes others wait; the heartbeat keeps it from looking stale', async () => {
  const path = await lockPath();
  const events: string[] = [];
  let releaseFirst!: () => void;
  const firstHolds = new Promise<void>((r) => (releaseFirst = r));
  const first = withFileLock(path, async () => {
    events.push('first in');
    await firstHolds;
    events.push('first out');
  }, { staleMs: 300, heartbeatMs: 50 });
  await new Promise((r) => setTimeout(r, 30));
  // A second holder in this process queues behind the first without polling.
  const second = withFileLock(path, async () => events.push('second in'), { staleMs: 300 });
  // Hold for longer than staleMs: only the heartbeat keeps the lock fresh.
  await new Promise((r) => setTimeout(r, 700));
  releaseFirst();
  await Promise.all([first, second]);
  assert.deepEqual(events, ['first in', 'first out', 'second in']);
});

test('waiting gives up with a clear auth error naming the holder', async () => {
  const path = await lockPath();
  // A live process (this one) on this host, freshly touched: not stale.
  await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'other', createdAt: Date.now() }));
  let told: unknown;
  await assert.rejects(
    withFileLock(path, async () => 'never', { timeoutMs: 200, onWait: (h) => (told = h) }),
    (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && err.message.includes(path) && err.message.includes(`process ${process.pid}`) && /delete the lock file/.test(err.message),
  );
  assert.equal((told as { pid: number }).pid, process.pid);
});

test('an aborted wait is cancelled', async () => {
  const path = await lockPath();
  await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'other', createdAt: Date.now() }));
  const ctl = new AbortController();
  setTimeout(() => ctl.abort(), 50);
  await assert.rejects(withFileLock(path, async () => 'never', { signal: ctl.signal }), (err: unknown) => IgsqlError.is(err) && err.code === 'cancelled');
});

test('a holder that was taken over does not delete the new holder’s lock', async () => {
  const path = await lockPath();
  await withFileLock(path, async () => {
    // Someone judged us stale and replaced the lock file.
    await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), nonce: 'usurper', createdAt: Date.now() }));
  });
  assert.equal(JSON.parse(await readFile(path, 'utf8')).nonce, 'usurper');
});
