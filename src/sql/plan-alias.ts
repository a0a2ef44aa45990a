/**
 * Select-list aliases inside HAVING and ORDER BY expressions, as SQLite allows them: an unqualified
 * name that is not a column of the FROM clause but is an alias means the aliased expression
 * (`SELECT COUNT(*) AS n ... HAVING n > 5`, `ORDER BY n * 2`). A column of the same name wins.
 */
import type { Expr, Select } from './ast.js';
import type { Scope } from './plan-scope.js';

function isFromColumn(scope: Scope, name: string): boolean {
  const lower = name.toLowerCase();
  return scope.relations.some((r) => r.columns.some((c) => c.name.toLowerCase() === lower));
}

export function substituteAliases(e: Expr, s: Select, scope: Scope): Expr {
  const aliases = new Map<string, Expr>();
  for (const item of s.items) if (item.kind === 'SelectExpr' && item.alias !== undefined) aliases.set(item.alias.toLowerCase(), item.expr);
  if (aliases.size === 0) return e;
  const sub = (x: Expr): Expr => {
    switch (x.kind) {
      case 'ColumnRef': {
        if (x.table !== undefined || isFromColumn(scope, x.column)) return x;
        return aliases.get(x.column.toLowerCase()) ?? x;
      }
      case 'Literal': case 'Param': case 'ScalarSubquery': case 'Exists': case 'Aggregate': return x;
      case 'Unary': case 'Not': case 'IsNull': case 'Cast': return { ...x, operand: sub(x.operand) };
      case 'InSubquery': return { ...x, operand: sub(x.operand) };
      case 'Binary': case 'Compare': case 'And': case 'Or': return { ...x, left: sub(x.left), right: sub(x.right) };
      case 'InList': return { ...x, operand: sub(x.operand), list: x.list.map(sub) };
      case 'Between': return { ...x, operand: sub(x.operand), low: sub(x.low), high: sub(x.high) };
      case 'Like': return { ...x, operand: sub(x.operand), pattern: sub(x.pattern), escape: x.escape && sub(x.escape) };
      case 'Case':
        return { ...x, operand: x.operand && sub(x.operand), whens: x.whens.map((w) => ({ when: sub(w.when), then: sub(w.then) })), else: x.else && sub(x.else) };
      case 'FunctionCall': return { ...x, args: x.args.map(sub) };
    }
  };
  return sub(e);
}
