/** sys_procedures and sys_procedureparameters, from the procedure definitions. */
import type { ProcedureDefinition } from '../../procedures/define-procedure.js';
import type { ViewDefinition } from '../define-view.js';
import type { Row } from '../types.js';
import { JDBC_TYPE, systemView } from './system-view.js';

export interface ProcedureFacts {
  readonly catalogName: string;
  readonly schemaName: string;
  readonly procedures: readonly ProcedureDefinition<unknown>[];
}

export function sysProcedures(facts: ProcedureFacts): ViewDefinition<unknown> {
  return systemView(
    'sys_procedures',
    'The stored procedures (run them with EXEC, EXECUTE or CALL).',
    [
      ['CatalogName', 'String', 'The catalog.'],
      ['SchemaName', 'String', 'The schema.'],
      ['ProcedureName', 'String', 'The procedure.'],
      ['Description', 'String', 'What it does.'],
      ['ProcedureType', 'String', 'STOREDPROCEDURE.'],
    ],
    'SELECT ProcedureName, Description FROM sys_procedures',
    () =>
      facts.procedures.map((p): Row => ({
        CatalogName: facts.catalogName, SchemaName: facts.schemaName, ProcedureName: p.name, Description: p.description,
        ProcedureType: 'STOREDPROCEDURE',
      })),
  );
}

export function sysProcedureParameters(facts: ProcedureFacts): ViewDefinition<unknown> {
  return systemView(
    'sys_procedureparameters',
    'The input parameters and result columns of every stored procedure.',
    [
      ['CatalogName', 'String', 'The catalog.'],
      ['SchemaName', 'String', 'The schema.'],
      ['ProcedureName', 'String', 'The procedure.'],
      ['ColumnName', 'String', 'The parameter or result column.'],
      ['Direction', 'String', 'Input (a parameter) or Output (a result column).'],
      ['DataTypeName', 'String', 'String, Integer, Double, Boolean, Datetime or Json.'],
      ['DataType', 'Integer', 'The JDBC type code.'],
      ['IsNullable', 'Boolean', 'Whether the value may be NULL.'],
      ['IsRequired', 'Boolean', 'Whether EXEC must give this parameter.'],
      ['IsArray', 'Boolean', 'Always false.'],
      ['Description', 'String', 'What it means.'],
      ['Ordinal', 'Integer', 'Position (1-based) among the parameters or among the result columns.'],
      ['Values', 'String', 'The allowed values, comma-separated, or NULL.'],
      ['Default', 'String', 'The default value as text, or NULL.'],
    ],
    "SELECT ColumnName, Direction, IsRequired FROM sys_procedureparameters WHERE ProcedureName = 'GetOAuthAccessToken'",
    () =>
      facts.procedures.flatMap((p) => [
        ...p.parameters.map((param, i): Row => ({
          CatalogName: facts.catalogName, SchemaName: facts.schemaName, ProcedureName: p.name, ColumnName: param.name, Direction: 'Input',
          DataTypeName: param.type, DataType: JDBC_TYPE[param.type], IsNullable: !param.required, IsRequired: param.required, IsArray: false,
          Description: param.description, Ordinal: i + 1, Values: param.values ? param.values.join(', ') : null,
          Default: param.default === undefined || param.default === null ? null : String(param.default),
        })),
        ...p.resultColumns.map((c, i): Row => ({
          CatalogName: facts.catalogName, SchemaName: facts.schemaName, ProcedureName: p.name, ColumnName: c.name, Direction: 'Output',
          DataTypeName: c.type, DataType: JDBC_TYPE[c.type], IsNullable: true, IsRequired: false, IsArray: false, Description: c.description,
          Ordinal: i + 1, Values: null, Default: null,
        })),
      ]),
  );
}
