/**
 * The planner: a parsed query → a PlannedQuery (plan-types.ts). A SELECT becomes
 *   FROM (scans with pushed predicates, joins) → WHERE residual → Aggregate → HAVING → Project
 *   → Distinct → Sort → Limit,
 * with LIMIT pushed into the scan when nothing in between drops or reorders rows, and the sort
 * skipped when the view already yields rows in the requested order.
 */
import type { Catalog } from '../schema/catalog.js';
import type { Expr, OrderItem, Query, Select, Union } from './ast.js';
import type { AggregateSpec, BColumn, BExpr } from './bound.js';
import { exprKey } from './bound-walk.js';
import { Binder, containsAggregate, type AggregateBinding } from './plan-bind.js';
import { prepareFrom, splitAnd } from './plan-from.js';
import { substituteAliases } from './plan-alias.js';
import { filterNode, hasCorrelated, withApplies } from './plan-apply.js';
import { buildFrom } from './plan-join.js';
import { PlanContext, starRelations, type Scope } from './plan-scope.js';
import type { OutputColumn, PlanNode, PlannedQuery, ScanNode, SortKey } from './plan-types.js';
import { printExpr } from './print.js';

export { PlanContext } from './plan-scope.js';

export function planQuery(catalog: Catalog<unknown>, sql: string, query: Query): { planned: PlannedQuery; ctx: PlanContext } {
  const ctx = new PlanContext(catalog, sql);
  const planner = new Planner(ctx);
  return { planned: planner.query(query, undefined, true), ctx };
}

interface Item {
  readonly name: string;
  readonly expr: BExpr;
  readonly alias: string | undefined;
}

class Planner {
  readonly #ctx: PlanContext;
  readonly #binder: Binder;

  constructor(ctx: PlanContext) {
    this.#ctx = ctx;
    this.#binder = new Binder(ctx, (q, parent) => this.query(q, parent, false));
  }

  query(q: Query, parent: Scope | undefined, top: boolean): PlannedQuery {
    return q.kind === 'Select' ? this.#select(q, parent, top) : this.#union(q, parent, top);
  }

  #select(s: Select, parent: Scope | undefined, top: boolean): PlannedQuery {
    const ctx = this.#ctx;
    const binder = this.#binder;
    const prepared = s.from ? prepareFrom(ctx, binder, s.from, s.where, parent, (q) => this.query(q, undefined, false)) : undefined;
    const scope: Scope = prepared?.scope ?? { relations: [], parent };
    const fromlessWhere = !prepared && s.where ? splitAnd(binder.bind(s.where, { scope, clause: 'WHERE' })) : [];
    const isAggregate = s.groupBy.length > 0 || s.having !== undefined || s.items.some((i) => i.kind === 'SelectExpr' && containsAggregate(i.expr)) ||
      s.orderBy.some((o) => containsAggregate(o.expr));
    if (s.top && s.limit) throw ctx.error('Use either TOP or LIMIT, not both');

