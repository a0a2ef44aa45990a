/**
 * Compiles bound expressions once into closures over a row layout: no AST walking per row.
 * SQL three-valued logic: NULL propagates through operators and functions, AND/OR/NOT follow the
 * SQL truth tables, comparisons with NULL are NULL, and a WHERE keeps a row only when TRUE.
 * Expressions that do not read the row are folded to constants at compile time.
 */
import { IgsqlError } from '../errors.js';
import type { SqlValue } from '../schema/types.js';
import type { BExpr } from './bound.js';
import { children } from './bound-walk.js';
import { compileArithmetic, compileCast, compileUnary } from './evaluate-arith.js';
import { compileCompare, compileLike, inExpressions, inValues } from './evaluate-compare.js';
import type { Compiled, CompileEnv, Evaluator, Layout } from './evaluate-types.js';
import { commonType } from './functions/misc.js';
import { compareValues, parseNumber, typeOfValue, type StaticType } from './values.js';

export type { Compiled, CompileEnv, Evaluator, Layout } from './evaluate-types.js';

type Compilers = { readonly [K in BExpr['kind']]: (e: Extract<BExpr, { kind: K }>, layout: Layout, env: CompileEnv) => Compiled };

const dynamic = (fn: Evaluator, type: StaticType): Compiled => ({ fn, type, constant: false });

/** SQL truth of a value used as a condition: booleans as is, numbers non-zero, NULL unknown. */
export function truth(v: SqlValue): boolean | null {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    return n !== undefined && n !== 0;
  }
  return true;
}

export function compileCondition(e: BExpr, layout: Layout, env: CompileEnv): (row: readonly SqlValue[]) => boolean | null {
  const c = compile(e, layout, env);
  if (c.type === 'Boolean') return c.fn as (row: readonly SqlValue[]) => boolean | null;
  const fn = c.fn;
  return (row) => truth(fn(row));
}

const compilers: Compilers = {
  Column: (e, layout, env) => {
    const slot = layout.slots.get(e.key);
    if (slot === undefined) {
      const outer = env.outer(e.key);
      if (outer) return dynamic(outer, 'Any');
      throw new IgsqlError('internal', `column ${e.name} (${e.key}) is not available here`);
    }
    return dynamic((row) => row[slot]!, layout.types[slot] ?? 'Any');
  },
  Literal: (e) => ({ fn: () => e.value, type: e.type, constant: true }),
  Param: (e, _layout, env) => {
    const value = env.param(e.name, e.index);
    return { fn: () => value, type: typeOfValue(value), constant: true };
  },
  Unary: (e, layout, env) => compileUnary(e.op, compile(e.operand, layout, env)),
  Binary: (e, layout, env) => compileArithmetic(e.op, compile(e.left, layout, env), compile(e.right, layout, env)),
  Compare: (e, layout, env) => dynamic(compileCompare(e.op, compile(e.left, layout, env), compile(e.right, layout, env)), 'Boolean'),
  And: (e, layout, env) => {
    const l = compileCondition(e.left, layout, env);
    const r = compileCondition(e.right, layout, env);
    return dynamic((row) => {
      const a = l(row);
      if (a === false) return false;
      const b = r(row);
      if (b === false) return false;
      return a === null || b === null ? null : true;
    }, 'Boolean');
  },
  Or: (e, layout, env) => {
    const l = compileCondition(e.left, layout, env);
    const r = compileCondition(e.right, layout, env);
    return dynamic((row) => {
      const a = l(row);
      if (a === true) return true;
      const b = r(row);
      if (b === true) return true;
      return a === null || b === null ? null : false;
    }, 'Boolean');
  },
  Not: (e, layout, env) => {
    const c = compileCondition(e.operand, layout, env);
    return dynamic((row) => {
      const v = c(row);
      return v === null ? null : !v;
    }, 'Boolean');
  },
  InList: (e, layout, env) => {
    const operand = compile(e.operand, layout, env);
    const items = e.list.map((i) => compile(i, layout, env));
    if (items.every((i) => i.constant)) {
      const values = items.map((i) => i.fn([]));
      return dynamic(inValues(operand, () => values, e.negated), 'Boolean');
    }
    return dynamic(inExpressions(operand, items, e.negated), 'Boolean');
  },
  InSubquery: (e, layout, env) => {
    const operand = compile(e.operand, layout, env);
    const { result } = env.subquery(e.subquery.id);
    return dynamic(inValues(operand, () => result.values, e.negated), 'Boolean');
  },
  Between: (e, layout, env) => {
    const within: BExpr = {
      kind: 'And',
      left: { kind: 'Compare', op: '>=', left: e.operand, right: e.low },
      right: { kind: 'Compare', op: '<=', left: e.operand, right: e.high },
    };
    return compile(e.negated ? { kind: 'Not', operand: within } : within, layout, env);
  },
  Like: (e, layout, env) =>
    dynamic(
      compileLike(compile(e.operand, layout, env), compile(e.pattern, layout, env), e.escape && compile(e.escape, layout, env), e.negated),
      'Boolean',
    ),
  IsNull: (e, layout, env) => {
    const c = compile(e.operand, layout, env).fn;
    return dynamic(e.negated ? (row) => c(row) !== null : (row) => c(row) === null, 'Boolean');
  },
  Case: (e, layout, env) => compileCase(e, layout, env),
  Cast: (e, layout, env) => compileCast(compile(e.operand, layout, env), e.type),
  Call: (e, layout, env) => compileCall(e, layout, env),
  Subquery: (e, _layout, env) => {
    const { type, result } = env.subquery(e.subquery.id);
    if (e.mode === 'exists') return dynamic(() => (result.values.length > 0) !== e.negated, 'Boolean');
    return dynamic(() => result.values[0] ?? null, type);
  },
};

