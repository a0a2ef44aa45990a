/**
 * Bound expressions: the AST after name resolution. A column is a symbolic `key` (unique in the
 * statement, e.g. `r3:5`, `p7:0`, `a2:g0`) that a plan node's layout maps to a slot of its row
 * arrays, so join order can change after binding. Functions are resolved to their definitions and
 * subqueries to their plans.
 */
import type { SqlValue } from '../schema/types.js';
import type { AggregateFn, ArithmeticOp, CompareOp } from './ast.js';
import type { SqlFunction } from './functions/index.js';
import type { PlanNode } from './plan-types.js';
import type { StaticType } from './values.js';

export interface BColumn {
  readonly kind: 'Column';
  readonly key: string;
  /** For EXPLAIN and messages: `m.LikeCount`. */
  readonly name: string;
}
export interface BLiteral {
  readonly kind: 'Literal';
  readonly value: SqlValue;
  readonly type: StaticType;
}
export interface BParam {
  readonly kind: 'Param';
  readonly name: string | undefined;
  readonly index: number;
}
export interface BUnary {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: BExpr;
}
export interface BBinary {
  readonly kind: 'Binary';
  readonly op: ArithmeticOp;
  readonly left: BExpr;
  readonly right: BExpr;
}
export interface BCompare {
  readonly kind: 'Compare';
  readonly op: CompareOp;
  readonly left: BExpr;
  readonly right: BExpr;
}
export interface BAnd {
  readonly kind: 'And';
  readonly left: BExpr;
  readonly right: BExpr;
}
export interface BOr {
  readonly kind: 'Or';
  readonly left: BExpr;
  readonly right: BExpr;
}
export interface BNot {
  readonly kind: 'Not';
  readonly operand: BExpr;
}
export interface BInList {
  readonly kind: 'InList';
  readonly operand: BExpr;
  readonly list: readonly BExpr[];
  readonly negated: boolean;
}
export interface BBetween {
  readonly kind: 'Between';
  readonly operand: BExpr;
  readonly low: BExpr;
  readonly high: BExpr;
  readonly negated: boolean;
}
export interface BLike {
  readonly kind: 'Like';
  readonly operand: BExpr;
  readonly pattern: BExpr;
  readonly escape: BExpr | undefined;
  readonly negated: boolean;
}
export interface BIsNull {
  readonly kind: 'IsNull';
  readonly operand: BExpr;
  readonly negated: boolean;
}
export interface BCase {
  readonly kind: 'Case';
  readonly operand: BExpr | undefined;
  readonly whens: readonly { readonly when: BExpr; readonly then: BExpr }[];
  readonly else: BExpr | undefined;
}
export interface BCast {
  readonly kind: 'Cast';
  readonly operand: BExpr;
  readonly type: import('../schema/types.js').ColumnType;
}
export interface BCall {
  readonly kind: 'Call';
  readonly fn: SqlFunction;
  readonly args: readonly BExpr[];
}

/** A subquery: planned once, run before the rows of the statement flow (it is uncorrelated). */
export interface Subquery {
  readonly id: number;
  /** scalar: one value (an error if more rows); exists: any row; in: every value. */
  readonly mode: 'scalar' | 'exists' | 'in';
  readonly plan: PlanNode;
  /** Columns of enclosing queries it reads (empty: uncorrelated, run once). */
  readonly outerKeys: readonly string[];
  /** Layout key of its (single) output column. */
  readonly outputKey: string;
  readonly text: string;
}
export interface BSubquery {
  readonly kind: 'Subquery';
  readonly mode: 'scalar' | 'exists';
  readonly subquery: Subquery;
  readonly negated: boolean;
}
export interface BInSubquery {
  readonly kind: 'InSubquery';
  readonly operand: BExpr;
  readonly subquery: Subquery;
  readonly negated: boolean;
}

export type BExpr =
  | BColumn
  | BLiteral
  | BParam
  | BUnary
  | BBinary
  | BCompare
  | BAnd
  | BOr
  | BNot
  | BInList
  | BBetween
  | BLike
  | BIsNull
  | BCase
  | BCast
  | BCall
  | BSubquery
  | BInSubquery;

/** An aggregate computed by an Aggregate node. */
export interface AggregateSpec {
  readonly fn: AggregateFn;
  readonly arg: BExpr | undefined;
  readonly distinct: boolean;
  readonly key: string;
  readonly text: string;
}

