/**
 * One page of an edge and its `paging` block, the way graph.facebook.com writes it:
 *   - cursors: `before` = first item of the page, `after` = last item;
 *   - `next` only when items follow, `previous` only when items precede (never on the first page);
 *   - absolute URLs built by the caller's `link` (they repeat access_token, pretty=0, fields, limit);
 *   - `after` pointing past the end → (#100) The After Cursor specified exceeds the max limit.
 */
import type { ListSource } from '../data/list-source.js';
import { afterCursorExceedsLimit, invalidParameter } from '../graph-error.js';
import type { PagingStyle } from '../nodes/node-registry.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export interface PageSpec {
  readonly defaultLimit: number;
  readonly maxLimit: number;
  readonly paging: PagingStyle;
}

export interface PageParams {
  readonly limit?: string | undefined;
  readonly after?: string | undefined;
  readonly before?: string | undefined;
}

export interface Page<T> {
  readonly items: T[];
  readonly limit: number;
  /** The `paging` object, or undefined when the response carries none. */
  readonly paging: Record<string, unknown> | undefined;
}

/** Builds the absolute next/previous URL for a cursor; undefined when the edge has no URLs. */
export type LinkBuilder = (direction: 'after' | 'before', cursor: string, limit: number) => string | undefined;

export function effectiveLimit(spec: PageSpec, raw: string | undefined): number {
  if (raw === undefined || raw === '') return spec.defaultLimit;
  if (!/^\d+$/.test(raw.trim())) throw invalidParameter(`Param limit must be a non-negative integer, got "${raw}"`);
  const n = Number(raw.trim());
  return n === 0 ? spec.defaultLimit : Math.min(n, spec.maxLimit);
}

function position(cursor: string, name: 'after' | 'before'): number {
  const p = decodeCursor(cursor);
  if (p === undefined) throw invalidParameter(`The ${name} cursor is not valid: ${cursor.slice(0, 40)}`);
  return p;
}

export interface PageOptions {
  readonly link: LinkBuilder;
  /** How far the edge can be read at all (the `/media` 10K limit). */
  readonly cap?: number;
  /** Replaces the cursor position (stateful edges such as recent_media). */
  readonly startOverride?: number;
  /** The `after` cursor to print on every page (`constant-after` edges). */
  readonly constantAfter?: string;
}

/** A page of `source` for the request's limit/after/before. */
export function paginate<T>(source: ListSource<T>, spec: PageSpec, params: PageParams, options: PageOptions): Page<T> {
  const { link, cap = Infinity, startOverride } = options;
  const limit = effectiveLimit(spec, params.limit);
  const total = Math.min(source.total, cap);
  let start = 0;
  let end: number;
  if (startOverride !== undefined) {
    start = startOverride;
    end = Math.min(total, start + limit);
  } else if (params.after !== undefined && params.after !== '') {
    start = position(params.after, 'after') + 1;
    if (start > total) throw afterCursorExceedsLimit();
    end = Math.min(total, start + limit);
  } else if (params.before !== undefined && params.before !== '') {
    end = Math.min(position(params.before, 'before'), total);
    start = Math.max(0, end - limit);
  } else {
    end = Math.min(total, limit);
  }
  const items = source.slice(start, end);
  if (spec.paging === 'none' || items.length === 0) return { items, limit, paging: undefined };
  const before = encodeCursor(start);
  const after = options.constantAfter ?? encodeCursor(start + items.length - 1);
  const hasNext = start + items.length < total;
  const hasPrevious = start > 0;
  switch (spec.paging) {
    case 'cursors':
      return { items, limit, paging: { cursors: { before, after } } };
    case 'after-only':
    case 'constant-after': {
      if (!hasNext) return { items, limit, paging: undefined };
      const next = link('after', after, limit);
      return { items, limit, paging: { cursors: { after }, ...(next === undefined ? {} : { next }) } };
    }
    case 'urls': {
      const paging: Record<string, unknown> = { cursors: { before, after } };
      const previous = hasPrevious ? link('before', before, limit) : undefined;
      const next = hasNext ? link('after', after, limit) : undefined;
      if (previous !== undefined) paging['previous'] = previous;
      if (next !== undefined) paging['next'] = next;
      return { items, limit, paging };
    }
  }
}