    let aggregate: AggregateBinding | undefined;
    let groups: BExpr[] = [];
    if (isAggregate) {
      const id = ctx.nextId();
      groups = s.groupBy.map((g) => this.#groupExpr(g, s, scope));
      const map = new Map<string, BColumn>();
      groups.forEach((g, i) => {
        if (!map.has(exprKey(g))) map.set(exprKey(g), { kind: 'Column', key: `a${id}:g${i}`, name: `group ${i + 1}` });
      });
      aggregate = { id, groups: map, aggregates: [] as AggregateSpec[] };
    }
    const items = this.#items(s, scope, aggregate);
    if (aggregate && [...groups, ...aggregate.aggregates.flatMap((a) => (a.arg ? [a.arg] : []))].some(hasCorrelated)) {
      throw ctx.error('Correlated subqueries inside GROUP BY expressions or aggregate arguments are not supported');
    }
    const having = s.having && binder.bind(substituteAliases(s.having, s, scope), { scope, clause: 'HAVING', aggregate });
    const projectId = ctx.nextId();
    const hidden: BExpr[] = [];
    const sortKeys: SortKey[] = s.orderBy.map((o) => this.#orderKey(o, s, items, hidden, scope, aggregate, projectId));

    // operators, bottom-up (FROM is built now: every column the query reads is known)
    const built = prepared ? buildFrom(ctx, prepared) : undefined;
    let node: PlanNode = built?.node ?? { kind: 'Values', layout: [] };
    const localKeys = new Set(scope.relations.flatMap((r) => r.columns.map((c) => c.key)));
    const filter = (input: PlanNode, parts: readonly BExpr[]): PlanNode => filterNode(ctx, input, parts, localKeys);
    const residual = prepared ? prepared.where.filter((c) => !c.applied).map((c) => c.expr) : fromlessWhere;
    node = filter(node, residual);
    if (aggregate) {
      node = {
        kind: 'Aggregate', input: node, groups, aggregates: aggregate.aggregates,
        layout: [...groups.map((_, i) => `a${aggregate!.id}:g${i}`), ...aggregate.aggregates.map((a) => a.key)],
      };
    }
    // after GROUP BY, a correlated subquery reads a grouped column from the group's value
    const grouped = new Map<string, string>();
    if (aggregate) groups.forEach((g, i) => g.kind === 'Column' && !grouped.has(g.key) && grouped.set(g.key, `a${aggregate!.id}:g${i}`));
    if (having) node = filterNode(ctx, node, [having], localKeys, grouped);
    const projected = withApplies(ctx, node, [...items.map((i) => i.expr), ...hidden], localKeys, grouped);
    node = projected.node;
    const exprs = projected.exprs;
    const layout = exprs.map((_, i) => `p${projectId}:${i}`);
    node = { kind: 'Project', input: node, exprs, names: [...items.map((i) => i.name), ...hidden.map((_, i) => `(order key ${i + 1})`)], layout };
    if (s.distinct) node = { kind: 'Distinct', input: node, width: items.length, layout };
    const scan = built?.singleScan;
    const ordered = scan !== undefined && this.#matchesViewOrder(sortKeys, exprs, layout, scan);
    if (sortKeys.length > 0 && !ordered) node = { kind: 'Sort', input: node, keys: sortKeys, layout };
    const limit = this.#constant(s.top ?? s.limit, s.top ? 'TOP' : 'LIMIT');
    const offset = this.#constant(s.offset, 'OFFSET');
    const maxRows = top && !isAggregate;
    if (limit || offset || maxRows) {
      const pushable = scan !== undefined && built!.exact && residual.length === 0 && !isAggregate && !s.distinct && (sortKeys.length === 0 || ordered);
      node = { kind: 'Limit', input: node, limit, offset, maxRows, pushTo: pushable ? scan : undefined, layout };
    }
    const output: OutputColumn[] = items.map((i, n) => ({ name: i.name, key: layout[n]! }));
    return { root: node, output, aggregate: isAggregate };
  }

  /** LIMIT / OFFSET / TOP: a number or a parameter (no column). */
  #constant(e: Expr | undefined, clause: string): BExpr | undefined {
    if (e === undefined) return undefined;
    if (containsAggregate(e)) throw this.#ctx.error(`${clause} takes a number or a parameter, not ${printExpr(e)}`);
    return this.#binder.bind(e, { scope: { relations: [], parent: undefined }, clause });
  }

