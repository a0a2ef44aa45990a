/**
 * Stored procedures (EXEC / EXECUTE / CALL) are values too: parameters, result columns and a
 * `run` function that returns the result rows.
 */
import { IgsqlError } from '../errors.js';
import type { ColumnType, Row, SqlValue } from '../schema/types.js';

export interface ProcedureParameter {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  readonly required: boolean;
  /** Allowed values (matched case-insensitively), for enums like AuthMode. */
  readonly values?: readonly string[];
  readonly default?: SqlValue;
}

export interface ProcedureResultColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Secret output (a token): masked by the CLI unless --show-secrets. */
  readonly sensitive?: boolean;
}

export interface ProcedureDefinition<Api = unknown> {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  readonly parameters: readonly ProcedureParameter[];
  readonly resultColumns: readonly ProcedureResultColumn[];
  readonly examples: readonly { readonly description: string; readonly sql: string }[];
  /** `args` holds every declared parameter by canonical name (absent ones as their default or null). */
  run(args: Readonly<Record<string, SqlValue>>, ctx: { readonly api: Api; readonly signal: AbortSignal }): Promise<readonly Row[]>;
}

export function defineProcedure<Api>(procedure: ProcedureDefinition<Api>): ProcedureDefinition<Api> {
  const problems: string[] = [];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(procedure.name)) problems.push(`name "${procedure.name}" is not an identifier`);
  const names = new Set<string>();
  for (const p of procedure.parameters) {
    if (names.has(p.name.toLowerCase())) problems.push(`parameter ${p.name} is declared twice`);
    names.add(p.name.toLowerCase());
  }
  if (procedure.resultColumns.length === 0) problems.push('it has no result columns');
  if (problems.length > 0) {
    throw new IgsqlError('internal', `procedure ${procedure.name} is invalid: ${problems.join('; ')}`);
  }
  return Object.freeze(procedure);
}
