/**
 * The overlay: run-time writes on top of the generated data (stage 2: new comments and replies,
 * hidden flags, deleted comments, containers, published media). Generated data never changes; the
 * DataStore consults the overlay on every read:
 *   - `put(id, type, record)`  a new object, found by `/{id}` (`type` is its node type name);
 *   - `prepend(edgeKey, id)`   lists it first in an edge (`${parentId}/${edge}`, e.g. `${mediaId}/comments`);
 *   - `patch(id, changes)`     shallow-merges `changes` over the record's properties (e.g. `{ hidden: true }`);
 *   - `remove(id)`             deletes an object (generated or created): gone from `/{id}` and from edges;
 *   - `adjust(id, counter, d)` moves a derived counter (`'comments'` = comments_count of a media).
 */
import type { IdCodec } from './ids.js';

export interface OverlayNode {
  readonly type: string;
  readonly record: unknown;
}

export interface HashtagSearch {
  readonly hashtagId: string;
  readonly atMs: number;
}

export class Overlay {
  readonly #ids: IdCodec;
  readonly #nodes = new Map<string, OverlayNode>();
  readonly #patches = new Map<string, Record<string, unknown>>();
  readonly #deleted = new Set<string>();
  readonly #edges = new Map<string, string[]>();
  readonly #counters = new Map<string, number>();
  readonly #searches = new Map<string, HashtagSearch[]>();
  #next = 0;

  constructor(ids: IdCodec) {
    this.#ids = ids;
  }

  /** A fresh id for an object created at run time (17 digits, `184…`). */
  newId(): string {
    this.#next++;
    return this.#ids.encode('overlay', this.#next);
  }

  put(id: string, type: string, record: unknown): void {
    this.#nodes.set(id, { type, record });
    this.#deleted.delete(id);
  }

  get(id: string): OverlayNode | undefined {
    return this.#deleted.has(id) ? undefined : this.#nodes.get(id);
  }

  /** Lists `id` first (newest) in the edge `edgeKey`. */
  prepend(edgeKey: string, id: string): void {
    const list = this.#edges.get(edgeKey) ?? [];
    list.unshift(id);
    this.#edges.set(edgeKey, list);
  }

  /** Ids added to an edge, newest first, without deleted ones. */
  listed(edgeKey: string): readonly string[] {
    return (this.#edges.get(edgeKey) ?? []).filter((id) => !this.#deleted.has(id));
  }

  patch(id: string, changes: Readonly<Record<string, unknown>>): void {
    this.#patches.set(id, { ...this.#patches.get(id), ...changes });
  }

  patchOf(id: string): Readonly<Record<string, unknown>> | undefined {
    return this.#patches.size === 0 ? undefined : this.#patches.get(id);
  }

  remove(id: string): void {
    this.#deleted.add(id);
  }

  isDeleted(id: string): boolean {
    return this.#deleted.has(id);
  }

  /** Every deleted id (few): list sources map them back to positions. */
  deletedIds(): readonly string[] {
    return [...this.#deleted];
  }

  adjust(id: string, counter: string, delta: number): void {
    const key = `${id}\u0000${counter}`;
    this.#counters.set(key, (this.#counters.get(key) ?? 0) + delta);
  }

  adjustment(id: string, counter: string): number {
    return this.#counters.size === 0 ? 0 : this.#counters.get(`${id}\u0000${counter}`) ?? 0;
  }

  /** Remembers an `ig_hashtag_search` by an IG user (for `recently_searched_hashtags`). */
  recordSearch(igUserId: string, hashtagId: string, atMs: number): void {
    const list = (this.#searches.get(igUserId) ?? []).filter((s) => s.hashtagId !== hashtagId);
    list.unshift({ hashtagId, atMs });
    this.#searches.set(igUserId, list);
  }

  searches(igUserId: string): readonly HashtagSearch[] {
    return this.#searches.get(igUserId) ?? [];
  }
}
