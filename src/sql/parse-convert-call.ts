/** node-sql-parser function calls, aggregates and CASE → our Expr. */
import { AGGREGATE_FNS, type AggregateFn, type Expr } from './ast.js';
import { syntaxError } from './lex.js';
import {
  convertExpr, fail, identifier, isNode, listAt, nodeAt, spanOf, subqueryOf, textAt, type ConvertContext, type LooseNode,
} from './parse-convert-expr.js';

/** Functions whose first argument is a date part written as a bare word (`DATEADD(day, 1, x)`). */
const DATE_PART_FUNCTIONS = new Set(['DATEADD', 'DATEDIFF', 'DATEPART', 'DATENAME', 'DATE_TRUNC', 'DATETRUNC']);

function functionName(node: LooseNode): string {
  const name = node['name'];
  if (typeof name === 'string') return name.toUpperCase();
  const parts = isNode(name) ? listAt(name, 'name') : [];
  return parts.map((p) => identifier(p) ?? '').join('.').toUpperCase();
}

export function convertFunction(ctx: ConvertContext, node: LooseNode): Expr {
  const name = functionName(node);
  if (node['over'] !== null && node['over'] !== undefined) throw fail(ctx, node, 'window functions (OVER)');
  const argsNode = nodeAt(node, 'args');
  const rawArgs = argsNode ? (textAt(argsNode, 'type') === 'expr_list' ? listAt(argsNode, 'value') : [argsNode]) : [];
  if (name === 'ALL' || name === 'ANY' || name === 'SOME') throw fail(ctx, node, `quantified comparisons (${name} (SELECT ...)); use IN, NOT IN, EXISTS or MIN/MAX`);
  if (name === 'EXISTS') return { kind: 'Exists', query: subqueryOf(ctx, argsNode), negated: false };
  if (name === '__IGSQL_P' && rawArgs.length === 1) return convertExpr(ctx, rawArgs[0]);
  const distinctAggregate = /^__IGSQL_DISTINCT_(SUM|AVG|MIN|MAX|COUNT)$/.exec(name);
  if (distinctAggregate) {
    if (rawArgs.length !== 1) throw fail(ctx, node, `${distinctAggregate[1]}(DISTINCT ...) over several expressions`);
    return { kind: 'Aggregate', fn: distinctAggregate[1] as AggregateFn, arg: convertExpr(ctx, rawArgs[0]), distinct: true };
  }
  if (name.startsWith('__IGSQL_')) {
    throw syntaxError(ctx.sql, spanOf(ctx, node)?.start ?? 0, name.startsWith('__IGSQL_TOP') ? 'TOP belongs right after SELECT' : 'NULLS FIRST/LAST belongs after an ORDER BY item');
  }
  const args = rawArgs.map((arg, i) => {
    if (i === 0 && DATE_PART_FUNCTIONS.has(name) && isNode(arg) && textAt(arg, 'type') === 'column_ref' && arg['table'] === null) {
      return { kind: 'Literal', value: identifier(arg['column']) ?? '', type: 'String' } as const;
    }
    return convertExpr(ctx, arg);
  });
  if ((AGGREGATE_FNS as readonly string[]).includes(name)) {
    if (args.length !== 1) throw fail(ctx, node, `${name} with ${args.length} arguments`);
    return { kind: 'Aggregate', fn: name as AggregateFn, arg: args[0], distinct: false };
  }
  return { kind: 'FunctionCall', name, args, span: spanOf(ctx, node) };
}

export function convertAggregate(ctx: ConvertContext, node: LooseNode): Expr {
  const name = String(node['name']).toUpperCase();
  if (node['over'] !== null && node['over'] !== undefined) throw fail(ctx, node, 'window functions (OVER)');
  if (!(AGGREGATE_FNS as readonly string[]).includes(name)) {
    throw fail(ctx, node, `the aggregate ${name}; supported: ${AGGREGATE_FNS.join(', ')}`);
  }
  const fn = name as AggregateFn;
  const args = nodeAt(node, 'args') ?? {};
  const distinct = textAt(args, 'distinct')?.toUpperCase() === 'DISTINCT';
  if (listAt(args, 'orderby').length > 0) throw fail(ctx, node, `ORDER BY inside ${fn}`);
  const inner = nodeAt(args, 'expr');
  if (!inner || textAt(inner, 'type') === 'star') {
    if (fn !== 'COUNT' || distinct) throw fail(ctx, node, `${fn}(*)`);
    return { kind: 'Aggregate', fn, arg: undefined, distinct: false };
  }
  if (textAt(inner, 'type') === 'expr_list') throw fail(ctx, node, `${fn} over several expressions`);
  return { kind: 'Aggregate', fn, arg: convertExpr(ctx, inner), distinct };
}

export function convertCase(ctx: ConvertContext, node: LooseNode): Expr {
  const operand = node['expr'] === null || node['expr'] === undefined ? undefined : convertExpr(ctx, node['expr']);
  const whens: { when: Expr; then: Expr }[] = [];
  let otherwise: Expr | undefined;
  for (const arm of listAt(node, 'args')) {
    if (!isNode(arm)) continue;
    if (textAt(arm, 'type') === 'when') whens.push({ when: convertExpr(ctx, arm['cond']), then: convertExpr(ctx, arm['result']) });
    else otherwise = convertExpr(ctx, arm['result']);
  }
  return { kind: 'Case', operand, whens, else: otherwise };
}
