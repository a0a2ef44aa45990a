/** A helper for the system tables: in-memory views computed from the catalog when queried. */
import { defineView, type ViewDefinition } from '../define-view.js';
import type { ColumnType, Row } from '../types.js';

export const CATALOG_NAME = 'igsql';
export const SCHEMA_NAME = 'Instagram';

export type SystemColumn = readonly [name: string, type: ColumnType, description: string];

export function systemView(
  name: string,
  description: string,
  columns: readonly SystemColumn[],
  example: string,
  rows: () => readonly Row[],
): ViewDefinition<unknown> {
  return defineView<unknown>({
    name,
    aliases: [],
    description,
    columns: columns.map(([columnName, type, columnDescription]) => ({ name: columnName, type, description: columnDescription })),
    keyColumns: [],
    examples: [{ description: `Query ${name}`, sql: example }],
    async *list() {
      yield rows();
    },
    describe: () => [`(in memory: ${name} is computed from the catalog; no Graph request)`],
  });
}

/** JDBC type codes, as CData's sys_tablecolumns.DataType reports them. */
export const JDBC_TYPE: Readonly<Record<ColumnType, number>> = {
  String: 12, Integer: 4, Double: 8, Boolean: 16, Datetime: 93, Json: 12,
};

export const DISPLAY_SIZE: Readonly<Record<ColumnType, number>> = {
  String: 2000, Integer: 11, Double: 17, Boolean: 5, Datetime: 24, Json: 2000,
};
