/**
 * Operators are pull-based and stream rows in batches (arrays of row arrays) through async
 * generators. Closing a generator early (LIMIT) closes its inputs, down to the view's generator, so
 * paging stops. Every operator checks the AbortSignal once per batch.
 */
import { IgsqlError } from '../../errors.js';
import type { SqlValue } from '../../schema/types.js';
import type { CompileEnv, Layout } from '../evaluate-types.js';
import { parseDatetime, parseNumber, rowKey, valueKey, type StaticType } from '../values.js';

/** A row inside the engine: values in the slots of its operator's layout. */
export type EngineRow = SqlValue[];
export type Batch = EngineRow[];

export interface Operator {
  readonly layout: Layout;
  open(): AsyncGenerator<Batch, void, undefined>;
}

/** What operators need while a statement runs. */
export interface RunEnv {
  readonly api: unknown;
  readonly signal: AbortSignal;
  /** -1: no cap. */
  readonly maxRows: number;
  readonly compile: CompileEnv;
}

export function throwIfAborted(signal: AbortSignal): void {
  if (!signal.aborted) return;
  const reason: unknown = signal.reason;
  if (IgsqlError.is(reason)) throw reason;
  throw new IgsqlError('cancelled', 'The query was cancelled', { cause: reason });
}

/** Rows of `width` NULLs (the missing side of an outer join). */
export function nulls(width: number): EngineRow {
  return new Array<SqlValue>(width).fill(null);
}

export type KeyFn = (v: SqlValue) => SqlValue;

/**
 * How to compare join keys of two static types by hashing: both sides are mapped into one domain
 * (numbers, text, instants) so that `=` with coercion and hash equality agree. NULL (or a value
 * that cannot be coerced) gives a NULL key, which matches nothing.
 */
export function joinKeyFns(a: StaticType, b: StaticType): [KeyFn, KeyFn] {
  const numeric = (t: StaticType): boolean => t === 'Integer' || t === 'Double' || t === 'Boolean';
  const toNum: KeyFn = (v) => (v === null ? null : typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? parseNumber(v) ?? null : null);
  const toTime: KeyFn = (v) => (v === null ? null : v instanceof Date ? v.getTime() : typeof v === 'string' ? parseDatetime(v)?.getTime() ?? null : null);
  if (numeric(a) && numeric(b)) return [toNum, toNum];
  if ((numeric(a) && b === 'String') || (a === 'String' && numeric(b))) return [toNum, toNum];
  if (a === 'Datetime' || b === 'Datetime') return [toTime, toTime];
  if (a === 'String' && b === 'String') return [(v) => v, (v) => v];
  return [valueKey, valueKey];
}

/** One hash key for several key values (already mapped by their KeyFns); undefined if any is NULL. */
export function compositeKey(values: readonly SqlValue[]): SqlValue | undefined {
  if (values.length === 1) return values[0] === null ? undefined : values[0];
  for (const v of values) if (v === null) return undefined;
  return rowKey(values);
}
