/**
 * The SQL engine's public face for the connection:
 *
 *   const prepared = prepare(sql, catalog);            // parse + plan; sql-parse / sql-plan errors
 *   const result = execute(prepared, params, { api, signal, maxRows });
 *   result.columns;                                     // [{ name, type }]
 *   for await (const rows of result.rows) ...           // batches of row objects
 *
 * Result rows are objects keyed by column name; a repeated name gets a suffix (`Id`, `Id_2`, ...),
 * and `columns` shows the keys actually used.
 */
import { IgsqlError } from '../errors.js';
import type { Catalog } from '../schema/catalog.js';
import { rowMaker } from '../schema/row-maker.js';
import type { ColumnType, ResultColumn, Row } from '../schema/types.js';
import type { ParameterInfo, Query } from './ast.js';
import type { Subquery } from './bound.js';
import { prepareExec, runExec, type PreparedExec } from './exec-procedure.js';
import { Execution } from './execute.js';
import { EXPLAIN_COLUMNS, explainRows } from './explain.js';
import { bindParams, type Params } from './params.js';
import { parseSql } from './parse.js';
import { planQuery } from './plan.js';
import type { PlannedQuery } from './plan-types.js';
import type { StaticType } from './values.js';

export type { Params } from './params.js';

export interface PreparedStatement {
  readonly sql: string;
  /** `query` (SELECT / UNION), `explain` or `exec`. */
  readonly kind: 'query' | 'explain' | 'exec';
  readonly parameters: ParameterInfo;
  /** @internal */
  readonly plan: PreparedPlan;
}

/** @internal */
export type PreparedPlan =
  | { readonly kind: 'query' | 'explain'; readonly planned: PlannedQuery; readonly subqueries: readonly Subquery[] }
  | { readonly kind: 'exec'; readonly exec: PreparedExec };

export interface ExecuteOptions<Api = unknown> {
  /** Passed to views as `FetchContext.api` and to procedures. */
  readonly api: Api;
  /** Aborts the query (a Timeout is wired to it); the reason, if an IgsqlError, is thrown as is. */
  readonly signal?: AbortSignal;
  /** Caps the rows of queries without aggregates (CData's MaxRows); -1 or undefined: no cap. */
  readonly maxRows?: number;
  /** The statement's clock (NOW()); defaults to the time of the call. */
  readonly now?: Date;
}

export interface ResultSet {
  readonly columns: readonly ResultColumn[];
  /** Batches of rows. Stop iterating (break / return) to stop the query early. */
  readonly rows: AsyncIterable<readonly Row[]>;
}

/** Parses and plans a statement. Throws `sql-parse`, `unsupported` or `sql-plan` errors. */
export function prepare(sql: string, catalog: Catalog<unknown>): PreparedStatement {
  const parsed = parseSql(sql);
  const s = parsed.statement;
  if (s.kind === 'Exec') {
    return { sql, kind: 'exec', parameters: parsed.parameters, plan: { kind: 'exec', exec: prepareExec(catalog, s) } };
  }
  const query: Query = s.kind === 'Explain' ? s.query : s;
  const { planned, ctx } = planQuery(catalog, sql, query);
  const kind = s.kind === 'Explain' ? 'explain' : 'query';
  return { sql, kind, parameters: parsed.parameters, plan: { kind, planned, subqueries: ctx.subqueries } };
}

/** Names made unique for row objects: `Id`, `Id_2`, `Id_3`, ... */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}_${n}`;
    used.add(candidate);
    return candidate;
  });
}

function columnType(t: StaticType): ColumnType {
  return t === 'Null' || t === 'Any' ? 'String' : t;
}

/** Runs a prepared statement. Parameter problems throw at once; query errors surface from `rows`. */
export function execute(prepared: PreparedStatement, params: Params | undefined, options: ExecuteOptions): ResultSet {
  const bound = bindParams(prepared.parameters, params);
  const signal = options.signal ?? new AbortController().signal;
  const maxRows = options.maxRows === undefined || options.maxRows < 0 ? -1 : Math.floor(options.maxRows);
  const now = options.now ?? new Date();
  const plan = prepared.plan;
  if (plan.kind === 'exec') {
    const exec = plan.exec;
    const columns = exec.procedure.resultColumns.map((c) => ({ name: c.name, type: c.type, ...(c.sensitive ? { sensitive: true } : {}) }));
    return {
      columns,
      rows: (async function* () {
        const result = await runExec(exec, bound, { api: options.api, signal });
        if (result.rows.length > 0) yield result.rows;
      })(),
    };
  }
  const execution = new Execution(plan.subqueries, { api: options.api, signal, maxRows, now, param: (n, i) => bound.get(n, i) });
  if (plan.kind === 'explain') {
    const rows = explainRows(plan.planned, plan.subqueries, { compile: execution.env.compile, api: options.api, signal, maxRows });
    return {
      columns: EXPLAIN_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
      rows: (async function* () {
        yield rows;
      })(),
    };
  }
  const running = execution.run(plan.planned);
  const keys = uniqueNames(plan.planned.output.map((o) => o.name));
  const columns = keys.map((name, i) => ({ name, type: columnType(running.types[i]!) }));
  const make = rowMaker(keys);
  return {
    columns,
    rows: (async function* () {
      for await (const batch of running.rows) {
        const out: Row[] = new Array<Row>(batch.length);
        for (let r = 0; r < batch.length; r++) out[r] = make(batch[r]!);
        yield out;
      }
    })(),
  };
}

/** EXPLAIN for a prepared query (the same rows as running `EXPLAIN <query>`). */
export function explain(prepared: PreparedStatement, params: Params | undefined, options: ExecuteOptions): ResultSet {
  const plan = prepared.plan;
  if (plan.kind === 'exec') throw new IgsqlError('usage', 'EXPLAIN applies to queries, not to EXEC');
  return execute({ ...prepared, kind: 'explain', plan: { ...plan, kind: 'explain' } }, params, options);
}

/** Convenience: runs a statement and collects every row (tests, small results). */
export async function queryAll(sql: string, catalog: Catalog<unknown>, params: Params | undefined, options: ExecuteOptions): Promise<{ columns: readonly ResultColumn[]; rows: Row[] }> {
  const result = execute(prepare(sql, catalog), params, options);
  const rows: Row[] = [];
  for await (const batch of result.rows) rows.push(...batch);
  return { columns: result.columns, rows };
}
