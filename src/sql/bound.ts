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
