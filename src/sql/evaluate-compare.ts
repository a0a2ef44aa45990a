/**
 * Comparisons, IN and LIKE, specialised by the operand types so that the common cases (a numeric
 * or text column against a constant) run without coercion or allocation per row.
 */
import type { SqlValue } from '../schema/types.js';
import type { CompareOp } from './ast.js';
import type { Compiled, Evaluator } from './evaluate-types.js';
import { likeMatcher, likeToRegExp } from './like.js';
import {
  compareStrings, compareValues, describeValue, execError, isNumericType, parseDatetime, parseNumber, toBoolean, toText,
  type StaticType,
} from './values.js';

const FLIP: Readonly<Record<CompareOp, CompareOp>> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

const TEST: Readonly<Record<CompareOp, (c: number) => boolean>> = {
  '=': (c) => c === 0, '<>': (c) => c !== 0, '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0,
};

function constantValue(c: Compiled): SqlValue {
  return c.fn([]);
}

/** `column op constant` on numbers: the hot path of most filters. */
function numberVsConstant(op: CompareOp, left: Evaluator, c: number): Evaluator {
  switch (op) {
    case '=': return (row) => { const a = left(row); return a === null ? null : a === c; };
    case '<>': return (row) => { const a = left(row); return a === null ? null : a !== c; };
    case '<': return (row) => { const a = left(row); return a === null ? null : (a as number) < c; };
    case '<=': return (row) => { const a = left(row); return a === null ? null : (a as number) <= c; };
    case '>': return (row) => { const a = left(row); return a === null ? null : (a as number) > c; };
    case '>=': return (row) => { const a = left(row); return a === null ? null : (a as number) >= c; };
  }
}

function withComparator(op: CompareOp, left: Evaluator, right: Evaluator, cmp: (a: SqlValue, b: SqlValue) => number): Evaluator {
  const test = TEST[op];
  return (row) => {
    const a = left(row);
    if (a === null) return null;
    const b = right(row);
    if (b === null) return null;
    return test(cmp(a, b));
  };
}

const numeric = (a: SqlValue, b: SqlValue): number => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
const strings = (a: SqlValue, b: SqlValue): number => compareStrings(a as string, b as string);
const times = (a: SqlValue, b: SqlValue): number => Math.sign((a as Date).getTime() - (b as Date).getTime());
const generic = (a: SqlValue, b: SqlValue): number => compareValues(a, b)!;

function fixed(value: SqlValue, type: StaticType): Compiled {
  return { fn: () => value, type, constant: true };
}

/** Coerces a constant text operand to the other side's type where that is what the user means. */
function coerceConstant(other: StaticType, c: Compiled): Compiled {
  if (!c.constant || c.type !== 'String') return c;
  const text = constantValue(c) as string | null;
  if (text === null) return c;
  if (isNumericType(other)) {
    const n = parseNumber(text);
    return n === undefined ? c : fixed(n, Number.isInteger(n) ? 'Integer' : 'Double');
  }
  if (other === 'Datetime') {
    const d = parseDatetime(text);
    if (!d) throw execError(`${describeValue(text)} is not a date/time; write ISO 8601 like '2026-01-31' or '2026-01-31T12:00:00Z'`);
    return fixed(d, 'Datetime');
  }
  if (other === 'Boolean') return fixed(toBoolean(text, 'comparison'), 'Boolean');
  return c;
}

export function compileCompare(op: CompareOp, leftIn: Compiled, rightIn: Compiled): Evaluator {
  const left = coerceConstant(rightIn.type, leftIn);
  const right = coerceConstant(leftIn.type, rightIn);
  const lt = left.type;
  const rt = right.type;
  if (lt === 'Null' || rt === 'Null') return () => null;
  if ((lt === 'Datetime' && (isNumericType(rt) || rt === 'Boolean')) || (rt === 'Datetime' && (isNumericType(lt) || lt === 'Boolean'))) {
    throw execError(`cannot compare a ${lt} with a ${rt}; compare dates with dates or ISO 8601 text`);
  }
  if (isNumericType(lt) && isNumericType(rt)) {
    if (right.constant) {
      const c = constantValue(right);
      return c === null ? () => null : numberVsConstant(op, left.fn, c as number);
    }
    if (left.constant) {
      const c = constantValue(left);
      return c === null ? () => null : numberVsConstant(FLIP[op], right.fn, c as number);
    }
    return withComparator(op, left.fn, right.fn, numeric);
  }
  if (lt === 'String' && rt === 'String') {
    if (op === '=') return (row) => { const a = left.fn(row); if (a === null) return null; const b = right.fn(row); return b === null ? null : a === b; };
    if (op === '<>') return (row) => { const a = left.fn(row); if (a === null) return null; const b = right.fn(row); return b === null ? null : a !== b; };
    return withComparator(op, left.fn, right.fn, strings);
  }
  if (lt === 'Datetime' && rt === 'Datetime') return withComparator(op, left.fn, right.fn, times);
  return withComparator(op, left.fn, right.fn, generic);
}

