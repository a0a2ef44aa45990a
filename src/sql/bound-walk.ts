/** Walks over bound expressions: children, the columns they read, structural keys, replacement. */
import type { BExpr, BInSubquery, BSubquery } from './bound.js';

/** Child expressions, for walks. */
export function children(e: BExpr): readonly BExpr[] {
  switch (e.kind) {
    case 'Column':
    case 'Literal':
    case 'Param':
    case 'Subquery':
      return [];
    case 'Unary':
    case 'Not':
    case 'IsNull':
    case 'Cast':
      return [e.operand];
    case 'Binary':
    case 'Compare':
    case 'And':
    case 'Or':
      return [e.left, e.right];
    case 'InList':
      return [e.operand, ...e.list];
    case 'InSubquery':
      return [e.operand];
    case 'Between':
      return [e.operand, e.low, e.high];
    case 'Like':
      return e.escape ? [e.operand, e.pattern, e.escape] : [e.operand, e.pattern];
    case 'Case':
      return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'Call':
      return e.args;
  }
}

/** Every column key the expression reads. */
export function columnKeys(e: BExpr, out: Set<string> = new Set()): Set<string> {
  if (e.kind === 'Column') out.add(e.key);
  for (const c of children(e)) columnKeys(c, out);
  return out;
}

/** The correlated subqueries in an expression (not looking inside subqueries). */
export function correlatedIn(e: BExpr, out: (BSubquery | BInSubquery)[] = []): (BSubquery | BInSubquery)[] {
  if ((e.kind === 'Subquery' || e.kind === 'InSubquery') && e.subquery.outerKeys.length > 0) out.push(e);
  for (const c of children(e)) correlatedIn(c, out);
  return out;
}

/** Column keys read directly or through correlated subqueries. */
export function referencedKeys(e: BExpr): Set<string> {
  const keys = columnKeys(e);
  for (const s of correlatedIn(e)) for (const k of s.subquery.outerKeys) keys.add(k);
  return keys;
}

/** True when the expression reads no column (its value is fixed for the statement). */
export function isConstant(e: BExpr): boolean {
  return columnKeys(e).size === 0;
}

/** A canonical text of the expression, equal for structurally equal expressions. */
export function exprKey(e: BExpr): string {
  switch (e.kind) {
    case 'Column':
      return `c(${e.key})`;
    case 'Literal':
      return `l(${e.type}:${JSON.stringify(e.value)})`;
    case 'Param':
      return `p(${e.name ?? e.index})`;
    case 'Subquery':
      return `s(${e.mode}${e.subquery.id}${e.negated})`;
    case 'InSubquery':
      return `is(${exprKey(e.operand)},${e.subquery.id},${e.negated})`;
    case 'Call':
      return `f(${e.fn.name},${e.args.map(exprKey).join(',')})`;
    case 'Cast':
      return `cast(${exprKey(e.operand)},${e.type})`;
    case 'Case':
      return `case(${e.operand ? 'o' : ''}${e.else ? 'e' : ''};${children(e).map(exprKey).join(',')})`;
    default:
      return `${e.kind}(${'op' in e ? e.op : ''}${'negated' in e ? String(e.negated) : ''};${children(e).map(exprKey).join(',')})`;
  }
}

/** The expression with `from` (by identity) replaced by `to`. */
export function replaceExpr(e: BExpr, from: BExpr, to: BExpr): BExpr {
  if (e === from) return to;
  const r = (x: BExpr): BExpr => replaceExpr(x, from, to);
  switch (e.kind) {
    case 'Column': case 'Literal': case 'Param': case 'Subquery': return e;
    case 'Unary': return { ...e, operand: r(e.operand) };
    case 'Not': return { ...e, operand: r(e.operand) };
    case 'IsNull': return { ...e, operand: r(e.operand) };
    case 'Cast': return { ...e, operand: r(e.operand) };
    case 'InSubquery': return { ...e, operand: r(e.operand) };
    case 'Binary': return { ...e, left: r(e.left), right: r(e.right) };
    case 'Compare': return { ...e, left: r(e.left), right: r(e.right) };
    case 'And': return { ...e, left: r(e.left), right: r(e.right) };
    case 'Or': return { ...e, left: r(e.left), right: r(e.right) };
    case 'InList': return { ...e, operand: r(e.operand), list: e.list.map(r) };
    case 'Between': return { ...e, operand: r(e.operand), low: r(e.low), high: r(e.high) };
    case 'Like': return { ...e, operand: r(e.operand), pattern: r(e.pattern), escape: e.escape && r(e.escape) };
    case 'Case': return { ...e, operand: e.operand && r(e.operand), whens: e.whens.map((w) => ({ when: r(w.when), then: r(w.then) })), else: e.else && r(e.else) };
    case 'Call': return { ...e, args: e.args.map(r) };
  }
}
