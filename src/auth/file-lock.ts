/**
 * An exclusive lock between processes, held as a lock file created with O_CREAT|O_EXCL (`wx`).
 * The file holds `{ pid, host, nonce, createdAt }`; the holder touches its mtime every
 * `heartbeatMs`, so a waiter can tell a live holder (even one waiting minutes for a user in the
 * consent page) from a dead one.
 *
 * A lock is stale when its process is gone (same host) or when its mtime is older than
 * `staleMs` (the heartbeat stopped: crashed, or held from another host over a shared disk).
 * Takeover renames the stale file away, then checks that the file it moved is the one it judged
 * stale; if a new holder slipped in between, the file is linked back. Within one process, holders
 * of the same path also queue on a promise chain, so they do not poll each other.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { IgsqlError } from '../errors.js';
import { isProcessAlive } from './process-alive.js';
import { abortError, sleep } from './sleep.js';

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly nonce: string;
  readonly createdAt: number;
}

export interface FileLockOptions {
  /** Give up waiting after this long. Default 10 minutes (a holder may wait for a user). */
  timeoutMs?: number;
  /** A lock not touched for this long is stale. Default 30 s. */
  staleMs?: number;
  /** How often the holder touches the lock. Default staleMs / 3. */
  heartbeatMs?: number;
  signal?: AbortSignal;
  /** Called once when the lock is busy and we start waiting (for a log line). */
  onWait?: (holder: Partial<LockOwner>) => void;
}

const inProcess = new Map<string, Promise<void>>();

/** Runs `fn` while holding the lock at `lockPath`. */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const previous = inProcess.get(lockPath) ?? Promise.resolve();
  let releaseLocal!: () => void;
  const mine = new Promise<void>((resolve) => (releaseLocal = resolve));
  const chain = previous.then(() => mine);
  inProcess.set(lockPath, chain);
  try {
    await raceAbort(previous, options.signal);
    const owner = await acquire(lockPath, options);
    const beat = options.heartbeatMs ?? Math.max(50, Math.floor((options.staleMs ?? 30_000) / 3));
    const timer = setInterval(() => {
      const now = new Date();
      utimes(lockPath, now, now).catch(() => undefined);
    }, beat);
    timer.unref();
    try {
      return await fn();
    } finally {
      clearInterval(timer);
      await release(lockPath, owner);
    }
  } finally {
    releaseLocal();
    if (inProcess.get(lockPath) === chain) inProcess.delete(lockPath);
  }
}

async function acquire(lockPath: string, options: FileLockOptions): Promise<LockOwner> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const staleMs = options.staleMs ?? 30_000;
  const started = Date.now();
  const owner: LockOwner = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex'), createdAt: started };
  let delay = 20;
  let told = false;
  for (;;) {
    if (options.signal?.aborted) throw abortError(options.signal);
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      return owner;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        // The settings location itself is unusable (not a directory, read-only, …).
        throw lockError(lockPath, `cannot be created (${(err as NodeJS.ErrnoException).code ?? 'error'}); check OAuthSettingsLocation`, err, 'config');
      }
    }
    const holder = await inspect(lockPath);
    if (holder && isStale(holder, staleMs)) {
      await takeOver(lockPath, holder.owner);
      continue;
    }
    if (!told && holder) {
      told = true;
      options.onWait?.(holder.owner);
    }
    if (Date.now() - started >= timeoutMs) {
      const who = holder?.owner.pid ? `process ${holder.owner.pid}${holder.owner.host ? ` on ${holder.owner.host}` : ''}` : 'another process';
      throw lockError(lockPath, `is held by ${who} and was not released within ${Math.round(timeoutMs / 1000)} s; if that process is not running, delete the lock file`);
    }
    await sleep(delay, options.signal);
    delay = Math.min(500, delay * 2);
  }
}

interface Held {
  owner: Partial<LockOwner>;
  mtimeMs: number;
}

async function inspect(lockPath: string): Promise<Held | undefined> {
  try {
    const [text, st] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    let owner: Partial<LockOwner> = {};
    try {
      owner = JSON.parse(text) as Partial<LockOwner>;
    } catch {
      // Created but not yet written (or written by a process that died at that instant).
    }
    return { owner, mtimeMs: st.mtimeMs };
  } catch {
    return undefined; // Released while we looked: try again at once.
  }
}

function isStale(held: Held, staleMs: number): boolean {
  const { pid, host } = held.owner;
  if (typeof pid === 'number' && host === hostname() && !isProcessAlive(pid)) return true;
  return Date.now() - held.mtimeMs > staleMs;
}

async function takeOver(lockPath: string, judged: Partial<LockOwner>): Promise<void> {
  const aside = `${lockPath}.stale-${randomBytes(6).toString('hex')}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // Someone else took it over or it was released.
  }
  let moved: Partial<LockOwner> = {};
  try {
    moved = JSON.parse(await readFile(aside, 'utf8')) as Partial<LockOwner>;
  } catch {
    // Unwritten lock file: it was judged stale as such.
  }
  if (moved.nonce !== judged.nonce) {
    // A new holder created the lock between our look and our rename: give it back.
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function release(lockPath: string, owner: LockOwner): Promise<void> {
  try {
    const current = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (current.nonce === owner.nonce) await unlink(lockPath);
  } catch {
    // Gone already (taken over after we were judged stale): nothing to release.
  }
}

function lockError(lockPath: string, what: string, cause?: unknown, code: 'auth' | 'config' = 'auth'): IgsqlError {
  return new IgsqlError(code, `The token lock ${lockPath} ${what}.`, { cause, details: { file: lockPath } });
}

async function raceAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) throw abortError(signal);
  let onAbort!: () => void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
