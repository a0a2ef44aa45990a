/**
 * The value model shared by the SQL engine, the views and the result sets.
 *
 * | ColumnType | JS value in a row             | text output                  |
 * |------------|-------------------------------|------------------------------|
 * | String     | string                        | as is                        |
 * | Integer    | number (a safe integer)       | decimal                      |
 * | Double     | number                        | decimal                      |
 * | Boolean    | boolean                       | true / false                 |
 * | Datetime   | Date (UTC instant)            | ISO 8601, `2026-05-19T23:27:28.000Z` |
 * | Json       | plain object or array         | JSON text                    |
 *
 * SQL NULL is `null`. A row never holds `undefined`: a missing key in a row object reads as NULL.
 * Graph ids are strings end to end (they exceed 2^53).
 */

export type ColumnType = 'String' | 'Integer' | 'Double' | 'Boolean' | 'Datetime' | 'Json';

export const COLUMN_TYPES: readonly ColumnType[] = ['String', 'Integer', 'Double', 'Boolean', 'Datetime', 'Json'];

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type SqlValue = string | number | boolean | Date | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A row as views produce it: column name (as declared) → value. */
export type Row = Readonly<Record<string, SqlValue>>;

/** A column of a result set. */
export interface ResultColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** A secret value (a token a procedure returns): the CLI masks it unless --show-secrets. */
  readonly sensitive?: boolean;
}
