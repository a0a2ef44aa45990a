/** Types shared by the expression compiler files. */
import type { SqlValue } from '../schema/types.js';
import type { FunctionContext } from './functions/index.js';
import type { StaticType } from './values.js';

/** A compiled expression: a closure over a row (an array laid out by a plan node). */
export type Evaluator = (row: readonly SqlValue[]) => SqlValue;

export interface Compiled {
  readonly fn: Evaluator;
  readonly type: StaticType;
  /** The value does not depend on the row (literals, parameters, NOW(), ...). */
  readonly constant: boolean;
}

/** Where a plan node's columns sit in its rows, and their types. */
export interface Layout {
  readonly slots: ReadonlyMap<string, number>;
  readonly types: readonly StaticType[];
}

/** The result of an uncorrelated subquery, filled in before the statement's rows flow. */
export interface SubqueryResult {
  ready: boolean;
  /** Every value of its single column (for IN), or the first row's value (scalar). */
  values: SqlValue[];
}

export interface CompileEnv {
  readonly fnContext: FunctionContext;
  param(name: string | undefined, index: number): SqlValue;
  /** A column of an enclosing query read by a correlated subquery: its current value. */
  outer(key: string): (() => SqlValue) | undefined;
  /** The type of a subquery's column and the holder its result will be put in. */
  subquery(id: number): { readonly type: StaticType; readonly result: SubqueryResult };
}

export function layoutOf(keys: readonly string[], types: readonly StaticType[]): Layout {
  const slots = new Map<string, number>();
  keys.forEach((k, i) => slots.set(k, i));
  return { slots, types };
}
