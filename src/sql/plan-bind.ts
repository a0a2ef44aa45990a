/**
 * Binding: AST expressions → bound expressions (bound.ts). Resolves columns in a scope, functions
 * in the registry (with arity checks), plans subqueries, and — after GROUP BY — maps grouped
 * expressions and aggregates to the columns of the Aggregate node.
 */
import { closest } from '../errors.js';
import type { Expr, Query } from './ast.js';
import type { AggregateSpec, BColumn, BExpr, Subquery } from './bound.js';
import { exprKey, isConstant } from './bound-walk.js';
import { findFunction, functionNames } from './functions/index.js';
import { resolveColumn, type PlanContext, type Scope } from './plan-scope.js';
import type { PlannedQuery } from './plan-types.js';
import { printExpr, printQuery } from './print.js';

/** The columns of an Aggregate node that post-aggregation expressions bind to. */
export interface AggregateBinding {
  readonly id: number;
  readonly groups: ReadonlyMap<string, BColumn>;
  readonly aggregates: AggregateSpec[];
}

export interface BindOptions {
  readonly scope: Scope;
  /** For messages: WHERE, ON, SELECT, GROUP BY, HAVING, ORDER BY. */
  readonly clause: string;
  readonly aggregate?: AggregateBinding | undefined;
}

export type PlanSubquery = (query: Query, parent: Scope) => PlannedQuery;

export function astChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'ColumnRef': case 'Literal': case 'Param': case 'ScalarSubquery': case 'Exists': return [];
    case 'Unary': case 'Not': case 'IsNull': case 'Cast': return [e.operand];
    case 'Binary': case 'Compare': case 'And': case 'Or': return [e.left, e.right];
    case 'InList': return [e.operand, ...e.list];
    case 'InSubquery': return [e.operand];
    case 'Between': return [e.operand, e.low, e.high];
    case 'Like': return e.escape ? [e.operand, e.pattern, e.escape] : [e.operand, e.pattern];
    case 'Case': return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'FunctionCall': return e.args;
    case 'Aggregate': return e.arg ? [e.arg] : [];
  }
}

/** True when the expression has an aggregate outside any subquery. */
export function containsAggregate(e: Expr): boolean {
  return e.kind === 'Aggregate' || astChildren(e).some(containsAggregate);
}

export class Binder {
  readonly #ctx: PlanContext;
  readonly #planSubquery: PlanSubquery;
  /** Outer column keys read by the subqueries being planned, innermost last. */
  readonly #outer: Set<string>[] = [];

  constructor(ctx: PlanContext, planSubquery: PlanSubquery) {
    this.#ctx = ctx;
    this.#planSubquery = planSubquery;
  }

