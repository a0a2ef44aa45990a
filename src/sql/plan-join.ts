/**
 * The FROM clause, part 2: the operator tree. Each view becomes a Scan with the predicates its view
 * answers, followed by a Filter that re-checks what it was given. Inner joins are ordered greedily
 * so that a view whose key column can be fed from rows already joined (`c.MediaId = m.Id`) is read
 * by a LookupJoin with `MediaId IN (batch of m.Id)` instead of a full scan; the other joins are
 * hash joins on their equalities, or nested loops.
 */
import type { FromItem, Join } from './ast.js';
import type { BExpr } from './bound.js';
import { columnKeys, referencedKeys } from './bound-walk.js';
import type { AssignedConjunct, Conjunct, PreparedFrom } from './plan-from.js';
import { relationsIn } from './plan-from.js';
import { filterNode, hasCorrelated } from './plan-apply.js';
import { analyzePush, checkRequiredKeys, type PushResult } from './plan-pushdown.js';
import type { PlanContext, Relation } from './plan-scope.js';
import type { PlanNode, PushTemplate, ScanNode } from './plan-types.js';

export const LOOKUP_BATCH = 100;

export interface BuiltFrom {
  readonly node: PlanNode;
  /** The only scan, when FROM is a single view. */
  readonly singleScan: ScanNode | undefined;
  /** The filter above the single scan re-checks only what the view was given (drops nothing). */
  readonly exact: boolean;
}

interface Lookup {
  readonly conjunct: Conjunct;
  readonly rightColumn: string;
  readonly rightKey: string;
  readonly leftKey: BExpr;
}

export function and(parts: readonly BExpr[]): BExpr | undefined {
  return parts.length === 0 ? undefined : parts.reduce((a, b) => ({ kind: 'And', left: a, right: b }));
}

