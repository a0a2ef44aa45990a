/** sys_tables and sys_tablecolumns: the views and their columns, from the definitions. */
import type { ViewDefinition } from '../define-view.js';
import type { Row } from '../types.js';
import { DISPLAY_SIZE, JDBC_TYPE, systemView } from './system-view.js';

export interface CatalogFacts {
  readonly catalogName: string;
  readonly schemaName: string;
  readonly views: readonly ViewDefinition<unknown>[];
}

export function sysTables(facts: CatalogFacts): ViewDefinition<unknown> {
  return systemView(
    'sys_tables',
    'The views igsql offers (one row per view), with their descriptions and other names.',
    [
      ['CatalogName', 'String', 'The catalog.'],
      ['SchemaName', 'String', 'The schema.'],
      ['TableName', 'String', 'The view name.'],
      ['TableType', 'String', 'VIEW (every Instagram object is read-only).'],
      ['Description', 'String', 'What the view holds.'],
      ['IsUpdateable', 'Boolean', 'Whether INSERT/UPDATE/DELETE are supported.'],
      ['Aliases', 'String', 'Other names that resolve to this view (CData names), comma-separated.'],
    ],
    'SELECT TableName, Description FROM sys_tables',
    () =>
      facts.views.map((v): Row => ({
        CatalogName: facts.catalogName, SchemaName: facts.schemaName, TableName: v.name, TableType: 'VIEW',
        Description: v.description, IsUpdateable: false, Aliases: v.aliases.join(', '),
      })),
  );
}

export function sysTableColumns(facts: CatalogFacts): ViewDefinition<unknown> {
  return systemView(
    'sys_tablecolumns',
    'The columns of every view: type, description, key, and which WHERE operators are pushed to the Graph API.',
    [
      ['CatalogName', 'String', 'The catalog.'],
      ['SchemaName', 'String', 'The schema.'],
      ['TableName', 'String', 'The view.'],
      ['ColumnName', 'String', 'The column.'],
      ['DataTypeName', 'String', 'String, Integer, Double, Boolean, Datetime or Json.'],
      ['DataType', 'Integer', 'The JDBC type code.'],
      ['Length', 'Integer', 'Maximum length in characters (0: unknown).'],
      ['DisplaySize', 'Integer', 'Typical display width.'],
      ['NumericPrecision', 'Integer', 'Precision of numeric columns.'],
      ['NumericScale', 'Integer', 'Scale of numeric columns.'],
      ['IsNullable', 'Boolean', 'Whether the column can be NULL.'],
      ['Description', 'String', 'What the column holds.'],
      ['Ordinal', 'Integer', 'Position of the column in the view (1-based).'],
      ['IsAutoIncrement', 'String', 'Always false.'],
      ['IsGeneratedColumn', 'String', 'Always false.'],
      ['IsHidden', 'Boolean', 'True for input-only (pseudo) columns, which SELECT * leaves out.'],
      ['IsArray', 'Boolean', 'Always false.'],
      ['IsReadOnly', 'Boolean', 'Always true.'],
      ['IsKey', 'Boolean', "Part of the view's primary key."],
      ['ColumnType', 'String', 'SYSTEM for data columns, PSEUDO for input-only columns.'],
      ['GraphField', 'String', 'The Graph API field the column comes from.'],
      ['PushdownOperators', 'String', 'WHERE operators the Graph API answers for this column (comma-separated), NULL if none.'],
      ['FilterRequirement', 'String', 'required, any_of or optional when the column is a pushed filter, else NULL.'],
    ],
    "SELECT ColumnName, DataTypeName, Description FROM sys_tablecolumns WHERE TableName = 'Media'",
    () =>
      facts.views.flatMap((v) =>
        v.columns.map((c, i): Row => {
          const key = v.keyColumns.find((k) => k.column.toLowerCase() === c.name.toLowerCase());
          const numeric = c.type === 'Integer' || c.type === 'Double';
          return {
            CatalogName: facts.catalogName, SchemaName: facts.schemaName, TableName: v.name, ColumnName: c.name,
            DataTypeName: c.type, DataType: JDBC_TYPE[c.type], Length: c.type === 'String' || c.type === 'Json' ? 0 : DISPLAY_SIZE[c.type],
            DisplaySize: DISPLAY_SIZE[c.type], NumericPrecision: numeric ? (c.type === 'Integer' ? 19 : 15) : null, NumericScale: numeric ? 0 : null,
            IsNullable: c.key !== true, Description: c.description, Ordinal: i + 1, IsAutoIncrement: 'false', IsGeneratedColumn: 'false',
            IsHidden: c.pseudo === true, IsArray: false, IsReadOnly: true, IsKey: c.key === true, ColumnType: c.pseudo ? 'PSEUDO' : 'SYSTEM',
            GraphField: c.graphField ?? null, PushdownOperators: key ? key.operators.join(', ') : null, FilterRequirement: key ? key.require : null,
          };
        }),
      ),
  );
}

export function sysKeyColumns(facts: CatalogFacts): ViewDefinition<unknown> {
  return systemView(
    'sys_keycolumns',
    'Primary keys and foreign keys (relationships between views, e.g. Comments.MediaId → Media.Id).',
    [
      ['CatalogName', 'String', 'The catalog.'],
      ['SchemaName', 'String', 'The schema.'],
      ['TableName', 'String', 'The view.'],
      ['ColumnName', 'String', 'The column.'],
      ['IsKey', 'Boolean', 'Part of the primary key.'],
      ['IsForeignKey', 'Boolean', "Refers to another view's column."],
      ['PrimaryKeyName', 'String', 'Name of the primary key.'],
      ['ForeignKeyName', 'String', 'Name of the foreign key.'],
      ['ReferencedCatalogName', 'String', 'Catalog of the referenced view.'],
      ['ReferencedSchemaName', 'String', 'Schema of the referenced view.'],
      ['ReferencedTableName', 'String', 'The referenced view.'],
      ['ReferencedColumnName', 'String', 'The referenced column.'],
    ],
    "SELECT * FROM sys_keycolumns WHERE TableName = 'Comments'",
    () =>
      facts.views.flatMap((v) =>
        v.columns
          .filter((c) => c.key === true || c.references !== undefined)
          .map((c): Row => ({
            CatalogName: facts.catalogName, SchemaName: facts.schemaName, TableName: v.name, ColumnName: c.name,
            IsKey: c.key === true, IsForeignKey: c.references !== undefined, PrimaryKeyName: c.key ? `PK_${v.name}` : null,
            ForeignKeyName: c.references ? `FK_${v.name}_${c.name}` : null,
            ReferencedCatalogName: c.references ? facts.catalogName : null, ReferencedSchemaName: c.references ? facts.schemaName : null,
            ReferencedTableName: c.references?.view ?? null, ReferencedColumnName: c.references?.column ?? null,
          })),
      ),
  );
}