  bind(e: Expr, o: BindOptions): BExpr {
    if (o.aggregate && e.kind !== 'Aggregate' && !containsAggregate(e)) {
      const row = this.bind(e, { ...o, aggregate: undefined });
      const group = o.aggregate.groups.get(exprKey(row));
      if (group) return group;
      if (isConstant(row)) return row;
      if (e.kind === 'ColumnRef') {
        throw this.#ctx.error(`Column ${printExpr(e)} must appear in GROUP BY or be used in an aggregate function (${o.clause})`, e.span);
      }
    }
    const b = (x: Expr): BExpr => this.bind(x, o);
    switch (e.kind) {
      case 'ColumnRef': {
        const r = resolveColumn(this.#ctx, o.scope, e);
        r.relation.used.add(r.index);
        const column = r.relation.columns[r.index]!;
        if (r.depth > 0) {
          // a correlated reference: every subquery between here and that scope depends on it
          for (let i = 0; i < r.depth && i < this.#outer.length; i++) this.#outer[this.#outer.length - 1 - i]!.add(column.key);
        }
        return { kind: 'Column', key: column.key, name: `${r.relation.alias}.${column.name}` };
      }
      case 'Literal':
        return { kind: 'Literal', value: e.value, type: e.type };
      case 'Param':
        return { kind: 'Param', name: e.name, index: e.index };
      case 'Unary':
        return { kind: 'Unary', op: e.op, operand: b(e.operand) };
      case 'Binary':
        return { kind: 'Binary', op: e.op, left: b(e.left), right: b(e.right) };
      case 'Compare':
        return { kind: 'Compare', op: e.op, left: b(e.left), right: b(e.right) };
      case 'And':
      case 'Or':
        return { kind: e.kind, left: b(e.left), right: b(e.right) };
      case 'Not':
        return { kind: 'Not', operand: b(e.operand) };
      case 'InList':
        return { kind: 'InList', operand: b(e.operand), list: e.list.map(b), negated: e.negated };
      case 'InSubquery':
        return { kind: 'InSubquery', operand: b(e.operand), subquery: this.#subquery(e.query, o.scope, 'in'), negated: e.negated };
      case 'Between':
        return { kind: 'Between', operand: b(e.operand), low: b(e.low), high: b(e.high), negated: e.negated };
      case 'Like':
        return { kind: 'Like', operand: b(e.operand), pattern: b(e.pattern), escape: e.escape && b(e.escape), negated: e.negated };
      case 'IsNull':
        return { kind: 'IsNull', operand: b(e.operand), negated: e.negated };
      case 'Case':
        return {
          kind: 'Case', operand: e.operand && b(e.operand), whens: e.whens.map((w) => ({ when: b(w.when), then: b(w.then) })),
          else: e.else && b(e.else),
        };
      case 'Cast':
        return { kind: 'Cast', operand: b(e.operand), type: e.type };
      case 'FunctionCall':
        return this.#call(e, o, b);
      case 'Aggregate':
        return this.#aggregate(e, o);
      case 'ScalarSubquery':
        return { kind: 'Subquery', mode: 'scalar', subquery: this.#subquery(e.query, o.scope, 'scalar'), negated: false };
      case 'Exists':
        return { kind: 'Subquery', mode: 'exists', subquery: this.#subquery(e.query, o.scope, 'exists'), negated: e.negated };
    }
  }

  #call(e: Expr & { kind: 'FunctionCall' }, o: BindOptions, b: (x: Expr) => BExpr): BExpr {
    const fn = findFunction(e.name);
    if (!fn) {
      const suggestion = closest(e.name, functionNames());
      throw this.#ctx.error(`Unknown function ${e.name}.${suggestion ? ` Did you mean ${suggestion}?` : ''} docs/sql.md lists the functions.`, e.span, {
        function: e.name,
      });
    }
    if (e.args.length < fn.minArgs || e.args.length > fn.maxArgs) {
      throw this.#ctx.error(`${e.name} takes ${arity(fn.minArgs, fn.maxArgs)}, got ${e.args.length}: ${fn.signature}`, e.span);
    }
    void o;
    return { kind: 'Call', fn, args: e.args.map(b) };
  }

  #aggregate(e: Expr & { kind: 'Aggregate' }, o: BindOptions): BExpr {
    const text = printExpr(e);
    if (!o.aggregate) {
      throw this.#ctx.error(`The aggregate ${text} is not allowed in ${o.clause}${o.clause === 'WHERE' ? '; filter groups with HAVING' : ''}`);
    }
    if (e.arg && containsAggregate(e.arg)) throw this.#ctx.error(`Aggregates cannot be nested: ${text}`);
    const arg = e.arg && this.bind(e.arg, { ...o, aggregate: undefined });
    const signature = `${e.fn}|${e.distinct}|${arg ? exprKey(arg) : '*'}`;
    const existing = o.aggregate.aggregates.findIndex((a) => `${a.fn}|${a.distinct}|${a.arg ? exprKey(a.arg) : '*'}` === signature);
    if (existing !== -1) return { kind: 'Column', key: o.aggregate.aggregates[existing]!.key, name: text };
    const key = `a${o.aggregate.id}:a${o.aggregate.aggregates.length}`;
    o.aggregate.aggregates.push({ fn: e.fn, arg, distinct: e.distinct, key, text });
    return { kind: 'Column', key, name: text };
  }

  #subquery(query: Query, scope: Scope, mode: Subquery['mode']): Subquery {
    const outer = new Set<string>();
    this.#outer.push(outer);
    let planned: PlannedQuery;
    try {
      planned = this.#planSubquery(mode === 'exists' ? firstRowOnly(query) : query, scope);
    } finally {
      this.#outer.pop();
    }
    if (mode !== 'exists' && planned.output.length !== 1) {
      throw this.#ctx.error(`A subquery used as a value must return one column; this one returns ${planned.output.length}: (${printQuery(query)})`);
    }
    const subquery: Subquery = { id: this.#ctx.nextId(), mode, plan: planned.root, outerKeys: [...outer], outputKey: planned.output[0]!.key, text: printQuery(query) };
    this.#ctx.subqueries.push(subquery);
    return subquery;
  }
}

/**
 * EXISTS needs one row: `EXISTS (q)` is `EXISTS (q LIMIT 1)` for any q, so a plain subquery gets
 * LIMIT 1, which the planner pushes to the scan when nothing after it filters (`limit=1`, no page
 * read ahead). A subquery with its own LIMIT, TOP or OFFSET is left as written.
 */
function firstRowOnly(query: Query): Query {
  if (query.limit !== undefined || query.offset !== undefined || (query.kind === 'Select' && query.top !== undefined)) return query;
  return { ...query, limit: { kind: 'Literal', value: 1, type: 'Integer' } };
}

function arity(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}