type KeyDomain = 'number' | 'string' | 'time' | 'boolean';

function domainOf(type: StaticType): KeyDomain | undefined {
  if (isNumericType(type)) return 'number';
  if (type === 'String') return 'string';
  if (type === 'Datetime') return 'time';
  if (type === 'Boolean') return 'boolean';
  return undefined;
}

/** Keys of `values` in the operand's domain, or undefined when only the generic path is exact. */
function keySet(values: readonly SqlValue[], domain: KeyDomain): { keys: Set<SqlValue>; hasNull: boolean } | undefined {
  const keys = new Set<SqlValue>();
  let hasNull = false;
  for (const v of values) {
    if (v === null) {
      hasNull = true;
      continue;
    }
    if (domain === 'number') {
      const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? parseNumber(v) : undefined;
      if (n !== undefined) keys.add(n);
    } else if (domain === 'string') {
      if (typeof v !== 'string') return undefined;
      keys.add(v);
    } else if (domain === 'time') {
      const d = v instanceof Date ? v : typeof v === 'string' ? parseDatetime(v) : undefined;
      if (d === undefined) throw execError(`${describeValue(v)} is not a date/time`);
      keys.add(d.getTime());
    } else {
      keys.add(typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : Number(toBoolean(v, 'IN')));
    }
  }
  return { keys, hasNull };
}

const KEY_OF: Readonly<Record<KeyDomain, (v: SqlValue) => SqlValue>> = {
  number: (v) => v,
  string: (v) => v,
  time: (v) => (v as Date).getTime(),
  boolean: (v) => (v ? 1 : 0),
};

/** `x [NOT] IN (values)` over a fixed set of values. */
export function inValues(operand: Compiled, values: () => readonly SqlValue[], negated: boolean): Evaluator {
  const domain = domainOf(operand.type);
  let prepared: { keys: Set<SqlValue>; hasNull: boolean } | undefined | null = null;
  let list: readonly SqlValue[] = [];
  return (row) => {
    const v = operand.fn(row);
    if (prepared === null) {
      list = values();
      prepared = domain === undefined ? undefined : keySet(list, domain);
    }
    if (v === null) return list.length === 0 ? negated : null;
    if (prepared !== undefined) {
      if (prepared.keys.has(KEY_OF[domain!](v))) return !negated;
      return prepared.hasNull ? null : negated;
    }
    let sawNull = false;
    for (const item of list) {
      if (item === null) sawNull = true;
      else if (compareValues(v, item) === 0) return !negated;
    }
    return sawNull ? null : negated;
  };
}

/** `x [NOT] IN (a, b, ...)` with expressions that depend on the row. */
export function inExpressions(operand: Compiled, items: readonly Compiled[], negated: boolean): Evaluator {
  return (row) => {
    const v = operand.fn(row);
    if (v === null) return null;
    let sawNull = false;
    for (const item of items) {
      const w = item.fn(row);
      if (w === null) sawNull = true;
      else if (compareValues(v, w) === 0) return !negated;
    }
    return sawNull ? null : negated;
  };
}

export function compileLike(operand: Compiled, pattern: Compiled, escape: Compiled | undefined, negated: boolean): Evaluator {
  const toString = (v: SqlValue, type: StaticType): string => toText(v!, type);
  if (pattern.constant && (escape === undefined || escape.constant)) {
    const p = constantValue(pattern);
    const e = escape === undefined ? undefined : constantValue(escape);
    if (p === null || e === null) return () => null;
    const re = likeToRegExp(toString(p, pattern.type), e === undefined ? undefined : toString(e, escape!.type));
    return (row) => {
      const v = operand.fn(row);
      if (v === null) return null;
      return re.test(typeof v === 'string' ? v : toString(v, operand.type)) !== negated;
    };
  }
  const match = likeMatcher();
  return (row) => {
    const v = operand.fn(row);
    const p = pattern.fn(row);
    const e = escape === undefined ? undefined : escape.fn(row);
    if (v === null || p === null || e === null) return null;
    return match(toString(v, operand.type), toString(p, pattern.type), e === undefined ? undefined : toString(e, escape!.type)) !== negated;
  };
}
