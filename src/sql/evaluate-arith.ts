/** Arithmetic, concatenation, unary minus and CAST. */
import type { ColumnType, SqlValue } from '../schema/types.js';
import type { ArithmeticOp } from './ast.js';
import type { Compiled, Evaluator } from './evaluate-types.js';
import {
  describeValue, execError, isNumericType, parseNumber, toBoolean, toDatetime, toNumber, toText, type StaticType,
} from './values.js';

const dynamic = (fn: Evaluator, type: StaticType): Compiled => ({ fn, type, constant: false });
const nullConstant = (type: StaticType): Compiled => ({ fn: () => null, type, constant: true });

function checkOperand(c: Compiled, op: string): void {
  if (c.type === 'Datetime') throw execError(`cannot use ${op} on a date/time; use DATEADD(part, n, date) or DATEDIFF(part, a, b)`);
  if (c.type === 'Json') throw execError(`cannot use ${op} on a Json value; extract a field with JSON_EXTRACT first`);
}

/** An evaluator that yields the operand as a number (NULL stays NULL). */
function asNumber(c: Compiled, op: string): Evaluator {
  if (isNumericType(c.type)) return c.fn;
  const fn = c.fn;
  return (row) => {
    const v = fn(row);
    return v === null ? null : toNumber(v, `operator ${op}`);
  };
}

export function compileUnary(op: '-' | '+', c: Compiled): Compiled {
  checkOperand(c, `unary ${op}`);
  if (c.type === 'Null') return nullConstant('Null');
  const fn = asNumber(c, op);
  const type: StaticType = c.type === 'Integer' || c.type === 'Boolean' ? 'Integer' : c.type === 'Any' ? 'Any' : 'Double';
  if (op === '+') return dynamic(fn, type);
  return dynamic((row) => {
    const v = fn(row);
    return v === null ? null : -(v as number);
  }, type);
}

export function compileArithmetic(op: ArithmeticOp, l: Compiled, r: Compiled): Compiled {
  if (op === '||') {
    const [lf, rf, lt, rt] = [l.fn, r.fn, l.type, r.type];
    return dynamic((row) => {
      const a = lf(row);
      if (a === null) return null;
      const b = rf(row);
      if (b === null) return null;
      return (typeof a === 'string' ? a : toText(a, lt)) + (typeof b === 'string' ? b : toText(b, rt));
    }, 'String');
  }
  checkOperand(l, op);
  checkOperand(r, op);
  const integer = (l.type === 'Integer' || l.type === 'Boolean') && (r.type === 'Integer' || r.type === 'Boolean');
  const type: StaticType = integer ? 'Integer' : l.type === 'Any' || r.type === 'Any' ? 'Any' : 'Double';
  if (l.type === 'Null' || r.type === 'Null') return nullConstant(type);
  const a = asNumber(l, op);
  const b = asNumber(r, op);
  const binary = (f: (x: number, y: number) => number): Evaluator => (row) => {
    const x = a(row);
    if (x === null) return null;
    const y = b(row);
    if (y === null) return null;
    return f(x as number, y as number);
  };
  switch (op) {
    case '+': return dynamic(binary((x, y) => x + y), type);
    case '-': return dynamic(binary((x, y) => x - y), type);
    case '*': return dynamic(binary((x, y) => x * y), type);
    case '/': {
      const truncate = integer || (type === 'Any');
      return dynamic(binary((x, y) => {
        if (y === 0) throw execError('division by zero');
        return truncate && Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y;
      }), type);
    }
    case '%':
      return dynamic(binary((x, y) => {
        if (y === 0) throw execError('division by zero (in %)');
        return x % y;
      }), type);
  }
}

function castError(v: SqlValue, type: ColumnType): never {
  throw execError(`cannot CAST ${describeValue(v)} AS ${type.toUpperCase()}`);
}

const CASTS: Readonly<Record<ColumnType, (v: Exclude<SqlValue, null>, from: StaticType) => SqlValue>> = {
  String: (v, from) => toText(v, from),
  Integer: (v) => {
    if (typeof v === 'number') return Math.trunc(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string') {
      const n = parseNumber(v);
      if (n !== undefined) return Math.trunc(n);
    }
    return castError(v, 'Integer');
  },
  Double: (v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'string') {
      const n = parseNumber(v);
      if (n !== undefined) return n;
    }
    return castError(v, 'Double');
  },
  Boolean: (v) => toBoolean(v, 'CAST AS BOOLEAN'),
  Datetime: (v) => toDatetime(v, 'CAST AS DATETIME'),
  Json: (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v) as SqlValue;
    } catch {
      return castError(v, 'Json');
    }
  },
};

export function compileCast(c: Compiled, type: ColumnType): Compiled {
  const cast = CASTS[type];
  const [fn, from] = [c.fn, c.type];
  if (from === type && type !== 'Integer') return { ...c, type };
  return dynamic((row) => {
    const v = fn(row);
    return v === null ? null : cast(v, from);
  }, type);
}
