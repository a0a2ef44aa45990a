/**
 * A ListSource is an ordered, possibly huge, lazily generated list: edges page through it by position
 * without materialising it. Composition helpers add the overlay's new items in front and drop deleted
 * ones.
 */

export interface ListSource<T> {
  /** Number of items. */
  readonly total: number;
  /** Items at positions [start, end) (clamped to [0, total)). */
  slice(start: number, end: number): T[];
}

export function emptySource<T>(): ListSource<T> {
  return { total: 0, slice: () => [] };
}

export function arraySource<T>(items: readonly T[]): ListSource<T> {
  return { total: items.length, slice: (start, end) => items.slice(Math.max(0, start), Math.max(0, end)) };
}

/** Items produced by `at(i)` for i in [0, total). */
export function lazySource<T>(total: number, at: (position: number) => T): ListSource<T> {
  return {
    total,
    slice(start, end) {
      const out: T[] = [];
      for (let i = Math.max(0, start); i < Math.min(total, end); i++) out.push(at(i));
      return out;
    },
  };
}

export function mapSource<T, U>(source: ListSource<T>, map: (item: T) => U): ListSource<U> {
  return { total: source.total, slice: (start, end) => source.slice(start, end).map(map) };
}

/** `first` followed by `second`. */
export function concatSources<T>(first: ListSource<T>, second: ListSource<T>): ListSource<T> {
  return {
    total: first.total + second.total,
    slice(start, end) {
      const a = first.slice(start, Math.min(end, first.total));
      const b = end > first.total ? second.slice(Math.max(0, start - first.total), end - first.total) : [];
      return [...a, ...b];
    },
  };
}

/** `source` without the items at the given positions (a few deleted items). */
export function withoutPositions<T>(source: ListSource<T>, removed: readonly number[]): ListSource<T> {
  const gone = [...new Set(removed)].filter((p) => p >= 0 && p < source.total).sort((x, y) => x - y);
  if (gone.length === 0) return source;
  // Position p of the filtered list is position p + k of the source, where k = removed positions ≤ it.
  const toSource = (p: number): number => {
    let position = p;
    for (const r of gone) {
      if (r <= position) position++;
      else break;
    }
    return position;
  };
  return {
    total: source.total - gone.length,
    slice(start, end) {
      const out: T[] = [];
      for (let p = Math.max(0, start); p < Math.min(source.total - gone.length, end); p++) {
        const item = source.slice(toSource(p), toSource(p) + 1)[0];
        if (item !== undefined) out.push(item);
      }
      return out;
    },
  };
}