/** Child expressions, for walks. */
export function children(e: BExpr): readonly BExpr[] {
  switch (e.kind) {
    case 'Column':
    case 'Literal':
    case 'Param':
    case 'Subquery':
      return [];
    case 'Unary':
    case 'Not':
    case 'IsNull':
    case 'Cast':
      return [e.operand];
    case 'Binary':
    case 'Compare':
    case 'And':
    case 'Or':
      return [e.left, e.right];
    case 'InList':
      return [e.operand, ...e.list];
    case 'InSubquery':
      return [e.operand];
    case 'Between':
      return [e.operand, e.low, e.high];
    case 'Like':
      return e.escape ? [e.operand, e.pattern, e.escape] : [e.operand, e.pattern];
    case 'Case':
      return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'Call':
      return e.args;
  }
}

/** Every column key the expression reads. */
export function columnKeys(e: BExpr, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'Column') out.add(e.key);
  for (const c of children(e)) columnKeys(c, out);
  return out;
}

/** The correlated subqueries in an expression (not looking inside subqueries). */
export function correlatedIn(e: BExpr, out: (BSubquery | BInSubquery)[] = []): (BSubquery | BInSubquery)[] {
  if ((e.kind === 'Subquery' || e.kind === 'InSubquery') && e.subquery.outerKeys.length > 0) out.push(e);
  for (const c of children(e)) correlatedIn(c, out);
  return out;
}

/** Column keys read directly or through correlated subqueries. */
export function referencedKeys(e: BExpr): Set<string> {
  const keys = columnKeys(e);
  for (const s of correlatedIn(e)) for (const k of s.subquery.outerKeys) keys.add(k);
  return keys;
}

/** True when the expression reads no column (its value is fixed for the statement). */
export function isConstant(e: BExpr): boolean {
  return columnKeys(e).size === 0;
}

/** A canonical text of the expression, equal for structurally equal expressions. */
export function exprKey(e: BExpr): string {
  switch (e.kind) {
    case 'Column':
      return `c(${e.key})`;
    case 'Literal':
      return `l(${e.type}:${JSON.stringify(e.value)})`;
    case 'Param':
      return `p(${e.name ?? e.index})`;
    case 'Subquery':
      return `s(${e.mode}${e.subquery.id}${e.negated})`;
    case 'InSubquery':
      return `is(${exprKey(e.operand)},${e.subquery.id},${e.negated})`;
    case 'Call':
      return `f(${e.fn.name},${e.args.map(exprKey).join(',')})`;
    case 'Cast':
      return `cast(${exprKey(e.operand)},${e.type})`;
    case 'Case':
      return `case(${e.operand ? 'o' : ''}${e.else ? 'e' : ''};${children(e).map(exprKey).join(',')})`;
    default:
      return `${e.kind}(${'op' in e ? e.op : ''}${'negated' in e ? String(e.negated) : ''};${children(e).map(exprKey).join(',')})`;
  }
}

/** The expression with `from` (by identity) replaced by `to`. */
export function replaceExpr(e: BExpr, from: BExpr, to: BExpr): BExpr {
  if (e === from) return to;
  const r = (x: BExpr): BExpr => replaceExpr(x, from, to);
  switch (e.kind) {
    case 'Column': case 'Literal': case 'Param': case 'Subquery': return e;
    case 'Unary': return { ...e, operand: r(e.operand) };
    case 'Not': return { ...e, operand: r(e.operand) };
    case 'IsNull': return { ...e, operand: r(e.operand) };
    case 'Cast': return { ...e, operand: r(e.operand) };
    case 'InSubquery': return { ...e, operand: r(e.operand) };
    case 'Binary': return { ...e, left: r(e.left), right: r(e.right) };
    case 'Compare': return { ...e, left: r(e.left), right: r(e.right) };
    case 'And': return { ...e, left: r(e.left), right: r(e.right) };
    case 'Or': return { ...e, left: r(e.left), right: r(e.right) };
    case 'InList': return { ...e, operand: r(e.operand), list: e.list.map(r) };
    case 'Between': return { ...e, operand: r(e.operand), low: r(e.low), high: r(e.high) };
    case 'Like': return { ...e, operand: r(e.operand), pattern: r(e.pattern), escape: e.escape && r(e.escape) };
    case 'Case': return { ...e, operand: e.operand && r(e.operand), whens: e.whens.map((w) => ({ when: r(w.when), then: r(w.then) })), else: e.else && r(e.else) };
    case 'Call': return { ...e, args: e.args.map(r) };
  }
}
