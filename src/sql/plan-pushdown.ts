/**
 * Which WHERE / ON conjuncts a view can answer (its declared key columns and operators), and the
 * check that every required key column gets a value. A pushed predicate's value is a constant for
 * the statement: literals, parameters, expressions of them (NOW(), DATEADD(...)), an IN list, or
 * the rows of an uncorrelated subquery (`MediaId IN (SELECT Id FROM Media ...)`).
 */
import type { KeyColumn, PushOperator } from '../schema/define-view.js';
import type { CompareOp } from './ast.js';
import { printBound } from './bound-print.js';
import type { BExpr } from './bound.js';
import { columnKeys, correlatedIn } from './bound-walk.js';
import type { PlanContext, Relation } from './plan-scope.js';
import type { PushTemplate, PushValue } from './plan-types.js';

export interface PushResult {
  readonly pushes: readonly PushTemplate[];
  /** The pushes say everything the conjunct says (an exact view drops no row the conjunct keeps). */
  readonly exact: boolean;
}

/**
 * A value known when the scan starts: no column of this query (a column of an enclosing query,
 * in a correlated subquery, is fixed for each run) and no correlated subquery.
 */
function constantIn(localKeys: ReadonlySet<string>): (e: BExpr) => boolean {
  return (e) => {
    for (const k of columnKeys(e)) if (localKeys.has(k)) return false;
    return correlatedIn(e).length === 0;
  };
}

const FLIP: Readonly<Record<CompareOp, CompareOp>> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function keyFor(relation: Relation, e: BExpr): { column: string; index: number; key: KeyColumn } | undefined {
  if (e.kind !== 'Column' || !relation.view) return undefined;
  const index = relation.columns.findIndex((c) => c.key === e.key);
  if (index === -1) return undefined;
  const name = relation.columns[index]!.name.toLowerCase();
  const key = relation.view.keyColumns.find((k) => k.column.toLowerCase() === name);
  return key ? { column: relation.view.columns[index]!.name, index, key } : undefined;
}

function accepts(key: KeyColumn, op: PushOperator): boolean {
  if (key.operators.includes(op)) return true;
  // `=` and `in` stand in for each other: one value is a list of one; a list fans out into `=` calls
  return (op === '=' && key.operators.includes('in')) || (op === 'in' && key.operators.includes('='));
}

function template(relation: Relation, index: number, column: string, op: PushOperator, value: PushValue, text: string): PushTemplate {
  const type = relation.view!.columns[index]!.type;
  return { column, type, op, value, text };
}

/** The pushes a conjunct gives this relation's view, or undefined. `local`: the query's column keys. */
export function analyzePush(conjunct: BExpr, relation: Relation, local: ReadonlySet<string>): PushResult | undefined {
  const isConstant = constantIn(local);
  const text = printBound(conjunct);
  switch (conjunct.kind) {
    case 'Compare': {
      let [col, other, op] = [conjunct.left, conjunct.right, conjunct.op];
      if (!keyFor(relation, col)) [col, other, op] = [conjunct.right, conjunct.left, FLIP[conjunct.op]];
      const k = keyFor(relation, col);
      if (!k || !isConstant(other) || !accepts(k.key, op)) return undefined;
      return { pushes: [template(relation, k.index, k.column, op, { kind: 'expr', expr: other }, text)], exact: true };
    }
    case 'InList': {
      const k = keyFor(relation, conjunct.operand);
      if (!k || conjunct.negated || !conjunct.list.every(isConstant) || !accepts(k.key, 'in')) return undefined;
      return { pushes: [template(relation, k.index, k.column, 'in', { kind: 'list', exprs: conjunct.list }, text)], exact: true };
    }
    case 'InSubquery': {
      const k = keyFor(relation, conjunct.operand);
      if (!k || conjunct.negated || conjunct.subquery.outerKeys.length > 0 || !accepts(k.key, 'in')) return undefined;
      return { pushes: [template(relation, k.index, k.column, 'in', { kind: 'subquery', subquery: conjunct.subquery }, text)], exact: true };
    }
    case 'Between': {
      const k = keyFor(relation, conjunct.operand);
      if (!k || conjunct.negated || !isConstant(conjunct.low) || !isConstant(conjunct.high)) return undefined;
      const pushes: PushTemplate[] = [];
      if (accepts(k.key, '>=')) pushes.push(template(relation, k.index, k.column, '>=', { kind: 'expr', expr: conjunct.low }, text));
      if (accepts(k.key, '<=')) pushes.push(template(relation, k.index, k.column, '<=', { kind: 'expr', expr: conjunct.high }, text));
      return pushes.length === 0 ? undefined : { pushes, exact: pushes.length === 2 };
    }
    case 'Like': {
      const k = keyFor(relation, conjunct.operand);
      if (!k || conjunct.negated || conjunct.escape || !isConstant(conjunct.pattern) || !accepts(k.key, 'like')) return undefined;
      return { pushes: [template(relation, k.index, k.column, 'like', { kind: 'expr', expr: conjunct.pattern }, text)], exact: true };
    }
    case 'IsNull': {
      const k = keyFor(relation, conjunct.operand);
      const op: PushOperator = conjunct.negated ? 'is not null' : 'is null';
      if (!k || !accepts(k.key, op)) return undefined;
      return { pushes: [template(relation, k.index, k.column, op, { kind: 'none' }, text)], exact: true };
    }
    case 'Or':
      return orOfEqualities(conjunct, relation, text, isConstant);
    default:
      return undefined;
  }
}

