/** Bound expressions as readable SQL, for EXPLAIN. */
import type { BExpr } from './bound.js';
import { quoteString } from './print.js';

function value(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return quoteString(v);
  if (v instanceof Date) return quoteString(v.toISOString());
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'object' ? quoteString(JSON.stringify(v)) : String(v);
}

export function printBound(e: BExpr): string {
  switch (e.kind) {
    case 'Column': return e.name;
    case 'Literal': return value(e.value);
    case 'Param': return e.name === undefined ? `?${e.index + 1}` : `@${e.name}`;
    case 'Unary': return `${e.op}${printBound(e.operand)}`;
    case 'Binary': return `(${printBound(e.left)} ${e.op} ${printBound(e.right)})`;
    case 'Compare': return `${printBound(e.left)} ${e.op} ${printBound(e.right)}`;
    case 'And': return `(${printBound(e.left)} AND ${printBound(e.right)})`;
    case 'Or': return `(${printBound(e.left)} OR ${printBound(e.right)})`;
    case 'Not': return `NOT ${printBound(e.operand)}`;
    case 'InList': return `${printBound(e.operand)}${e.negated ? ' NOT' : ''} IN (${e.list.map(printBound).join(', ')})`;
    case 'InSubquery': return `${printBound(e.operand)}${e.negated ? ' NOT' : ''} IN (${e.subquery.text})`;
    case 'Between': return `${printBound(e.operand)}${e.negated ? ' NOT' : ''} BETWEEN ${printBound(e.low)} AND ${printBound(e.high)}`;
    case 'Like':
      return `${printBound(e.operand)}${e.negated ? ' NOT' : ''} LIKE ${printBound(e.pattern)}${e.escape ? ` ESCAPE ${printBound(e.escape)}` : ''}`;
    case 'IsNull': return `${printBound(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'Case':
      return `CASE${e.operand ? ` ${printBound(e.operand)}` : ''}${e.whens.map((w) => ` WHEN ${printBound(w.when)} THEN ${printBound(w.then)}`).join('')}${e.else ? ` ELSE ${printBound(e.else)}` : ''} END`;
    case 'Cast': return `CAST(${printBound(e.operand)} AS ${e.type.toUpperCase()})`;
    case 'Call': return `${e.fn.name}(${e.args.map(printBound).join(', ')})`;
    case 'Subquery': return e.mode === 'exists' ? `${e.negated ? 'NOT ' : ''}EXISTS (${e.subquery.text})` : `(${e.subquery.text})`;
  }
}
