/**
 * Correlated subqueries: before a node evaluates expressions that contain one, its input is
 * wrapped in an Apply node that runs the subquery per row (with the outer values bound) and
 * appends the result as a column; the expression then reads that column.
 */
import type { BExpr } from './bound.js';
import { correlatedIn, replaceExpr } from './bound-walk.js';
import { printBound } from './bound-print.js';
import type { PlanContext } from './plan-scope.js';
import type { PlanNode } from './plan-types.js';

/**
 * `localKeys`: the columns of the query being planned. A correlated subquery may read them only
 * where they are still in the rows (not after GROUP BY); columns of queries further out are
 * read from the enclosing Apply.
 */
export function withApplies(
  ctx: PlanContext,
  node: PlanNode,
  exprs: readonly BExpr[],
  localKeys: ReadonlySet<string>,
  grouped: ReadonlyMap<string, string> = new Map(),
): { node: PlanNode; exprs: BExpr[] } {
  let current = node;
  const out = [...exprs];
  for (let i = 0; i < out.length; i++) {
    for (const found of correlatedIn(out[i]!)) {
      const sources = found.subquery.outerKeys.map((k) => (current.layout.includes(k) ? k : grouped.get(k) ?? k));
      const missing = sources.find((k) => localKeys.has(k) && !current.layout.includes(k));
      if (missing !== undefined) {
        throw ctx.error(`The correlated subquery (${found.subquery.text}) reads a column that is not available here (after GROUP BY only grouped columns and aggregates are)`);
      }
      const key = `q${ctx.nextId()}`;
      current = {
        kind: 'Apply', input: current, subquery: found.subquery, mode: found.kind === 'InSubquery' ? 'in' : found.mode,
        operand: found.kind === 'InSubquery' ? found.operand : undefined, negated: found.negated, sources, key, layout: [...current.layout, key],
      };
      out[i] = replaceExpr(out[i]!, found, { kind: 'Column', key, name: printBound(found) });
    }
  }
  return { node: current, exprs: out };
}

/** A Filter for `parts`: plain conditions first, then the correlated ones (on fewer rows). */
export function filterNode(ctx: PlanContext, node: PlanNode, parts: readonly BExpr[], localKeys: ReadonlySet<string>, grouped?: ReadonlyMap<string, string>): PlanNode {
  const and = (xs: readonly BExpr[]): BExpr | undefined => (xs.length === 0 ? undefined : xs.reduce((a, b) => ({ kind: 'And', left: a, right: b })));
  let current = node;
  const plain = and(parts.filter((p) => !hasCorrelated(p)));
  if (plain) current = { kind: 'Filter', input: current, predicate: plain, layout: current.layout };
  const correlated = parts.filter(hasCorrelated);
  if (correlated.length > 0) {
    const applied = withApplies(ctx, current, correlated, localKeys, grouped);
    current = { kind: 'Filter', input: applied.node, predicate: and(applied.exprs)!, layout: applied.node.layout };
  }
  return current;
}

export function hasCorrelated(e: BExpr): boolean {
  return correlatedIn(e).length > 0;
}
