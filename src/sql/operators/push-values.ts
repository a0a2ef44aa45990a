/**
 * Turns a scan's pushed-predicate templates into the `PushedPredicate`s a view receives: values are
 * computed (parameters, NOW(), subquery rows), coerced to the column's type, NULLs dropped from IN
 * lists (they match nothing) and duplicates removed. A predicate that no row can satisfy
 * (`x = NULL`, `x IN ()`) makes the scan empty without calling the view.
 */
import { IgsqlError } from '../../errors.js';
import type { KeyColumn, PushedPredicate, ViewDefinition } from '../../schema/define-view.js';
import type { ColumnType, SqlValue } from '../../schema/types.js';
import { compile } from '../evaluate.js';
import type { CompileEnv } from '../evaluate-types.js';
import type { PushTemplate } from '../plan-types.js';
import { describeValue, parseNumber, toBoolean, toDatetime, toText, valueKey } from '../values.js';

const NO_LAYOUT = { slots: new Map<string, number>(), types: [] };

export function coerceTo(value: Exclude<SqlValue, null>, type: ColumnType, what: string): SqlValue {
  switch (type) {
    case 'String':
      return typeof value === 'string' ? value : toText(value);
    case 'Integer':
    case 'Double': {
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') return value ? 1 : 0;
      const n = typeof value === 'string' ? parseNumber(value) : undefined;
      if (n === undefined) throw new IgsqlError('execution', `${what}: ${describeValue(value)} is not a number`);
      return n;
    }
    case 'Boolean':
      return toBoolean(value, what);
    case 'Datetime':
      return toDatetime(value, what);
    case 'Json':
      return value;
  }
}

export interface ResolvedPushes {
  /** The predicates for each call of the view's `list` (several when an IN list fans out into `=`). */
  readonly calls: readonly (readonly PushedPredicate[])[];
}

export function keyColumnOf(view: ViewDefinition<unknown>, column: string): KeyColumn | undefined {
  return view.keyColumns.find((k) => k.column.toLowerCase() === column.toLowerCase());
}

function dedupe(values: readonly SqlValue[]): SqlValue[] {
  const seen = new Set<unknown>();
  const out: SqlValue[] = [];
  for (const v of values) {
    const k = valueKey(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

/**
 * `subqueryValues(id)` gives a subquery's rows (or, for EXPLAIN, a placeholder). `extra` are
 * predicates added at run time (the keys of a lookup join), already coerced.
 */
export function resolvePushes(
  view: ViewDefinition<unknown>,
  templates: readonly PushTemplate[],
  env: CompileEnv,
  subqueryValues: (id: number) => readonly SqlValue[],
  extra: readonly PushedPredicate[] = [],
): ResolvedPushes {
  const predicates: PushedPredicate[] = [];
  for (const t of templates) {
    const what = `WHERE ${t.text}`;
    if (t.value.kind === 'none') {
      predicates.push({ column: t.column, op: t.op });
      continue;
    }
    let values: SqlValue[];
    if (t.value.kind === 'expr') values = [compile(t.value.expr, NO_LAYOUT, env).fn([])];
    else if (t.value.kind === 'list') values = t.value.exprs.map((e) => compile(e, NO_LAYOUT, env).fn([]));
    else values = [...subqueryValues(t.value.subquery.id)];
    const coerced = dedupe(values.filter((v) => v !== null).map((v) => coerceTo(v!, t.type, what)));
    if (t.op === 'in') {
      if (coerced.length === 0) return { calls: [] };
      predicates.push({ column: t.column, op: 'in', value: coerced });
    } else {
      if (coerced.length === 0) return { calls: [] }; // x = NULL, x > NULL: never true
      predicates.push({ column: t.column, op: t.op, value: coerced[0]! });
    }
  }
  predicates.push(...extra);
  return { calls: fanOut(view, predicates) };
}

/** `in` on a column that only takes `=` becomes one call per value; `=` on an `in`-only column a list of one. */
function fanOut(view: ViewDefinition<unknown>, predicates: readonly PushedPredicate[]): PushedPredicate[][] {
  let calls: PushedPredicate[][] = [[]];
  for (const p of predicates) {
    const key = keyColumnOf(view, p.column);
    if (p.op === 'in' && key && !key.operators.includes('in')) {
      const values = p.value as readonly SqlValue[];
      calls = calls.flatMap((call) => values.map((v) => [...call, { column: p.column, op: '=' as const, value: v }]));
    } else if (p.op === '=' && key && !key.operators.includes('=') && key.operators.includes('in')) {
      calls = calls.map((call) => [...call, { column: p.column, op: 'in' as const, value: [p.value as SqlValue] }]);
    } else {
      calls = calls.map((call) => [...call, p]);
    }
  }
  return calls;
}
