/** The shape of a scalar SQL function, and helpers shared by the function files. */
import type { SqlValue } from '../../schema/types.js';
import { describeValue, execError, type StaticType } from '../values.js';

export interface FunctionContext {
  /** The statement's start time: NOW() and friends return it for the whole query. */
  readonly now: Date;
}

/** Receives the evaluated arguments (an array reused between rows: do not keep it). */
export type FunctionImpl = (args: SqlValue[]) => SqlValue;

export type FunctionCategory = 'string' | 'math' | 'date' | 'null' | 'json';

export interface SqlFunction {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly category: FunctionCategory;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** For docs/sql.md: `SUBSTRING(s, start[, length])`. */
  readonly signature: string;
  readonly description: string;
  readonly example: string;
  /** The result type, from the argument types. */
  returns(argTypes: readonly StaticType[]): StaticType;
  /** `null` (default): any NULL argument gives NULL without calling the implementation. */
  readonly nulls?: 'null' | 'pass';
  /**
   * Evaluated by the expression compiler itself (COALESCE, IIF, ...: arguments are evaluated
   * lazily); `compile` is then never called.
   */
  readonly special?: boolean;
  /** Builds the implementation for these argument types (once per query). */
  compile(argTypes: readonly StaticType[], ctx: FunctionContext): FunctionImpl;
}

export function fn(def: SqlFunction): SqlFunction {
  return Object.freeze(def);
}

export const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in code points (SQLite counts characters, not UTF-16 units). */
export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Code points [start, end) of `s` (0-based). */
export function codePointSlice(s: string, start: number, end: number): string {
  if (!SURROGATE.test(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join('');
}

/** Integer argument `name` of `fnName`, truncated; an `execution` error when not a number. */
export function intArg(v: SqlValue, fnName: string, name: string): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d*)?\s*$/.test(v)) return Math.trunc(Number(v));
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw execError(`${fnName}: ${name} must be a number, got ${describeValue(v)}`);
}
