/**
 * The FROM clause, part 1: relations, the scope, and the WHERE / ON conjuncts with the relations
 * each one reads. Conjuncts that read a single relation are assigned to it (to be pushed to its
 * view and checked right after its scan) wherever SQL semantics allow: anywhere for inner joins and
 * the preserved side of outer joins; on the null-supplying side only when they reject NULLs.
 */
import { IgsqlError } from '../errors.js';
import type { Expr, FromItem, Join, Query } from './ast.js';
import type { BExpr } from './bound.js';
import { referencedKeys } from './bound-walk.js';
import type { Binder } from './plan-bind.js';
import { nullRejecting } from './plan-pushdown.js';
import { derivedRelation, resolveColumn, viewRelation, type PlanContext, type Relation, type Scope } from './plan-scope.js';
import type { PlannedQuery } from './plan-types.js';
import { printBound } from './bound-print.js';

export interface Conjunct {
  readonly expr: BExpr;
  readonly relations: ReadonlySet<number>;
  readonly origin: 'where' | 'on';
  /** Checked already where WHERE semantics hold (needs no check after the joins). */
  applied: boolean;
  readonly text: string;
}

export interface AssignedConjunct {
  readonly conjunct: Conjunct;
  /** On the preserved side / in an inner join: checking it early is the same as checking it in WHERE. */
  readonly preserved: boolean;
}

export interface PreparedFrom {
  readonly from: FromItem;
  readonly scope: Scope;
  readonly relationOf: ReadonlyMap<FromItem, Relation>;
  readonly where: readonly Conjunct[];
  readonly on: ReadonlyMap<Join, readonly Conjunct[]>;
  readonly assigned: ReadonlyMap<number, AssignedConjunct[]>;
}

export function splitAnd(e: BExpr, out: BExpr[] = []): BExpr[] {
  if (e.kind === 'And') {
    splitAnd(e.left, out);
    splitAnd(e.right, out);
  } else {
    out.push(e);
  }
  return out;
}

export function prepareFrom(
  ctx: PlanContext,
  binder: Binder,
  from: FromItem,
  where: Expr | undefined,
  parent: Scope | undefined,
  planDerived: (query: Query) => PlannedQuery,
): PreparedFrom {
  const relationOf = new Map<FromItem, Relation>();
  const relations: Relation[] = [];
  const collect = (item: FromItem): void => {
    if (item.kind === 'Join') {
      collect(item.left);
      collect(item.right);
      return;
    }
    let relation: Relation;
    if (item.kind === 'Table') {
      let view;
      try {
        view = ctx.catalog.view(item.name);
      } catch (error) {
        throw IgsqlError.is(error) ? ctx.error(error.message, item.span, { ...error.details }) : error;
      }
      relation = viewRelation(ctx, view, item.alias ?? item.name);
    } else {
      relation = derivedRelation(ctx, planDerived(item.query), item.alias);
    }
    if (relations.some((r) => r.alias.toLowerCase() === relation.alias.toLowerCase())) {
      throw ctx.error(`The name ${relation.alias} is used twice in FROM; give one of them another alias (FROM Media a JOIN Media b ...)`);
    }
    relations.push(relation);
    relationOf.set(item, relation);
  };
  collect(from);
  const scope: Scope = { relations, parent };
  const relationOfKey = new Map<string, number>();
  for (const r of relations) for (const c of r.columns) relationOfKey.set(c.key, r.id);
  const conjuncts = (e: BExpr, origin: 'where' | 'on'): Conjunct[] =>
    splitAnd(e).map((expr) => ({
      expr, origin, applied: false, text: printBound(expr),
      relations: new Set([...referencedKeys(expr)].map((k) => relationOfKey.get(k)).filter((id): id is number => id !== undefined)),
    }));

  const whereConjuncts = where ? conjuncts(binder.bind(where, { scope, clause: 'WHERE' }), 'where') : [];
  const on = new Map<Join, Conjunct[]>();
  const bindOn = (item: FromItem): void => {
    if (item.kind !== 'Join') return;
    bindOn(item.left);
    bindOn(item.right);
    let condition: BExpr | undefined;
    if (item.on) condition = binder.bind(item.on, { scope, clause: 'ON' });
    else if (item.using) condition = usingCondition(ctx, item, relationsIn(item.left, relationOf), relationsIn(item.right, relationOf));
    on.set(item, condition ? conjuncts(condition, 'on') : []);
  };
  bindOn(from);

  const assigned = new Map<number, AssignedConjunct[]>();
  const assign = (item: FromItem, entries: readonly AssignedConjunct[]): void => {
    if (item.kind !== 'Join') {
      const relation = relationOf.get(item)!;
      for (const entry of entries) {
        const c = entry.conjunct;
        if (c.relations.size !== 1 || !c.relations.has(relation.id)) continue;
        if (!entry.preserved && !nullRejecting(c.expr)) continue;
        const list = assigned.get(relation.id) ?? [];
        list.push(entry);
        assigned.set(relation.id, list);
      }
      return;
    }
    const own = (on.get(item) ?? []).map((conjunct) => ({ conjunct, preserved: true }));
    const weakened = entries.map((e) => ({ conjunct: e.conjunct, preserved: false }));
    switch (item.type) {
      case 'inner':
      case 'cross':
        assign(item.left, [...entries, ...own]);
        assign(item.right, [...entries, ...own]);
        break;
      case 'left':
        assign(item.left, entries);
        assign(item.right, [...weakened, ...own]);
        break;
      case 'right':
        assign(item.left, [...weakened, ...own]);
        assign(item.right, entries);
        break;
      case 'full':
        assign(item.left, weakened);
        assign(item.right, weakened);
        break;
    }
  };
  assign(from, whereConjuncts.map((conjunct) => ({ conjunct, preserved: true })));
  return { from, scope, relationOf, where: whereConjuncts, on, assigned };
}

export function relationsIn(item: FromItem, relationOf: ReadonlyMap<FromItem, Relation>): Relation[] {
  if (item.kind === 'Join') return [...relationsIn(item.left, relationOf), ...relationsIn(item.right, relationOf)];
  return [relationOf.get(item)!];
}

function usingCondition(ctx: PlanContext, join: Join, left: readonly Relation[], right: readonly Relation[]): BExpr {
  const parts = join.using!.map((name): BExpr => {
    const side = (relations: readonly Relation[]): BExpr => {
      const r = resolveColumn(ctx, { relations, parent: undefined }, { kind: 'ColumnRef', table: undefined, column: name });
      r.relation.used.add(r.index);
      const column = r.relation.columns[r.index]!;
      return { kind: 'Column', key: column.key, name: `${r.relation.alias}.${column.name}` };
    };
    return { kind: 'Compare', op: '=', left: side(left), right: side(right) };
  });
  return parts.reduce((a, b) => ({ kind: 'And', left: a, right: b }));
}
