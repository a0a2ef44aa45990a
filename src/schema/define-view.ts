/**
 * Views are values (after Steampipe's table definitions): a name, columns, the WHERE predicates the
 * Graph API can answer (key columns), and a `list` fetcher that streams rows in pages.
 *
 * The contract between the planner (src/sql) and a view:
 * - The planner passes only predicates that match a declared key column and operator.
 * - A view that receives a pushed predicate must yield only rows that satisfy it (exact pushdown);
 *   it may post-filter rows itself when the API's answer is coarser (e.g. since/until rounding).
 *   The engine re-checks every WHERE conjunct anyway, so an exact view costs nothing extra.
 * - `limit`, when given, is the number of rows (after the pushed predicates) the query needs: the
 *   view should stop paging once it has yielded that many. It is only given when nothing after the
 *   scan can drop or reorder rows.
 * - `columns` lists the columns the query reads; a view requests only the Graph fields they need.
 * - Rows are yielded a page at a time (arrays), so per-row overhead stays off the hot path.
 *
 * What the SQL engine guarantees to a view (src/sql):
 * - Pushed values are already coerced to the column's type (a Date for Datetime, a number for
 *   Integer/Double, a string for String), never NULL, and `in` lists are deduplicated. A predicate
 *   no row can satisfy (`x = NULL`, `x IN ()`) means `list` is not called at all.
 * - `in` reaches only a column that declares `in`; for a column that declares only `=`, the engine
 *   calls `list` once per value. Likewise `=` on an `in`-only column arrives as a list of one.
 * - Values may come from the SQL text, parameters, NOW()/DATEADD(...) expressions, subqueries, or
 *   other rows: a join `c.MediaId = m.Id` (and a correlated subquery) calls `list` with
 *   `MediaId in [batch of up to 100 media ids]` (or one `=` per id).
 * - Input-only (pseudo) columns: predicates on them are not re-checked by the engine, and a row
 *   that leaves the column empty gets the pushed `=` value.
 * - In `describe(ctx)` (EXPLAIN), a value known only at run time is a placeholder string such as
 *   `'<batch of m.Id>'`.
 */
import { IgsqlError } from '../errors.js';
import { COLUMN_TYPES, type ColumnType, type Row, type SqlValue } from './types.js';

export interface ColumnDefinition {
  /** PascalCase name, unique within the view (compared case-insensitively). */
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Other names for this column (CData's spellings, e.g. `LikesCount` for `LikeCount`). */
  readonly aliases?: readonly string[];
  /** Part of the view's primary key (sys_keycolumns, docs). */
  readonly key?: boolean;
  /**
   * An input-only column (CData "pseudo column"): it can be set in WHERE to steer the API call
   * (e.g. `Since`, `Breakdown`) but is not part of `SELECT *`. Selecting it echoes the pushed value.
   */
  readonly pseudo?: boolean;
  /** The Graph field(s) this column comes from, for docs and EXPLAIN (e.g. `like_count`). */
  readonly graphField?: string;
  /**
   * A foreign key: the column holds ids of another view's column (e.g. Comments.MediaId →
   * Media.Id). Shown in sys_keycolumns; the catalog checks that the target exists.
   */
  readonly references?: { readonly view: string; readonly column: string };
}

/** Comparison operators a key column may accept. `in` receives an array of values. */
export type PushOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'in' | 'like' | 'is null' | 'is not null';

export interface KeyColumn {
  readonly column: string;
  readonly operators: readonly PushOperator[];
  /**
   * `required`: the query must filter on this column; `any_of`: at least one of the key columns
   * marked any_of must be filtered; `optional`: used when present.
   */
  readonly require: 'required' | 'optional' | 'any_of';
}

export interface PushedPredicate {
  readonly column: string;
  readonly op: PushOperator;
  /** A single value, or the list for `in`; absent for `is null` / `is not null`. */
  readonly value?: SqlValue | readonly SqlValue[];
}

export interface ViewExample {
  readonly description: string;
  readonly sql: string;
}

/** What a fetcher gets: the query's needs plus the connection's services. */
export interface FetchContext<Api = unknown> {
  readonly columns: ReadonlySet<string>;
  readonly predicates: readonly PushedPredicate[];
  readonly limit: number | undefined;
  readonly signal: AbortSignal;
  /** Connection services (Graph client, account scope, properties); see src/schema/view-api.ts. */
  readonly api: Api;
}

export interface ViewDefinition<Api = unknown> {
  readonly name: string;
  /** Other names that resolve to this view (CData's names, plurals). */
  readonly aliases: readonly string[];
  readonly description: string;
  readonly columns: readonly ColumnDefinition[];
  readonly keyColumns: readonly KeyColumn[];
  /** If set, `list` always yields rows in this order (lets ORDER BY ... LIMIT stop early). */
  readonly orderedBy?: { readonly column: string; readonly direction: 'asc' | 'desc' };
  readonly examples: readonly ViewExample[];
  /** Plain-language notes for the docs ("Important notes"): permissions, limits, quirks. */
  readonly notes?: readonly string[];
  /** Streams rows, a page at a time. */
  list(ctx: FetchContext<Api>): AsyncIterable<readonly Row[]>;
  /** For EXPLAIN: the Graph requests `list` will make for this context, one line each. */
  describe?(ctx: FetchContext<Api>): readonly string[];
}

/** Builds a view and checks it; throws an `internal` IgsqlError listing every problem. */
export function defineView<Api>(view: ViewDefinition<Api>): ViewDefinition<Api> {
  const problems = validateView(view);
  if (problems.length > 0) {
    throw new IgsqlError('internal', `view ${view.name || '(unnamed)'} is invalid: ${problems.join('; ')}`);
  }
  return Object.freeze(view);
}

export function validateView(view: ViewDefinition<unknown>): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(view.name)) problems.push(`name "${view.name}" is not an identifier`);
  if (view.description.trim() === '') problems.push('description is empty');
  if (view.columns.length === 0) problems.push('it has no columns');
  const seen = new Set<string>();
  for (const column of view.columns) {
    const lower = column.name.toLowerCase();
    if (seen.has(lower)) problems.push(`column ${column.name} is declared twice`);
    seen.add(lower);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(column.name)) problems.push(`column name "${column.name}" is not an identifier`);
    if (!COLUMN_TYPES.includes(column.type)) problems.push(`column ${column.name} has unknown type ${String(column.type)}`);
    if (column.description.trim() === '') problems.push(`column ${column.name} has no description`);
  }
  for (const key of view.keyColumns) {
    if (!seen.has(key.column.toLowerCase())) problems.push(`key column ${key.column} is not a column`);
    if (key.operators.length === 0) problems.push(`key column ${key.column} accepts no operator`);
  }
  if (view.orderedBy && !seen.has(view.orderedBy.column.toLowerCase())) {
    problems.push(`orderedBy column ${view.orderedBy.column} is not a column`);
  }
  if (view.examples.length === 0) problems.push('it has no example query');
  return problems;
}