/** `c = 'a' OR c = 'b' OR c IN ('c')` on one key column → `c IN ('a', 'b', 'c')`. */
function orOfEqualities(conjunct: BExpr, relation: Relation, text: string, isConstant: (e: BExpr) => boolean): PushResult | undefined {
  const values: BExpr[] = [];
  let column: { column: string; index: number; key: KeyColumn } | undefined;
  const visit = (e: BExpr): boolean => {
    if (e.kind === 'Or') return visit(e.left) && visit(e.right);
    let col: BExpr | undefined;
    if (e.kind === 'Compare' && e.op === '=') {
      if (keyFor(relation, e.left) && isConstant(e.right)) [col] = [e.left, values.push(e.right)];
      else if (keyFor(relation, e.right) && isConstant(e.left)) [col] = [e.right, values.push(e.left)];
    } else if (e.kind === 'InList' && !e.negated && e.list.every(isConstant) && keyFor(relation, e.operand)) {
      col = e.operand;
      values.push(...e.list);
    }
    const k = col && keyFor(relation, col);
    if (!k || (column && column.index !== k.index)) return false;
    column = k;
    return true;
  };
  if (!visit(conjunct) || !column || !accepts(column.key, 'in')) return undefined;
  return { pushes: [template(relation, column.index, column.column, 'in', { kind: 'list', exprs: values }, text)], exact: true };
}

/**
 * True when the conjunct cannot be TRUE for a row whose columns are all NULL (the row a LEFT JOIN
 * adds for an unmatched left row): such a conjunct may filter the null-supplying side early.
 */
export function nullRejecting(conjunct: BExpr): boolean {
  switch (conjunct.kind) {
    case 'Compare':
      return conjunct.left.kind === 'Column' || conjunct.right.kind === 'Column';
    case 'InList':
    case 'InSubquery':
    case 'Between':
    case 'Like':
      return conjunct.operand.kind === 'Column';
    case 'IsNull':
      return conjunct.negated && conjunct.operand.kind === 'Column';
    case 'And':
      return nullRejecting(conjunct.left) || nullRejecting(conjunct.right);
    case 'Or':
      return nullRejecting(conjunct.left) && nullRejecting(conjunct.right);
    default:
      return false;
  }
}

/** A `sql-plan` error when a required key column (or one of the any_of columns) gets no value. */
export function checkRequiredKeys(ctx: PlanContext, relation: Relation, pushes: readonly PushTemplate[], lookupColumn?: string): void {
  const view = relation.view;
  if (!view) return;
  const filtered = new Set(pushes.map((p) => p.column.toLowerCase()));
  if (lookupColumn) filtered.add(lookupColumn.toLowerCase());
  const missing = view.keyColumns.filter((k) => k.require === 'required' && !filtered.has(k.column.toLowerCase()));
  const anyOf = view.keyColumns.filter((k) => k.require === 'any_of');
  const anyOfMissing = anyOf.length > 0 && !anyOf.some((k) => filtered.has(k.column.toLowerCase()));
  if (missing.length === 0 && !anyOfMissing) return;
  const keys = missing.length > 0 ? [missing[0]!] : anyOf;
  const names = keys.map((k) => k.column);
  const what = keys.length === 1 ? `a filter on ${names[0]}` : `a filter on one of ${names.join(', ')}`;
  const ops = keys[0]!.operators.map((o) => o.toUpperCase()).join(', ');
  const example = view.examples.find((e) => names.some((n) => new RegExp(`WHERE[\\s\\S]*\\b${n}\\b`, 'i').test(e.sql)));
  const hint = example ? example.sql : `SELECT * FROM ${view.name} WHERE ${names[0]} = '...'`;
  throw ctx.error(
    `View ${view.name} requires ${what} (operators: ${ops}), e.g. ${hint}. The value may also come from a join, ` +
      `e.g. ... JOIN ${view.name} ON ${view.name}.${names[0]} = <other view>.Id`,
    undefined,
    { view: view.name, columns: names },
  );
}
