/**
 * How result values look in the CLI's formats (see src/schema/types.ts for the value model):
 * Datetime as ISO 8601 in UTC, Json as JSON text (nested values in json/ndjson), NULL as an empty
 * CSV field, `NULL` in a table and `null` in JSON. Sensitive columns are masked unless asked.
 */
import type { ResultColumn, Row, SqlValue } from '../schema/types.js';
import { maskSecretValue } from './mask-secret.js';

/** A value as text (csv and table); null stays null for the caller to render. */
export function valueText(value: SqlValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value as JSON (json and ndjson): dates as ISO text, Json columns nested. */
export function valueJson(value: SqlValue | undefined): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Result columns with what the CLI needs to print them. */
export interface OutputColumn {
  readonly name: string;
  readonly masked: boolean;
}

export function outputColumns(columns: readonly ResultColumn[], showSecrets: boolean): OutputColumn[] {
  return columns.map((c) => ({ name: c.name, masked: c.sensitive === true && !showSecrets }));
}

/** The row's value for a column, masked when the column is. */
export function cellOf(row: Row, column: OutputColumn): SqlValue {
  const value = row[column.name] ?? null;
  return column.masked && value !== null ? maskSecretValue(valueText(value)!) : value;
}
