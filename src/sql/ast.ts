/**
 * igsql's own SQL syntax tree: readonly discriminated unions on `kind`. The parser (parse.ts)
 * converts node-sql-parser's loose output into these nodes at once; nothing past parse.ts sees the
 * library's types. Spans are offsets into the original SQL text (for error messages and for naming
 * result columns after the text of their expression, as SQLite does).
 */
import type { ColumnType } from '../schema/types.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '||';
export type AggregateFn = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
export const AGGREGATE_FNS: readonly AggregateFn[] = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'];

/** A literal's type: a column type, or `Null` for the NULL literal. */
export type LiteralType = ColumnType | 'Null';

export interface ColumnRef {
  readonly kind: 'ColumnRef';
  readonly table: string | undefined;
  readonly column: string;
  readonly span?: Span | undefined;
}
export interface Literal {
  readonly kind: 'Literal';
  readonly value: string | number | boolean | null;
  readonly type: LiteralType;
}
/** `?` (positional: `name` undefined, `index` its 0-based ordinal) or `@name`. */
export interface Param {
  readonly kind: 'Param';
  readonly name: string | undefined;
  readonly index: number;
}
export interface Unary {
  readonly kind: 'Unary';
  readonly op: '-' | '+';
  readonly operand: Expr;
}
export interface Binary {
  readonly kind: 'Binary';
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
}
export interface Compare {
  readonly kind: 'Compare';
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
}
export interface And {
  readonly kind: 'And';
  readonly left: Expr;
  readonly right: Expr;
}
export interface Or {
  readonly kind: 'Or';
  readonly left: Expr;
  readonly right: Expr;
}
export interface Not {
  readonly kind: 'Not';
  readonly operand: Expr;
}
export interface InList {
  readonly kind: 'InList';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
}
export interface InSubquery {
  readonly kind: 'InSubquery';
  readonly operand: Expr;
  readonly query: Query;
  readonly negated: boolean;
}
export interface Between {
  readonly kind: 'Between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
}
export interface Like {
  readonly kind: 'Like';
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape: Expr | undefined;
  readonly negated: boolean;
}
export interface IsNull {
  readonly kind: 'IsNull';
  readonly operand: Expr;
  readonly negated: boolean;
}
export interface CaseWhen {
  readonly when: Expr;
  readonly then: Expr;
}
export interface Case {
  readonly kind: 'Case';
  /** `CASE x WHEN ...` (simple form); undefined for `CASE WHEN cond ...`. */
  readonly operand: Expr | undefined;
  readonly whens: readonly CaseWhen[];
  readonly else: Expr | undefined;
}
export interface Cast {
  readonly kind: 'Cast';
  readonly operand: Expr;
  readonly type: ColumnType;
}
export interface FunctionCall {
  readonly kind: 'FunctionCall';
  /** Upper case. */
  readonly name: string;
  readonly args: readonly Expr[];
  readonly span?: Span | undefined;
}
export interface Aggregate {
  readonly kind: 'Aggregate';
  readonly fn: AggregateFn;
  /** Undefined for COUNT(*). */
  readonly arg: Expr | undefined;
  readonly distinct: boolean;
}
export interface ScalarSubquery {
  readonly kind: 'ScalarSubquery';
  readonly query: Query;
}
export interface Exists {
  readonly kind: 'Exists';
  readonly query: Query;
  readonly negated: boolean;
}

export type Expr =
  | ColumnRef
  | Literal
  | Param
  | Unary
  | Binary
  | Compare
  | And
  | Or
  | Not
  | InList
  | InSubquery
  | Between
  | Like
  | IsNull
  | Case
  | Cast
  | FunctionCall
  | Aggregate
  | ScalarSubquery
  | Exists;

export type ExprKind = Expr['kind'];

/** `*` or `t.*` in a select list. */
export interface Star {
  readonly kind: 'Star';
  readonly table: string | undefined;
}
export interface SelectExpr {
  readonly kind: 'SelectExpr';
  readonly expr: Expr;
  readonly alias: string | undefined;
  /** The expression's text in the original SQL: the column's name when there is no alias. */
  readonly text: string;
}
export type SelectItem = Star | SelectExpr;

export interface TableRef {
  readonly kind: 'Table';
  readonly name: string;
  readonly alias: string | undefined;
  readonly span?: Span | undefined;
}
export interface DerivedTable {
  readonly kind: 'Derived';
  readonly query: Query;
  readonly alias: string;
}
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross';
export interface Join {
  readonly kind: 'Join';
  readonly type: JoinType;
  readonly left: FromItem;
  readonly right: FromItem;
  readonly on: Expr | undefined;
  readonly using: readonly string[] | undefined;
  /** `FROM a, b` (a cross join written with a comma). */
  readonly comma: boolean;
}
export type FromItem = TableRef | DerivedTable | Join;

export interface OrderItem {
  readonly expr: Expr;
  readonly direction: 'asc' | 'desc';
  /** Undefined: SQLite's default (NULLs first ascending, last descending). */
  readonly nulls: 'first' | 'last' | undefined;
}

export interface Select {
  readonly kind: 'Select';
  readonly distinct: boolean;
  readonly top: Expr | undefined;
  readonly items: readonly SelectItem[];
  readonly from: FromItem | undefined;
  readonly where: Expr | undefined;
  readonly groupBy: readonly Expr[];
  readonly having: Expr | undefined;
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | undefined;
  readonly offset: Expr | undefined;
}
export interface Union {
  readonly kind: 'Union';
  readonly all: boolean;
  readonly left: Query;
  readonly right: Query;
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | undefined;
  readonly offset: Expr | undefined;
}
export type Query = Select | Union;

export interface ExecArg {
  /** The procedure parameter's name, for `@Name = value` / `Name = value`; undefined when positional. */
  readonly name: string | undefined;
  readonly value: Expr;
}
export interface Exec {
  readonly kind: 'Exec';
  readonly procedure: string;
  readonly args: readonly ExecArg[];
  readonly span?: Span | undefined;
}
export interface Explain {
  readonly kind: 'Explain';
  readonly query: Query;
}
export type Statement = Query | Exec | Explain;

/** The parameters a statement uses. A statement uses either positional or named ones, not both. */
export interface ParameterInfo {
  /** Number of `?` markers. */
  readonly positional: number;
  /** Distinct `@name` parameters, in order of first use (as written). */
  readonly named: readonly string[];
}

export interface ParsedStatement {
  readonly sql: string;
  readonly statement: Statement;
  readonly parameters: ParameterInfo;
}
