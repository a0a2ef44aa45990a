import { closeSync, existsSync, fstatSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { IgsqlError } from '../errors.js';

/** CData's floor for MaxLogFileSize: 100 kB. */
export const MIN_LOG_FILE_SIZE = 100 * 1024;
/** CData's default MaxLogFileSize: 100 MB. */
export const DEFAULT_LOG_FILE_SIZE = 100 * 1024 * 1024;

export interface RotatingFileOptions {
  /** Rotate before a write would make the file larger than this many bytes (floor 100 kB). */
  maxSize?: number;
  /** Files kept in all, the current one included (minimum 2); 0 or negative keeps every file. */
  maxCount?: number;
  /** Clock for the date-time suffix (tests). */
  now?: () => Date;
}

/**
 * An append-only log file that rotates by size: the full file is renamed to
 * `<name>-YYYYMMDD-HHmmss-SSS<ext>` and a new `<name><ext>` is started; the oldest rotated files are
 * deleted beyond `maxCount`. Writes are synchronous so nothing is lost when the process exits.
 * A write error (disk full, file removed) stops file logging instead of failing the query.
 */
export class RotatingFile {
  readonly path: string;
  readonly maxSize: number;
  readonly maxCount: number;
  #fd: number | undefined;
  #size = 0;
  #now: () => Date;

  constructor(path: string, options: RotatingFileOptions = {}) {
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new IgsqlError('config', `Logfile: the folder ${dir} does not exist; create it or choose a Logfile in an existing folder.`, {
        details: { property: 'Logfile' },
      });
    }
    this.path = path;
    this.maxSize = options.maxSize === undefined || options.maxSize <= 0 ? DEFAULT_LOG_FILE_SIZE : Math.max(MIN_LOG_FILE_SIZE, options.maxSize);
    const count = options.maxCount ?? -1;
    this.maxCount = count <= 0 ? 0 : Math.max(2, count);
    this.#now = options.now ?? (() => new Date());
    this.#open();
  }

  write(chunk: string): boolean {
    if (this.#fd === undefined) return true;
    const bytes = Buffer.byteLength(chunk);
    try {
      if (this.#size > 0 && this.#size + bytes > this.maxSize) this.#rotate();
      if (this.#fd === undefined) return true;
      writeSync(this.#fd, chunk);
      this.#size += bytes;
    } catch {
      this.close();
    }
    return true;
  }

  close(): void {
    if (this.#fd === undefined) return;
    try {
      closeSync(this.#fd);
    } catch {
      // already closed
    }
    this.#fd = undefined;
  }

  /** Rotated files, oldest first. */
  rotatedFiles(): string[] {
    const { dir, stem, ext } = this.#parts();
    const pattern = new RegExp(`^${escape(stem)}-\\d{8}-\\d{6}-\\d{3}(?:-\\d+)?${escape(ext)}$`);
    return readdirSync(dir)
      .filter((name) => pattern.test(name))
      .sort(compareRotated)
      .map((name) => join(dir, name));
  }

  #open(): void {
    this.#fd = openSync(this.path, 'a');
    this.#size = fstatSync(this.#fd).size;
  }

  #rotate(): void {
    this.close();
    const { dir, stem, ext } = this.#parts();
    const stamp = formatStamp(this.#now());
    let target = join(dir, `${stem}-${stamp}${ext}`);
    for (let n = 1; existsSync(target); n++) target = join(dir, `${stem}-${stamp}-${n}${ext}`);
    renameSync(this.path, target);
    if (this.maxCount > 0) {
      const rotated = this.rotatedFiles();
      for (const old of rotated.slice(0, Math.max(0, rotated.length - (this.maxCount - 1)))) rmSync(old, { force: true });
    }
    this.#open();
  }

  #parts(): { dir: string; stem: string; ext: string } {
    const ext = extname(this.path);
    return { dir: dirname(this.path), stem: basename(this.path, ext), ext };
  }
}

function formatStamp(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

function compareRotated(a: string, b: string): number {
  const key = (name: string): [string, number] => {
    const m = /-(\d{8}-\d{6}-\d{3})(?:-(\d+))?\.?[^.]*$/.exec(name);
    return [m?.[1] ?? name, Number(m?.[2] ?? 0)];
  };
  const [sa, na] = key(a);
  const [sb, nb] = key(b);
  return sa < sb ? -1 : sa > sb ? 1 : na - nb;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
