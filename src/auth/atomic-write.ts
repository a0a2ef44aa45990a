/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same directory
 * (created 0600 with O_EXCL), is flushed to disk, then renamed over the target. rename(2) within
 * one directory is atomic, so a reader (or a crash at any instant) sees the old file or the new
 * one, never a mix. A temp file left by a process that died is removed by the next write.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from './process-alive.js';

export interface AtomicWriteOptions {
  /** File mode of the result. Default 0o600. */
  mode?: number;
  /** Mode of directories created on the way. Default 0o700. */
  dirMode?: number;
  /** Test seam: runs after the temp file is written and flushed, before the rename. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

/** `.<name>.<pid>.<random>.tmp`, next to the target. */
export function tempNameFor(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function ensureDirectory(dir: string, mode = 0o700): Promise<void> {
  // `mode` applies only to the directories this call creates; existing ones are left alone.
  await mkdir(dir, { recursive: true, mode });
}

export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o600;
  await ensureDirectory(dirname(path), options.dirMode ?? 0o700);
  await removeOrphanTemps(path);
  const temp = tempNameFor(path);
  const handle = await open(temp, 'wx', mode);
  try {
    // The umask may have removed bits; a stricter umask is fine, but make the mode exact.
    await handle.chmod(mode);
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await options.beforeRename?.(temp);
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** Makes the rename durable (a no-op where directories cannot be opened, e.g. Windows). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort.
  }
}

/** Deletes temp files of `path` whose writer process is gone. */
export async function removeOrphanTemps(path: string): Promise<number> {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    await unlink(join(dirname(path), name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}

/** Sets the mode of an existing file (used to tighten a settings file created by hand). */
export async function tightenMode(path: string, mode = 0o600): Promise<void> {
  await chmod(path, mode);
}
