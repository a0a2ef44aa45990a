/**
 * The OAuthSettingsLocation store: where tokens survive between connections and processes.
 *
 * `update` is the one way to change tokens safely: it takes the lock, re-reads the current
 * tokens, lets the caller decide (a second process finds the token the first one just refreshed
 * and uses it instead of refreshing again), writes atomically and releases the lock.
 */
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IgsqlError } from '../errors.js';
import { ensureDirectory, tightenMode, writeFileAtomic } from './atomic-write.js';
import { type FileLockOptions, withFileLock } from './file-lock.js';
import { MemoryTokenStore } from './memory-token-store.js';
import { type LocationContext, defaultSettingsFileName, resolveSettingsLocation } from './settings-location.js';
import { type StoredTokens, parseTokens, serializeTokens } from './stored-tokens.js';

/** What an `update` callback returns: `next` is written (null deletes), `result` is handed back. */
export interface UpdateStep<T> {
  next?: StoredTokens | null;
  result: T;
}

export interface UpdateOptions {
  signal?: AbortSignal;
  /** Called when another holder has the lock and we wait for it. */
  onWait?: (holder: { pid?: number; host?: string }) => void;
}

export interface TokenStore {
  /** The path or memory://name, for messages (never a secret). */
  readonly location: string;
  /** The current tokens, or undefined when none are stored. */
  read(): Promise<StoredTokens | undefined>;
  /** Read-decide-write under the store's lock. */
  update<T>(fn: (current: StoredTokens | undefined) => Promise<UpdateStep<T>> | UpdateStep<T>, options?: UpdateOptions): Promise<T>;
  /** Forget the stored tokens. */
  clear(): Promise<void>;
}

export interface FileTokenStoreOptions {
  lock?: Omit<FileLockOptions, 'signal' | 'onWait'>;
  /** Told about fixable problems (a settings file readable by others). */
  warn?: (message: string) => void;
  /** Test seam for the atomic write. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

export class FileTokenStore implements TokenStore {
  readonly location: string;
  readonly #options: FileTokenStoreOptions;

  constructor(path: string, options: FileTokenStoreOptions = {}) {
    this.location = path;
    this.#options = options;
  }

  get lockPath(): string {
    return `${this.location}.lock`;
  }

  async read(): Promise<StoredTokens | undefined> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      throw new IgsqlError(
        'config',
        `The OAuth settings file ${this.location} cannot be read (${code ?? 'error'}). Fix its permissions or point OAuthSettingsLocation elsewhere.`,
        { cause: err, details: { property: 'OAuthSettingsLocation', file: this.location } },
      );
    }
    const tokens = parseTokens(text, this.location);
    await this.#checkMode();
    return tokens;
  }

  async update<T>(fn: (current: StoredTokens | undefined) => Promise<UpdateStep<T>> | UpdateStep<T>, options: UpdateOptions = {}): Promise<T> {
    // The lock file lives next to the settings file: the directory must exist first (0700 when created).
    await ensureDirectory(dirname(this.location)).catch(() => undefined);
    return withFileLock(
      this.lockPath,
      async () => {
        const step = await fn(await this.read());
        if (step.next === null) await this.#write('');
        else if (step.next !== undefined) await this.#write(serializeTokens(step.next));
        return step.result;
      },
      { ...this.#options.lock, ...(options.signal ? { signal: options.signal } : {}), ...(options.onWait ? { onWait: options.onWait } : {}) },
    );
  }

  async clear(): Promise<void> {
    await this.update(() => ({ next: null, result: undefined }));
  }

  async #write(text: string): Promise<void> {
    try {
      await writeFileAtomic(this.location, text, this.#options.beforeRename ? { beforeRename: this.#options.beforeRename } : {});
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new IgsqlError(
        'config',
        `The OAuth settings file ${this.location} cannot be written (${code ?? 'error'}). Check that its directory is writable, or point OAuthSettingsLocation elsewhere.`,
        { cause: err, details: { property: 'OAuthSettingsLocation', file: this.location } },
      );
    }
  }

  /** A settings file others can read (made by hand, copied) is tightened to 0600, with a warning. */
  async #checkMode(): Promise<void> {
    if (process.platform === 'win32') return;
    try {
      const st = await stat(this.location);
      if ((st.mode & 0o077) === 0 || st.uid !== process.getuid?.()) return;
      await tightenMode(this.location);
      this.#options.warn?.(`The OAuth settings file ${this.location} was readable by other users (mode ${(st.mode & 0o777).toString(8)}); it is now 600.`);
    } catch {
      // Not ours to fix.
    }
  }
}

export interface OpenTokenStoreOptions extends LocationContext, FileTokenStoreOptions {}

/** The store for an OAuthSettingsLocation value (see settings-location.ts for the default). */
export function openTokenStore(location: string | undefined, options: OpenTokenStoreOptions = {}): TokenStore {
  const resolved = resolveSettingsLocation(location, options);
  if (resolved.kind === 'memory') return MemoryTokenStore.named(resolved.name);
  // An existing directory holds the per-app default file.
  const isDirectory = statSync(resolved.path, { throwIfNoEntry: false })?.isDirectory() === true;
  return new FileTokenStore(isDirectory ? join(resolved.path, defaultSettingsFileName(options.appId)) : resolved.path, options);
}
