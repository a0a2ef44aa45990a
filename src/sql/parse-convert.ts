/** node-sql-parser SELECT / UNION nodes → our Query. */
import { IgsqlError } from '../errors.js';
import type { Expr, FromItem, JoinType, OrderItem, Query, Select, SelectItem, Span } from './ast.js';
import { syntaxError, type Token } from './lex.js';
import {
  convertExpr, identifier, isNode, listAt, nodeAt, someOffset, spanOf, textAt, type ConvertContext, type LooseNode,
} from './parse-convert-expr.js';
import { unsupported, type Rewritten } from './parse-rewrite.js';
import { itemText, selectItemSpans } from './parse-items.js';
import { printExpr } from './print.js';

export function createConverter(sql: string, rw: Rewritten, tokens: readonly Token[]): ConvertContext {
  const spans = selectItemSpans(tokens);
  const itemTextAt = (offset: number, alias: string | undefined): string | undefined => {
    let best: Span | undefined;
    for (const s of spans) if (s.start <= offset && offset < s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    return best && itemText(sql, tokens, best, alias);
  };
  const ctx: ConvertContext = { sql, rw, itemTextAt, convertQuery: (node) => convertQuery(ctx, node) };
  return ctx;
}

function fail(ctx: ConvertContext, node: LooseNode, construct: string): IgsqlError {
  return unsupported(ctx.sql, spanOf(ctx, node)?.start ?? 0, construct);
}

function convertQuery(ctx: ConvertContext, node: LooseNode): Query {
  if (textAt(node, 'type') !== 'select') throw fail(ctx, node, `${textAt(node, 'type') ?? 'this statement'} inside a query`);
  const chain: LooseNode[] = [];
  const ops: string[] = [];
  for (let cur: LooseNode | undefined = node; cur; cur = nodeAt(cur, '_next')) {
    chain.push(cur);
    const op = textAt(cur, 'set_op');
    if (op !== undefined && nodeAt(cur, '_next')) ops.push(op.toLowerCase());
  }
  if (chain.length === 1) return convertSelect(ctx, node, true);
  const last = chain.at(-1)!;
  const lastOwnsTail = last['parentheses_symbol'] === true;
  let query: Query = convertSelect(ctx, chain[0]!, true);
  for (let i = 1; i < chain.length; i++) {
    const op = ops[i - 1] ?? 'union';
    if (op !== 'union' && op !== 'union all' && op !== 'union distinct') throw fail(ctx, chain[i]!, op.toUpperCase());
    const isLast = i === chain.length - 1;
    const right = convertSelect(ctx, chain[i]!, !isLast || lastOwnsTail);
    query = { kind: 'Union', all: op === 'union all', left: query, right, orderBy: [], limit: undefined, offset: undefined };
  }
  if (!lastOwnsTail) {
    const tail = convertTail(ctx, last);
    query = { ...(query as Extract<Query, { kind: 'Union' }>), ...tail };
  }
  return query;
}

interface Tail {
  orderBy: readonly OrderItem[];
  limit: Expr | undefined;
  offset: Expr | undefined;
}

function convertTail(ctx: ConvertContext, node: LooseNode): Tail {
  const orderBy: OrderItem[] = [];
  for (const item of listAt(node, 'orderby')) {
    if (!isNode(item)) continue;
    const expr = nodeAt(item, 'expr');
    const fn = expr && textAt(expr, 'type') === 'function' ? functionMarker(expr) : undefined;
    if (fn === '__IGSQL_NULLS_FIRST' || fn === '__IGSQL_NULLS_LAST') {
      const prev = orderBy.pop();
      if (!prev) throw syntaxError(ctx.sql, spanOf(ctx, expr!)?.start ?? 0, 'NULLS FIRST/LAST belongs after an ORDER BY item');
      orderBy.push({ ...prev, nulls: fn === '__IGSQL_NULLS_FIRST' ? 'first' : 'last' });
      continue;
    }
    const direction = textAt(item, 'type')?.toUpperCase() === 'DESC' ? 'desc' : 'asc';
    orderBy.push({ expr: convertExpr(ctx, expr), direction, nulls: undefined });
  }
  let limit: Expr | undefined;
  let offset: Expr | undefined;
  const limitNode = nodeAt(node, 'limit');
  if (limitNode) {
    const values = listAt(limitNode, 'value').map((v) => convertExpr(ctx, v));
    const sep = textAt(limitNode, 'seperator') ?? textAt(limitNode, 'separator') ?? '';
    if (sep === ',') [offset, limit] = values;
    else [limit, offset] = values;
  }
  return { orderBy, limit, offset };
}

function functionMarker(node: LooseNode): string | undefined {
  const name = nodeAt(node, 'name');
  const parts = name ? listAt(name, 'name') : [];
  const text = parts.map((p) => identifier(p) ?? '').join('.').toUpperCase();
  return text.startsWith('__IGSQL_') ? text : undefined;
}

function convertSelect(ctx: ConvertContext, node: LooseNode, withTail: boolean): Select {
  if (node['with'] !== null && node['with'] !== undefined) throw fail(ctx, node, 'WITH (common table expressions)');
  const into = nodeAt(node, 'into');
  if (into && into['position'] !== null && into['position'] !== undefined) throw fail(ctx, node, 'SELECT ... INTO');
  if (node['options'] !== null && node['options'] !== undefined) throw fail(ctx, node, `select options ${JSON.stringify(node['options'])}`);
  if (node['window'] !== null && node['window'] !== undefined) throw fail(ctx, node, 'WINDOW clauses');
  if (node['locking_read'] !== null && node['locking_read'] !== undefined) throw fail(ctx, node, 'FOR UPDATE / locking reads');
  const distinctText = node['distinct'];
  const distinct = typeof distinctText === 'string' ? distinctText.toUpperCase() === 'DISTINCT' : isNode(distinctText) && textAt(distinctText, 'type') === 'DISTINCT';

  let top: Expr | undefined;
  const items: SelectItem[] = [];
  for (const [i, column] of listAt(node, 'columns').entries()) {
    if (!isNode(column)) continue;
    const expr = nodeAt(column, 'expr');
    if (!expr) throw new IgsqlError('internal', 'select item without an expression');
    if (i === 0 && textAt(expr, 'type') === 'function' && functionMarker(expr) === '__IGSQL_TOP') {
      const args = nodeAt(expr, 'args');
      top = convertExpr(ctx, args ? listAt(args, 'value')[0] : undefined);
      continue;
    }
    if (textAt(expr, 'type') === 'column_ref' && identifier(expr['column']) === '*') {
      items.push({ kind: 'Star', table: expr['table'] === null ? undefined : identifier(expr['table']) });
      continue;
    }
    if (textAt(expr, 'type') === 'star') {
      items.push({ kind: 'Star', table: undefined });
      continue;
    }
    const converted = convertExpr(ctx, expr);
    const alias = aliasOf(ctx, column['as']);
    const offset = someOffset(ctx, expr);
    const text = (offset === undefined ? undefined : ctx.itemTextAt(offset, alias)) || printExpr(converted);
    items.push({ kind: 'SelectExpr', expr: converted, alias, text });
  }

  const fromList = listAt(node, 'from').filter(isNode);
  let from: FromItem | undefined;
  for (const entry of fromList) {
    const item = convertFromItem(ctx, entry);
    if (from === undefined) {
      from = item;
      continue;
    }
    const joinText = textAt(entry, 'join')?.toUpperCase();
    const type = joinType(ctx, entry, joinText);
    const on = entry['on'] === null || entry['on'] === undefined ? undefined : convertExpr(ctx, entry['on']);
    const usingList = listAt(entry, 'using');
    const using = usingList.length > 0 ? usingList.map((u) => identifier(u) ?? '') : undefined;
    if (type !== 'cross' && on === undefined && using === undefined) {
      throw syntaxError(ctx.sql, spanOf(ctx, entry)?.start ?? 0, `${joinText} needs ON <condition> or USING (column)`);
    }
    from = { kind: 'Join', type, left: from, right: item, on, using, comma: joinText === undefined };
  }

  const groupNode = node['groupby'];
  const groupItems = Array.isArray(groupNode) ? groupNode : isNode(groupNode) ? listAt(groupNode, 'columns') : [];
  if (isNode(groupNode) && listAt(groupNode, 'modifiers').some((m) => m !== null)) throw fail(ctx, node, 'GROUP BY modifiers (WITH ROLLUP)');
  const tail = withTail ? convertTail(ctx, node) : { orderBy: [], limit: undefined, offset: undefined };
  return {
    kind: 'Select',
    distinct,
    top,
    items,
    from,
    where: node['where'] === null || node['where'] === undefined ? undefined : convertExpr(ctx, node['where']),
    groupBy: groupItems.map((g) => convertExpr(ctx, g)),
    having: node['having'] === null || node['having'] === undefined ? undefined : convertExpr(ctx, node['having']),
    ...tail,
  };
}

function aliasOf(ctx: ConvertContext, value: unknown): string | undefined {
  const alias = identifier(value);
  if (alias === undefined || alias === null) return undefined;
  const m = /^__igsql_s(\d+)$/.exec(alias);
  return m ? ctx.rw.strings[Number(m[1])] : alias;
}

function joinType(ctx: ConvertContext, entry: LooseNode, text: string | undefined): JoinType {
  if (text === undefined || text === 'CROSS JOIN') return 'cross';
  if (text === 'JOIN' || text === 'INNER JOIN') return 'inner';
  if (text === 'LEFT JOIN' || text === 'LEFT OUTER JOIN') return 'left';
  if (text === 'RIGHT JOIN' || text === 'RIGHT OUTER JOIN') return 'right';
  if (text === 'FULL JOIN' || text === 'FULL OUTER JOIN') return 'full';
  throw fail(ctx, entry, text);
}

function convertFromItem(ctx: ConvertContext, entry: LooseNode): FromItem {
  const expr = nodeAt(entry, 'expr');
  if (expr && isNode(expr['ast'])) {
    const alias = aliasOf(ctx, entry['as']);
    if (alias === undefined) throw syntaxError(ctx.sql, spanOf(ctx, expr)?.start ?? 0, 'a subquery in FROM needs an alias: (SELECT ...) AS name');
    return { kind: 'Derived', query: ctx.convertQuery(expr['ast']), alias };
  }
  const name = identifier(entry['table']);
  if (name === undefined) throw fail(ctx, entry, 'this FROM item (table functions, VALUES)');
  if (entry['db'] !== null && entry['db'] !== undefined) throw fail(ctx, entry, `schema-qualified names (${String(identifier(entry['db']))}.${name}); write just ${name}`);
  return { kind: 'Table', name, alias: aliasOf(ctx, entry['as']), span: spanOf(ctx, entry) };
}