export function buildFrom(ctx: PlanContext, p: PreparedFrom): BuiltFrom {
  const relOfKey = new Map<string, number>();
  for (const r of p.scope.relations) for (const c of r.columns) relOfKey.set(c.key, r.id);
  const localKeys: ReadonlySet<string> = new Set(relOfKey.keys());
  const relsOf = (e: BExpr): Set<number> => new Set([...referencedKeys(e)].map((k) => relOfKey.get(k)!).filter((x) => x !== undefined));
  const subset = (a: ReadonlySet<number>, b: ReadonlySet<number>): boolean => a.size > 0 && [...a].every((x) => b.has(x));
  const settled = new Set<Conjunct>();
  for (const entries of p.assigned.values()) for (const e of entries) if (e.preserved) settled.add(e.conjunct);
  const pushCache = new Map<number, { pushes: PushTemplate[]; results: Map<AssignedConjunct, PushResult | undefined> }>();

  const pushesOf = (rel: Relation): { pushes: PushTemplate[]; results: Map<AssignedConjunct, PushResult | undefined> } => {
    let cached = pushCache.get(rel.id);
    if (!cached) {
      const results = new Map<AssignedConjunct, PushResult | undefined>();
      const pushes: PushTemplate[] = [];
      for (const entry of p.assigned.get(rel.id) ?? []) {
        const result = rel.view ? analyzePush(entry.conjunct.expr, rel, localKeys) : undefined;
        results.set(entry, result);
        if (result) pushes.push(...result.pushes);
      }
      cached = { pushes, results };
      pushCache.set(rel.id, cached);
    }
    return cached;
  };

  /** The conjuncts to check on a relation's rows; marks the ones this settles. */
  const filtersOf = (rel: Relation): { parts: BExpr[]; exact: boolean } => {
    const { results } = pushesOf(rel);
    const parts: BExpr[] = [];
    let exact = true;
    for (const entry of p.assigned.get(rel.id) ?? []) {
      const result = results.get(entry);
      if (entry.preserved) entry.conjunct.applied = true;
      const pseudoOnly = [...columnKeys(entry.conjunct.expr)].every((k) => rel.columns.find((c) => c.key === k)?.pseudo === true);
      if (result?.exact && pseudoOnly) continue; // the view is the authority on its input-only columns
      parts.push(entry.conjunct.expr);
      if (!result?.exact) exact = false;
    }
    return { parts, exact };
  };

  const scanOf = (rel: Relation): ScanNode => {
    const view = rel.view!;
    const used = [...rel.used].sort((a, b) => a - b);
    const columns = used.map((i) => ({ name: view.columns[i]!.name, key: rel.columns[i]!.key, type: view.columns[i]!.type, pseudo: rel.columns[i]!.pseudo }));
    return { kind: 'Scan', id: rel.id, view, alias: rel.alias, columns, pushed: pushesOf(rel).pushes, layout: columns.map((c) => c.key) };
  };

  const filtered = (node: PlanNode, parts: readonly BExpr[]): PlanNode => filterNode(ctx, node, parts, localKeys);
  /** Join conditions cannot run correlated subqueries: inner joins check them after the join. */
  const splitCorrelated = (type: string, conds: readonly BExpr[]): { plain: BExpr[]; after: BExpr[] } => {
    const after = conds.filter(hasCorrelated);
    if (after.length > 0 && type !== 'inner' && type !== 'cross') {
      throw ctx.error(`A correlated subquery in the ON clause of a ${type.toUpperCase()} JOIN is not supported; move it to WHERE or into a derived table`);
    }
    return { plain: conds.filter((c) => !hasCorrelated(c)), after };
  };

  const leaf = (rel: Relation): PlanNode => {
    if (rel.derived) return filtered(rel.derived.root, filtersOf(rel).parts);
    checkRequiredKeys(ctx, rel, pushesOf(rel).pushes);
    return filtered(scanOf(rel), filtersOf(rel).parts);
  };

  const findLookup = (rel: Relation, conds: readonly Conjunct[], available: ReadonlySet<number>): Lookup | undefined => {
    if (!rel.view) return undefined;
    for (const conjunct of conds) {
      const e = conjunct.expr;
      if (conjunct.applied || e.kind !== 'Compare' || e.op !== '=') continue;
      for (const [mine, other] of [[e.left, e.right], [e.right, e.left]] as const) {
        if (mine.kind !== 'Column' || relOfKey.get(mine.key) !== rel.id || !subset(relsOf(other), available)) continue;
        const index = rel.columns.findIndex((c) => c.key === mine.key);
        const name = rel.view.columns[index]!.name;
        const key = rel.view.keyColumns.find((k) => k.column.toLowerCase() === name.toLowerCase());
        if (key && (key.operators.includes('=') || key.operators.includes('in'))) {
          return { conjunct, rightColumn: name, rightKey: mine.key, leftKey: other };
        }
      }
    }
    return undefined;
  };

  const lookupJoin = (type: 'inner' | 'left', left: PlanNode, rel: Relation, lookup: Lookup, conds: readonly BExpr[]): PlanNode => {
    checkRequiredKeys(ctx, rel, pushesOf(rel).pushes, lookup.rightColumn);
    lookup.conjunct.applied = true;
    const right = scanOf(rel);
    const { plain, after } = splitCorrelated(type, [...conds, ...filtersOf(rel).parts]);
    const node: PlanNode = {
      kind: 'LookupJoin', type, left, right, rightColumn: lookup.rightColumn, rightKey: lookup.rightKey, leftKey: lookup.leftKey,
      condition: and(plain), batchSize: LOOKUP_BATCH, layout: [...left.layout, ...right.layout],
    };
    return filtered(node, after);
  };

  /** Hash join on the equalities between the two sides, nested loop otherwise. */
  const join = (type: 'inner' | 'left' | 'full' | 'cross', left: PlanNode, right: PlanNode, lr: ReadonlySet<number>, rr: ReadonlySet<number>, conds: readonly BExpr[]): PlanNode => {
    const leftKeys: BExpr[] = [];
    const rightKeys: BExpr[] = [];
    const rest: BExpr[] = [];
    for (const e of conds) {
      if (e.kind === 'Compare' && e.op === '=') {
        const [a, b] = [relsOf(e.left), relsOf(e.right)];
        if (subset(a, lr) && subset(b, rr)) {
          leftKeys.push(e.left);
          rightKeys.push(e.right);
          continue;
        }
        if (subset(a, rr) && subset(b, lr)) {
          leftKeys.push(e.right);
          rightKeys.push(e.left);
          continue;
        }
      }
      rest.push(e);
    }
    const kind = type === 'cross' && conds.length > 0 ? 'inner' : type;
    const { plain, after } = splitCorrelated(kind, rest);
    return filtered({ kind: 'Join', type: kind, left, right, leftKeys, rightKeys, condition: and(plain), layout: [...left.layout, ...right.layout] }, after);
  };

  const unconsumed = (j: Join): Conjunct[] => (p.on.get(j) ?? []).filter((c) => !c.applied && !settled.has(c));

  const build = (item: FromItem, top: boolean): { node: PlanNode; rels: Set<number> } => {
    if (item.kind !== 'Join') {
      const rel = p.relationOf.get(item)!;
      return { node: leaf(rel), rels: new Set([rel.id]) };
    }
    if (item.type === 'inner' || item.type === 'cross') return group(item, top);
    const [preservedItem, nullItem] = item.type === 'right' ? [item.right, item.left] : [item.left, item.right];
    if (item.type === 'full') {
      const l = build(item.left, false);
      const r = build(item.right, false);
      const conds = unconsumed(item);
      conds.forEach((c) => (c.applied = true));
      return { node: join('full', l.node, r.node, l.rels, r.rels, conds.map((c) => c.expr)), rels: new Set([...l.rels, ...r.rels]) };
    }
    const l = build(preservedItem, false);
    const nullRels = new Set(relationsIn(nullItem, p.relationOf).map((r) => r.id));
    const rels = new Set([...l.rels, ...nullRels]);
    if (nullItem.kind === 'Table') {
      const rel = p.relationOf.get(nullItem)!;
      pushesOf(rel);
      const conds = unconsumed(item);
      const lookup = findLookup(rel, conds, l.rels);
      if (lookup) {
        const rest = conds.filter((c) => c !== lookup.conjunct);
        rest.forEach((c) => (c.applied = true));
        return { node: lookupJoin('left', l.node, rel, lookup, rest.map((c) => c.expr)), rels };
      }
    }
    const r = build(nullItem, false);
    const conds = unconsumed(item);
    conds.forEach((c) => (c.applied = true));
    return { node: join('left', l.node, r.node, l.rels, r.rels, conds.map((c) => c.expr)), rels };
  };

  const group = (root: Join, top: boolean): { node: PlanNode; rels: Set<number> } => {
    const members: FromItem[] = [];
    const conds: Conjunct[] = [];
    const flatten = (item: FromItem): void => {
      if (item.kind === 'Join' && (item.type === 'inner' || item.type === 'cross')) {
        flatten(item.left);
        flatten(item.right);
        conds.push(...unconsumed(item));
      } else {
        members.push(item);
      }
    };
    flatten(root);
    // relations' own filters are settled by their scans; what is left joins them
    for (const m of members) if (m.kind !== 'Join') pushesOf(p.relationOf.get(m)!);
    if (top) conds.push(...p.where.filter((c) => c.relations.size >= 2));
    const infos = members.map((item) => ({
      item,
      rel: item.kind === 'Join' ? undefined : p.relationOf.get(item),
      rels: new Set(relationsIn(item, p.relationOf).map((r) => r.id)),
    }));
    const allRels = new Set(infos.flatMap((i) => [...i.rels]));
    const standalone = (info: (typeof infos)[number]): boolean => {
      if (!info.rel?.view) return true;
      try {
        checkRequiredKeys(ctx, info.rel, pushesOf(info.rel).pushes);
        return true;
      } catch {
        return false;
      }
    };
    // a "child" (looked up by a column that is not its own key, e.g. Comments by MediaId) starts last:
    // reading the parent first (Media) and looking the children up by its ids is the cheap order
    const lookupTarget = (info: (typeof infos)[number]): boolean => {
      if (info.rel === undefined) return false;
      const lookup = findLookup(info.rel, conds, new Set([...allRels].filter((r) => !info.rels.has(r))));
      if (lookup === undefined) return false;
      return info.rel.view!.columns.find((c) => c.name === lookup.rightColumn)?.key !== true;
    };
    const start = infos.find((i) => standalone(i) && !lookupTarget(i)) ?? infos.find(standalone) ?? infos[0]!;
    let current = build(start.item, false);
    const remaining = infos.filter((i) => i !== start);
    while (remaining.length > 0) {
      let picked: (typeof infos)[number] | undefined;
      let lookup: Lookup | undefined;
      for (const info of remaining) {
        lookup = info.rel ? findLookup(info.rel, conds, current.rels) : undefined;
        if (lookup) {
          picked = info;
          break;
        }
      }
      const connected = (info: (typeof infos)[number]): boolean =>
        conds.some((c) => !c.applied && [...c.relations].some((r) => info.rels.has(r)) && [...c.relations].some((r) => current.rels.has(r)));
      picked ??= remaining.find((i) => standalone(i) && connected(i)) ?? remaining.find(standalone) ?? remaining[0]!;
      remaining.splice(remaining.indexOf(picked), 1);
      const rels = new Set([...current.rels, ...picked.rels]);
      const usable = conds.filter((c) => !c.applied && c !== lookup?.conjunct && [...c.relations].every((r) => rels.has(r)));
      usable.forEach((c) => (c.applied = true));
      if (lookup && picked.rel) {
        current = { node: lookupJoin('inner', current.node, picked.rel, lookup, usable.map((c) => c.expr)), rels };
      } else {
        const right = build(picked.item, false);
        current = { node: join(usable.length > 0 ? 'inner' : 'cross', current.node, right.node, current.rels, right.rels, usable.map((c) => c.expr)), rels };
      }
    }
    const leftover = conds.filter((c) => !c.applied);
    leftover.forEach((c) => (c.applied = true));
    return { node: filtered(current.node, leftover.map((c) => c.expr)), rels: current.rels };
  };

  const built = build(p.from, true);
  if (p.from.kind === 'Table' && p.relationOf.get(p.from)!.view) {
    const rel = p.relationOf.get(p.from)!;
    const scan = built.node.kind === 'Scan' ? built.node : built.node.kind === 'Filter' && built.node.input.kind === 'Scan' ? built.node.input : undefined;
    return { node: built.node, singleScan: scan, exact: filtersExact(rel) };
  }
  return { node: built.node, singleScan: undefined, exact: false };

  function filtersExact(rel: Relation): boolean {
    const { results } = pushesOf(rel);
    return (p.assigned.get(rel.id) ?? []).every((entry) => results.get(entry)?.exact === true);
  }
}