  /** GROUP BY term: a position, a select alias, or an expression. */
  #groupExpr(g: Expr, s: Select, scope: Scope): BExpr {
    const selectExprs = s.items.filter((i) => i.kind === 'SelectExpr');
    if (g.kind === 'Literal' && g.type === 'Integer') {
      const item = s.items[(g.value as number) - 1];
      if (!item || item.kind !== 'SelectExpr') throw this.#ctx.error(`GROUP BY ${g.value} is not the position of an expression in the select list`);
      if (containsAggregate(item.expr)) throw this.#ctx.error(`GROUP BY ${g.value} refers to an aggregate (${item.text})`);
      return this.#binder.bind(item.expr, { scope, clause: 'GROUP BY' });
    }
    if (g.kind === 'ColumnRef' && g.table === undefined) {
      try {
        return this.#binder.bind(g, { scope, clause: 'GROUP BY' });
      } catch (error) {
        const aliased = selectExprs.find((i) => i.alias?.toLowerCase() === g.column.toLowerCase());
        if (!aliased) throw error;
        return this.#binder.bind(aliased.expr, { scope, clause: 'GROUP BY' });
      }
    }
    if (containsAggregate(g)) throw this.#ctx.error(`GROUP BY cannot contain an aggregate: ${printExpr(g)}`);
    return this.#binder.bind(g, { scope, clause: 'GROUP BY' });
  }

  #items(s: Select, scope: Scope, aggregate: AggregateBinding | undefined): Item[] {
    const items: Item[] = [];
    for (const item of s.items) {
      if (item.kind === 'Star') {
        for (const relation of starRelations(this.#ctx, scope, item.table)) {
          relation.columns.forEach((c, index) => {
            if (c.pseudo) return;
            relation.used.add(index);
            let expr: BExpr = { kind: 'Column', key: c.key, name: `${relation.alias}.${c.name}` };
            if (aggregate) {
              const group = aggregate.groups.get(exprKey(expr));
              if (!group) throw this.#ctx.error(`SELECT * in a GROUP BY query needs every column in GROUP BY; ${relation.alias}.${c.name} is not`);
              expr = group;
            }
            items.push({ name: c.name, expr, alias: undefined });
          });
        }
        continue;
      }
      const expr = this.#binder.bind(item.expr, { scope, clause: 'SELECT', aggregate });
      const name = item.alias ?? (item.expr.kind === 'ColumnRef' ? declaredName(scope, item.expr.column) : item.text);
      items.push({ name, expr, alias: item.alias });
    }
    return items;
  }

  #orderKey(o: OrderItem, select: Select, items: readonly Item[], hidden: BExpr[], scope: Scope, aggregate: AggregateBinding | undefined, projectId: number): SortKey {
    const distinct = select.distinct;
    const key = (index: number): BExpr => ({ kind: 'Column', key: `p${projectId}:${index}`, name: items[index]?.name ?? `(order key)` });
    const make = (expr: BExpr, text: string): SortKey => ({
      expr, desc: o.direction === 'desc', nullsFirst: o.nulls === undefined ? o.direction === 'asc' : o.nulls === 'first', text,
    });
    const e = o.expr;
    if (e.kind === 'Literal' && e.type === 'Integer') {
      const position = e.value as number;
      if (position < 1 || position > items.length) throw this.#ctx.error(`ORDER BY ${position} is out of range: the select list has ${items.length} columns`);
      return make(key(position - 1), items[position - 1]!.name);
    }
    if (e.kind === 'ColumnRef' && e.table === undefined) {
      const index = items.findIndex((i) => i.alias !== undefined && i.alias.toLowerCase() === e.column.toLowerCase());
      if (index !== -1) return make(key(index), items[index]!.name);
    }
    const bound = this.#binder.bind(substituteAliases(e, select, scope), { scope, clause: 'ORDER BY', aggregate });
    const match = items.findIndex((i) => exprKey(i.expr) === exprKey(bound));
    if (match !== -1) return make(key(match), items[match]!.name);
    if (distinct) throw this.#ctx.error(`With SELECT DISTINCT, ORDER BY terms must be in the select list: ${printExpr(e)}`);
    hidden.push(bound);
    return make({ kind: 'Column', key: `p${projectId}:${items.length + hidden.length - 1}`, name: printExpr(e) }, printExpr(e));
  }

  #matchesViewOrder(keys: readonly SortKey[], exprs: readonly BExpr[], layout: readonly string[], scan: ScanNode): boolean {
    const order = scan.view.orderedBy;
    if (!order || keys.length !== 1) return false;
    const k = keys[0]!;
    if (k.expr.kind !== 'Column') return false;
    const projected = exprs[layout.indexOf(k.expr.key)];
    const column = scan.columns.find((c) => projected?.kind === 'Column' && c.key === projected.key);
    if (!column || column.name.toLowerCase() !== order.column.toLowerCase()) return false;
    const desc = order.direction === 'desc';
    return k.desc === desc && k.nullsFirst === !desc;
  }

  #union(u: Union, parent: Scope | undefined, top: boolean): PlannedQuery {
    const left = this.query(u.left, parent, false);
    const right = this.query(u.right, parent, false);
    if (left.output.length !== right.output.length) {
      throw this.#ctx.error(`Both sides of UNION must have the same number of columns: ${left.output.length} and ${right.output.length}`);
    }
    const id = this.#ctx.nextId();
    const layout = left.output.map((_, i) => `u${id}:${i}`);
    let node: PlanNode = {
      kind: 'Union', all: u.all, left: left.root, right: right.root, leftOutput: left.output.map((o) => o.key),
      rightOutput: right.output.map((o) => o.key), layout,
    };
    const output = left.output.map((o, i) => ({ name: o.name, key: layout[i]! }));
    if (u.orderBy.length > 0) {
      const keys = u.orderBy.map((o): SortKey => {
        let index = -1;
        if (o.expr.kind === 'Literal' && o.expr.type === 'Integer') index = (o.expr.value as number) - 1;
        else if (o.expr.kind === 'ColumnRef') index = output.findIndex((c) => c.name.toLowerCase() === (o.expr as { column: string }).column.toLowerCase());
        if (index < 0 || index >= output.length) {
          throw this.#ctx.error(`ORDER BY after UNION must name a result column (${output.map((c) => c.name).join(', ')}) or give its position: ${printExpr(o.expr)}`);
        }
        return {
          expr: { kind: 'Column', key: layout[index]!, name: output[index]!.name }, desc: o.direction === 'desc',
          nullsFirst: o.nulls === undefined ? o.direction === 'asc' : o.nulls === 'first', text: output[index]!.name,
        };
      });
      node = { kind: 'Sort', input: node, keys, layout };
    }
    const limit = this.#constant(u.limit, 'LIMIT');
    const offset = this.#constant(u.offset, 'OFFSET');
    if (limit || offset || top) node = { kind: 'Limit', input: node, limit, offset, maxRows: top, pushTo: undefined, layout };
    return { root: node, output, aggregate: false };
  }
}

function declaredName(scope: Scope, column: string): string {
  for (const r of scope.relations) {
    const c = r.columns.find((x) => x.name.toLowerCase() === column.toLowerCase());
    if (c) return c.name;
  }
  return column;
}
