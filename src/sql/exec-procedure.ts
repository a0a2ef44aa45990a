/**
 * EXEC / EXECUTE / CALL: arguments matched to the procedure's parameters by name (`@Name = v`,
 * `Name = v`) or position, checked (unknown, duplicate, missing, allowed values) and coerced to the
 * parameter types; the procedure's rows come back as a result set.
 */
import { closest, IgsqlError } from '../errors.js';
import type { ProcedureDefinition } from '../procedures/define-procedure.js';
import type { Catalog } from '../schema/catalog.js';
import type { ResultColumn, Row, SqlValue } from '../schema/types.js';
import type { Exec } from './ast.js';
import { coerceTo } from './operators/push-values.js';
import type { BoundParams } from './params.js';

export interface PreparedExec {
  readonly procedure: ProcedureDefinition<unknown>;
  /** For each declared parameter (in order): the argument expression, or undefined. */
  readonly args: readonly (Exec['args'][number]['value'] | undefined)[];
}

function planError(message: string): IgsqlError {
  return new IgsqlError('sql-plan', message);
}

export function prepareExec(catalog: Catalog<unknown>, exec: Exec): PreparedExec {
  const procedure = catalog.procedure(exec.procedure);
  const params = procedure.parameters;
  const args: (Exec['args'][number]['value'] | undefined)[] = params.map(() => undefined);
  let position = 0;
  for (const arg of exec.args) {
    let index: number;
    if (arg.name === undefined) {
      if (exec.args.some((a) => a.name !== undefined)) throw planError(`EXEC ${procedure.name}: give every argument by name, or none`);
      index = position++;
      if (index >= params.length) throw planError(`${procedure.name} takes ${params.length} parameter(s); ${exec.args.length} were given`);
    } else {
      const name = arg.name.replace(/^@/, '');
      index = params.findIndex((p) => p.name.toLowerCase() === name.toLowerCase());
      if (index === -1) {
        const hint = closest(name, params.map((p) => p.name));
        throw planError(
          `${procedure.name} has no parameter ${name}.${hint ? ` Did you mean ${hint}?` : ''} Its parameters: ${params.map((p) => p.name).join(', ') || '(none)'}`,
        );
      }
      if (args[index] !== undefined) throw planError(`${procedure.name}: parameter ${params[index]!.name} is given twice`);
    }
    args[index] = arg.value;
  }
  params.forEach((p, i) => {
    if (p.required && args[i] === undefined && p.default === undefined) {
      throw planError(`${procedure.name} requires parameter ${p.name} (${p.description}), e.g. EXEC ${procedure.name} @${p.name} = '...'`);
    }
  });
  return { procedure, args };
}

function argumentValue(expr: PreparedExec['args'][number], params: BoundParams): SqlValue | undefined {
  if (expr === undefined) return undefined;
  if (expr.kind === 'Literal') return expr.value;
  if (expr.kind === 'Param') return params.get(expr.name, expr.index);
  return undefined;
}

export async function runExec(
  prepared: PreparedExec,
  params: BoundParams,
  ctx: { readonly api: unknown; readonly signal: AbortSignal },
): Promise<{ columns: ResultColumn[]; rows: Row[] }> {
  const { procedure } = prepared;
  const values: Record<string, SqlValue> = {};
  procedure.parameters.forEach((p, i) => {
    let v = argumentValue(prepared.args[i], params);
    if (v === undefined || v === null) {
      if (p.required && (v === null || p.default === undefined)) {
        throw new IgsqlError('execution', `${procedure.name}: parameter ${p.name} is required and cannot be NULL`);
      }
      v = v === undefined ? (p.default ?? null) : null;
    }
    if (v !== null) {
      v = coerceTo(v, p.type, `${procedure.name} parameter ${p.name}`);
      if (p.values) {
        const canonical = p.values.find((allowed) => allowed.toLowerCase() === String(v).toLowerCase());
        if (canonical === undefined) {
          throw new IgsqlError('execution', `${procedure.name}: ${p.name} must be one of ${p.values.join(', ')}; got ${String(v)}`);
        }
        v = canonical;
      }
    }
    values[p.name] = v;
  });
  const rows = await procedure.run(values, ctx);
  const columns: ResultColumn[] = procedure.resultColumns.map((c) => ({ name: c.name, type: c.type, ...(c.sensitive ? { sensitive: true } : {}) }));
  return { columns, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null]))) };
}
