/**
 * The optional per-connection response cache (connection property `ResponseCacheTTL`, seconds; 0,
 * the default, turns it off). A REPL session or a dashboard that runs the same query twice within
 * the TTL gets the second answer without a Graph call.
 *
 * - Only successful GETs are stored (never POST/DELETE, never errors).
 * - The key is the request URL *before* the token and appsecret_proof are added, so no secret is
 *   kept in memory as a key; the cache belongs to one connection (one token), so it never serves a
 *   response to another identity.
 * - Bounded: at most `maxEntries` responses and `maxBytes` of response bodies (as received); the
 *   least recently used entries go first. Expired entries are dropped when met.
 */
import type { GraphResponse } from './call-options.js';

export interface ResponseCacheOptions {
  /** Seconds an answer stays reusable; 0 or less: the cache stores nothing. */
  readonly ttlSeconds: number;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly response: GraphResponse<unknown>;
  readonly bytes: number;
  readonly expires: number;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export const DEFAULT_MAX_ENTRIES = 2_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Query parameters that never become part of a key (they are added per request anyway). */
const SECRET_PARAMS = ['access_token', 'appsecret_proof'];

export class ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly #now: () => number;
  /** Map order = recency (oldest first). */
  readonly #entries = new Map<string, Entry>();
  readonly #stats: ResponseCacheStats = { hits: 0, misses: 0, entries: 0, bytes: 0 };

  constructor(options: ResponseCacheOptions) {
    this.ttlMs = Math.max(0, options.ttlSeconds) * 1000;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get stats(): Readonly<ResponseCacheStats> {
    return { ...this.#stats };
  }

  /** The cache key of a GET: the URL without secret parameters, its query sorted. */
  static key(url: URL): string {
    const copy = new URL(url.href);
    for (const name of SECRET_PARAMS) copy.searchParams.delete(name);
    copy.searchParams.sort();
    copy.hash = '';
    return copy.href;
  }

  /** A fresh stored answer to `GET url`, or undefined. */
  get<T>(url: URL): GraphResponse<T> | undefined {
    if (!this.enabled) return undefined;
    const key = ResponseCache.key(url);
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.expires <= this.#now()) {
      if (entry !== undefined) this.#remove(key, entry);
      this.#stats.misses++;
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry); // most recently used
    this.#stats.hits++;
    return entry.response as GraphResponse<T>;
  }

  /** Stores a successful GET answer of `bytes` bytes (too large answers are not stored). */
  set(url: URL, response: GraphResponse<unknown>, bytes: number): void {
    if (!this.enabled || bytes > this.maxBytes || this.maxEntries < 1) return;
    const key = ResponseCache.key(url);
    const old = this.#entries.get(key);
    if (old !== undefined) this.#remove(key, old);
    this.#entries.set(key, { response, bytes, expires: this.#now() + this.ttlMs });
    this.#stats.entries++;
    this.#stats.bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#stats.entries <= this.maxEntries && this.#stats.bytes <= this.maxBytes) break;
      this.#remove(oldest, entry);
    }
  }

  clear(): void {
    this.#entries.clear();
    this.#stats.entries = 0;
    this.#stats.bytes = 0;
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#stats.entries--;
    this.#stats.bytes -= entry.bytes;
  }
}