export function compile(e: BExpr, layout: Layout, env: CompileEnv): Compiled {
  const compiled = (compilers[e.kind] as (e: BExpr, layout: Layout, env: CompileEnv) => Compiled)(e, layout, env);
  if (compiled.constant || !foldable(e)) return compiled;
  try {
    const value = compiled.fn([]);
    return { fn: () => value, type: compiled.type === 'Any' ? typeOfValue(value) : compiled.type, constant: true };
  } catch {
    return compiled; // e.g. 1/0 in a branch that may never run: fail only if evaluated
  }
}

/** True when the expression reads no column and no subquery result (its value is known now). */
function foldable(e: BExpr): boolean {
  switch (e.kind) {
    case 'Column':
    case 'Subquery':
    case 'InSubquery':
      return false;
    case 'Literal':
    case 'Param':
      return true;
    default:
      return children(e).every(foldable);
  }
}

function compileCase(e: Extract<BExpr, { kind: 'Case' }>, layout: Layout, env: CompileEnv): Compiled {
  const operand = e.operand && compile(e.operand, layout, env).fn;
  const whens = e.whens.map((w) => ({
    when: operand ? compile(w.when, layout, env).fn : compileCondition(w.when, layout, env),
    then: compile(w.then, layout, env),
  }));
  const otherwise = e.else && compile(e.else, layout, env);
  const type = commonType([...whens.map((w) => w.then.type), otherwise?.type ?? 'Null']);
  const elseFn = otherwise?.fn ?? (() => null);
  if (operand) {
    return dynamic((row) => {
      const v = operand(row);
      if (v !== null) {
        for (const w of whens) {
          const candidate = w.when(row);
          if (candidate !== null && compareValues(v, candidate) === 0) return w.then.fn(row);
        }
      }
      return elseFn(row);
    }, type);
  }
  return dynamic((row) => {
    for (const w of whens) if (w.when(row) === true) return w.then.fn(row);
    return elseFn(row);
  }, type);
}

function compileCall(e: Extract<BExpr, { kind: 'Call' }>, layout: Layout, env: CompileEnv): Compiled {
  const name = e.fn.name;
  if (e.fn.special) {
    if (name === 'IIF') {
      const cond = compileCondition(e.args[0]!, layout, env);
      const a = compile(e.args[1]!, layout, env);
      const b = compile(e.args[2]!, layout, env);
      return dynamic((row) => (cond(row) === true ? a.fn(row) : b.fn(row)), commonType([a.type, b.type]));
    }
    const args = e.args.map((a) => compile(a, layout, env));
    if (name === 'ISNULL' && args.length === 1) {
      const a = args[0]!.fn;
      return dynamic((row) => a(row) === null, 'Boolean');
    }
    // COALESCE, IFNULL, NVL, ISNULL(a, b)
    const fns = args.map((a) => a.fn);
    return dynamic((row) => {
      for (const f of fns) {
        const v = f(row);
        if (v !== null) return v;
      }
      return null;
    }, commonType(args.map((a) => a.type)));
  }
  const args = e.args.map((a) => compile(a, layout, env));
  const types = args.map((a) => a.type);
  const impl = e.fn.compile(types, env.fnContext);
  const fns = args.map((a) => a.fn);
  const buffer: SqlValue[] = new Array<SqlValue>(fns.length).fill(null);
  const passNulls = e.fn.nulls === 'pass';
  const n = fns.length;
  const type = e.fn.returns(types);
  return dynamic((row) => {
    for (let i = 0; i < n; i++) {
      const v = fns[i]!(row);
      if (v === null && !passNulls) return null;
      buffer[i] = v;
    }
    return impl(buffer);
  }, type);
}
