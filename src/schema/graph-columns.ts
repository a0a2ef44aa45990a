/**
 * Columns backed by Graph fields: which `fields=` entry a column needs and how a Graph JSON node
 * becomes a row. Keeps view files declarative:
 *
 *   col('LikeCount', 'Integer', 'Likes on the media.', { field: 'like_count', aliases: ['LikesCount'] })
 *   col('OwnerId', 'String', 'Owner account id.', { field: 'owner', read: (n) => path(n, 'owner', 'id') })
 */
import type { ColumnDefinition } from './define-view.js';
import { rowMaker, type RowMaker } from './row-maker.js';
import type { ColumnType, Row, SqlValue } from './types.js';
import type { GraphNode } from './view-api.js';

export interface GraphColumn extends ColumnDefinition {
  /** The Graph field requested for this column (`fields=`); undefined for computed/pushed columns. */
  readonly field?: string;
  /** Reads the raw value from the node; default: `node[field]`. */
  readonly read?: (node: GraphNode) => unknown;
}

export interface ColOptions {
  readonly field?: string;
  readonly read?: (node: GraphNode) => unknown;
  readonly key?: boolean;
  readonly pseudo?: boolean;
  readonly aliases?: readonly string[];
}

export function col(name: string, type: ColumnType, description: string, options: ColOptions = {}): GraphColumn {
  const column: GraphColumn = {
    name,
    type,
    description,
    ...(options.key ? { key: true } : {}),
    ...(options.pseudo ? { pseudo: true } : {}),
    ...(options.aliases ? { aliases: options.aliases } : {}),
    ...(options.field ? { field: options.field, graphField: options.field } : {}),
    ...(options.read ? { read: options.read } : {}),
  };
  return column;
}

/** `path(node, 'owner', 'id')` → node.owner?.id, or undefined. */
export function path(node: unknown, ...keys: string[]): unknown {
  let current: unknown = node;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The distinct Graph fields needed for the given columns (always including `id`). */
export function graphFields(columns: readonly GraphColumn[], needed: ReadonlySet<string>, always: readonly string[] = ['id']): string[] {
  const fields = new Set<string>(always);
  const wanted = lowerSet(needed);
  for (const column of columns) {
    if (column.field && wanted.has(column.name.toLowerCase())) fields.add(column.field);
  }
  return [...fields];
}

export function lowerSet(names: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const name of names) out.add(name.toLowerCase());
  return out;
}

/** Graph timestamps (`2026-05-19T23:27:28+0000`), unix seconds or Dates → Date; else null. */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string' && value !== '') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** Converts a raw Graph value to the column's type; absent or unparsable values become NULL. */
export function convert(type: ColumnType, value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'String':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'Integer': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'Double': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 1) return true;
      if (value === 'false' || value === 0) return false;
      return null;
    case 'Datetime':
      return toDate(value);
    case 'Json':
      return typeof value === 'object' ? (value as SqlValue) : null;
  }
}

/** The columns among `columns` that the query needs, computed once per scan. */
export function selectColumns<C extends GraphColumn>(columns: readonly C[], needed: ReadonlySet<string>): C[] {
  const wanted = lowerSet(needed);
  return columns.filter((column) => wanted.has(column.name.toLowerCase()));
}

/**
 * A Graph node → row over the active columns (see selectColumns); other columns read as NULL.
 * `extra` supplies values not read from the node (AccountId, parent ids, pushed inputs). The row
 * is made as one object literal per column list (schema/row-maker.ts): a scan makes one per item.
 */
export function toRow(active: readonly GraphColumn[], node: GraphNode, extra?: Readonly<Record<string, SqlValue>>): Row {
  const values = scratch;
  values.length = active.length;
  for (let i = 0; i < active.length; i++) {
    const column = active[i]!;
    const fromExtra = extra?.[column.name];
    if (fromExtra !== undefined) values[i] = fromExtra;
    else if (column.read) values[i] = convert(column.type, column.read(node));
    else if (column.field) values[i] = convert(column.type, node[column.field]);
    else values[i] = null;
  }
  return makerOf(active)(values);
}

/** toRow's values on their way into a row (toRow is synchronous: one array serves every call). */
const scratch: SqlValue[] = [];
const makers = new WeakMap<readonly GraphColumn[], RowMaker>();

function makerOf(active: readonly GraphColumn[]): RowMaker {
  let make = makers.get(active);
  if (make === undefined) {
    make = rowMaker(active.map((column) => column.name));
    makers.set(active, make);
  }
  return make;
}
