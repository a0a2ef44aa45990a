/**
 * The plan: a tree of operators over rows that are arrays. Every node has a `layout`: the
 * symbolic column keys of its rows, in slot order. Expressions (bound.ts) refer to keys, and are
 * compiled against the layout of the node that evaluates them.
 */
import type { PushOperator, ViewDefinition } from '../schema/define-view.js';
import type { ColumnType } from '../schema/types.js';
import type { AggregateSpec, BExpr, Subquery } from './bound.js';

/** Where a pushed predicate's value comes from (resolved when the statement runs). */
export type PushValue =
  | { readonly kind: 'none' }
  | { readonly kind: 'expr'; readonly expr: BExpr }
  | { readonly kind: 'list'; readonly exprs: readonly BExpr[] }
  | { readonly kind: 'subquery'; readonly subquery: Subquery };

export interface PushTemplate {
  /** The column as the view declares it. */
  readonly column: string;
  readonly type: ColumnType;
  readonly op: PushOperator;
  readonly value: PushValue;
  /** The predicate as the user wrote it, for EXPLAIN. */
  readonly text: string;
}

export interface ScanColumn {
  readonly name: string;
  readonly key: string;
  readonly type: ColumnType;
  readonly pseudo: boolean;
}

export interface ScanNode {
  readonly kind: 'Scan';
  readonly id: number;
  readonly view: ViewDefinition<unknown>;
  readonly alias: string;
  readonly columns: readonly ScanColumn[];
  readonly pushed: readonly PushTemplate[];
  readonly layout: readonly string[];
}
export interface ValuesNode {
  readonly kind: 'Values';
  readonly layout: readonly string[];
}
export interface FilterNode {
  readonly kind: 'Filter';
  readonly input: PlanNode;
  readonly predicate: BExpr;
  readonly layout: readonly string[];
}
export interface ProjectNode {
  readonly kind: 'Project';
  readonly input: PlanNode;
  readonly exprs: readonly BExpr[];
  /** Display names (for EXPLAIN). */
  readonly names: readonly string[];
  readonly layout: readonly string[];
}
export type JoinKind = 'inner' | 'left' | 'right' | 'full' | 'cross';
export interface JoinNode {
  readonly kind: 'Join';
  readonly type: JoinKind;
  readonly left: PlanNode;
  readonly right: PlanNode;
  /** Equi-join keys (hash join when non-empty; nested loop otherwise). */
  readonly leftKeys: readonly BExpr[];
  readonly rightKeys: readonly BExpr[];
  /** The rest of the ON condition, over the joined row. */
  readonly condition: BExpr | undefined;
  readonly layout: readonly string[];
}
/** Runs `left`, then scans `right` with `rightColumn IN (batch of left keys)` pushed to the view. */
export interface LookupJoinNode {
  readonly kind: 'LookupJoin';
  readonly type: 'inner' | 'left';
  readonly left: PlanNode;
  readonly right: ScanNode;
  readonly rightColumn: string;
  readonly rightKey: string;
  readonly leftKey: BExpr;
  readonly condition: BExpr | undefined;
  readonly batchSize: number;
  readonly layout: readonly string[];
}
export interface AggregateNode {
  readonly kind: 'Aggregate';
  readonly input: PlanNode;
  readonly groups: readonly BExpr[];
  readonly aggregates: readonly AggregateSpec[];
  readonly layout: readonly string[];
}
export interface DistinctNode {
  readonly kind: 'Distinct';
  readonly input: PlanNode;
  /** Number of leading columns that make a row distinct (the visible ones). */
  readonly width: number;
  readonly layout: readonly string[];
}
export interface SortKey {
  readonly expr: BExpr;
  readonly desc: boolean;
  readonly nullsFirst: boolean;
  readonly text: string;
}
export interface SortNode {
  readonly kind: 'Sort';
  readonly input: PlanNode;
  readonly keys: readonly SortKey[];
  readonly layout: readonly string[];
}
export interface LimitNode {
  readonly kind: 'Limit';
  readonly input: PlanNode;
  readonly limit: BExpr | undefined;
  readonly offset: BExpr | undefined;
  /** Cap at the caller's MaxRows too (queries without aggregates). */
  readonly maxRows: boolean;
  /** The scan that may stop early at offset + limit rows (nothing in between drops or reorders rows). */
  readonly pushTo: ScanNode | undefined;
  readonly layout: readonly string[];
}
/** Runs a correlated subquery for each input row (cached by the outer values) and appends its result. */
export interface ApplyNode {
  readonly kind: 'Apply';
  readonly input: PlanNode;
  readonly subquery: Subquery;
  /** scalar: its value; exists: [NOT] EXISTS; in: `operand [NOT] IN (subquery)` with SQL's NULL rules. */
  readonly mode: 'scalar' | 'exists' | 'in';
  readonly operand: BExpr | undefined;
  readonly negated: boolean;
  /** For each of the subquery's outer keys, the input column that holds its value (a grouped column after GROUP BY). */
  readonly sources: readonly string[];
  readonly key: string;
  readonly layout: readonly string[];
}
export interface UnionNode {
  readonly kind: 'Union';
  readonly all: boolean;
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly leftOutput: readonly string[];
  readonly rightOutput: readonly string[];
  readonly layout: readonly string[];
}

export type PlanNode =
  | ScanNode
  | ValuesNode
  | FilterNode
  | ProjectNode
  | JoinNode
  | LookupJoinNode
  | AggregateNode
  | DistinctNode
  | SortNode
  | LimitNode
  | UnionNode
  | ApplyNode;

export interface OutputColumn {
  readonly name: string;
  readonly key: string;
}

/** A planned query: its root and the columns it returns (a subset of the root's layout). */
export interface PlannedQuery {
  readonly root: PlanNode;
  readonly output: readonly OutputColumn[];
  /** True when the top-level query aggregates (MaxRows does not apply). */
  readonly aggregate: boolean;
}
