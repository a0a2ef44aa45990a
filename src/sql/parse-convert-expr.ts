/**
 * node-sql-parser expression nodes → our Expr. The library's loose objects are read through the
 * small `LooseNode` accessors below and stop in the parse-*.ts files.
 */
import { IgsqlError } from '../errors.js';
import type { CompareOp, Expr, Query, Span } from './ast.js';
import { convertAggregate, convertCase, convertFunction } from './parse-convert-call.js';
import { TYPE_OF_MYSQL, unsupported, type Rewritten } from './parse-rewrite.js';

export type LooseNode = { readonly [key: string]: unknown };

export function isNode(value: unknown): value is LooseNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function nodeAt(node: LooseNode, key: string): LooseNode | undefined {
  const v = node[key];
  return isNode(v) ? v : undefined;
}
export function listAt(node: LooseNode, key: string): readonly unknown[] {
  const v = node[key];
  return Array.isArray(v) ? v : [];
}
export function textAt(node: LooseNode, key: string): string | undefined {
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

/** Shared state of one conversion: the original text and the rewrite's side tables. */
export interface ConvertContext {
  readonly sql: string;
  readonly rw: Rewritten;
  /** The text of the select item that contains an original offset (see parse-items.ts). */
  itemTextAt(offset: number, alias: string | undefined): string | undefined;
  convertQuery(node: LooseNode): Query;
}

/** The node's span in the original SQL (node-sql-parser's `loc`, mapped back). */
export function spanOf(ctx: ConvertContext, node: LooseNode): Span | undefined {
  const loc = nodeAt(node, 'loc');
  const start = loc && nodeAt(loc, 'start');
  const end = loc && nodeAt(loc, 'end');
  if (!start || !end || typeof start['offset'] !== 'number' || typeof end['offset'] !== 'number') return undefined;
  let endOffset = end['offset'];
  while (endOffset > start['offset'] && /\s/.test(ctx.rw.text[endOffset - 1] ?? '')) endOffset--;
  const s = ctx.rw.toOriginal(start['offset']);
  return { start: s, end: Math.max(ctx.rw.toOriginalEnd(endOffset), s) };
}

export function fail(ctx: ConvertContext, node: LooseNode, construct: string): IgsqlError {
  const span = spanOf(ctx, node);
  return unsupported(ctx.sql, span?.start ?? 0, construct);
}

/** The original offset of some located node inside `node` (not inside a nested subquery). */
export function someOffset(ctx: ConvertContext, node: unknown): number | undefined {
  if (!isNode(node)) return Array.isArray(node) ? node.map((n) => someOffset(ctx, n)).find((o) => o !== undefined) : undefined;
  const loc = nodeAt(node, 'loc');
  const start = loc && nodeAt(loc, 'start');
  if (start && typeof start['offset'] === 'number') return ctx.rw.toOriginal(start['offset']);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ast' || key === 'loc') continue;
    const found = someOffset(ctx, value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** An identifier from a column/table slot: a string, or `{ expr: { value } }`, or `{ value }`. */
export function identifier(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isNode(value)) {
    const inner = nodeAt(value, 'expr');
    if (inner) return identifier(inner);
    const v = value['value'];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

const COMPARE_OPS: Readonly<Record<string, CompareOp>> = { '=': '=', '!=': '<>', '<>': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const ARITH_OPS: Readonly<Record<string, '+' | '-' | '*' | '/' | '%' | '||'>> = { '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '^': '||' };

export function convertExpr(ctx: ConvertContext, node: unknown): Expr {
  if (!isNode(node)) throw new IgsqlError('internal', `unexpected parser output ${JSON.stringify(node)}`);
  if (isNode(node['ast'])) return { kind: 'ScalarSubquery', query: ctx.convertQuery(node['ast']) };
  const type = textAt(node, 'type');
  switch (type) {
    case 'column_ref': {
      const column = identifier(node['column']);
      if (column === undefined || column === '*') throw fail(ctx, node, '* here (only in a select list or COUNT(*))');
      const table = node['table'] === null ? undefined : identifier(node['table']);
      if (node['db'] !== undefined && node['db'] !== null) throw fail(ctx, node, 'three-part column names');
      return { kind: 'ColumnRef', table, column, span: spanOf(ctx, node) };
    }
    case 'single_quote_string':
    case 'string':
      return { kind: 'Literal', value: stringLiteral(ctx, node), type: 'String' };
    case 'number':
    case 'bigint':
      return numberLiteral(String(node['value']));
    case 'bool':
      return { kind: 'Literal', value: node['value'] === true, type: 'Boolean' };
    case 'null':
      return { kind: 'Literal', value: null, type: 'Null' };
    case 'param':
      return paramOrLiteral(ctx, node);
    case 'unary_expr':
      return convertUnary(ctx, node);
    case 'binary_expr':
      return convertBinary(ctx, node);
    case 'function':
      return convertFunction(ctx, node);
    case 'aggr_func':
      return convertAggregate(ctx, node);
    case 'case':
      return convertCase(ctx, node);
    case 'cast': {
      const target = listAt(node, 'target')[0];
      const dataType = isNode(target) ? textAt(target, 'dataType')?.toUpperCase() : undefined;
      const castType = dataType === undefined ? undefined : TYPE_OF_MYSQL[dataType];
      if (textAt(node, 'keyword')?.toLowerCase() !== 'cast' || castType === undefined) throw fail(ctx, node, 'this conversion (use CAST(x AS type))');
      return { kind: 'Cast', operand: convertExpr(ctx, node['expr']), type: castType };
    }
    case 'extract': {
      const args = nodeAt(node, 'args');
      const field = args && textAt(args, 'field');
      if (!args || !field) throw fail(ctx, node, 'this EXTRACT form');
      return { kind: 'FunctionCall', name: 'DATEPART', args: [{ kind: 'Literal', value: field, type: 'String' }, convertExpr(ctx, args['source'])] };
    }
    case 'expr_list':
      throw fail(ctx, node, 'row values (a, b)');
    case 'interval':
      throw fail(ctx, node, 'INTERVAL literals (use DATEADD(unit, n, date))');
    default:
      throw fail(ctx, node, `the expression ${type ?? JSON.stringify(node).slice(0, 40)}`);
  }
}

function stringLiteral(ctx: ConvertContext, node: LooseNode): string {
  const raw = String(node['value']);
  const m = /^__igsql_s(\d+)$/.exec(raw);
  if (!m) throw new IgsqlError('internal', `unexpected string literal from the parser: ${raw}`);
  return ctx.rw.strings[Number(m[1])]!;
}

export function numberLiteral(text: string): Expr {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new IgsqlError('sql-parse', `number ${text} is out of range`);
  const integer = /^\d+$/.test(text) && Number.isSafeInteger(value);
  return { kind: 'Literal', value, type: integer ? 'Integer' : 'Double' };
}

function paramOrLiteral(ctx: ConvertContext, node: LooseNode): Expr {
  const name = String(node['value']);
  let m = /^__igsql_n(\d+)$/.exec(name);
  if (m) return numberLiteral(ctx.rw.numbers[Number(m[1])]!);
  m = /^__igsql_q(\d+)$/.exec(name);
  if (m) return { kind: 'Param', name: undefined, index: Number(m[1]) };
  m = /^__igsql_a_(.+)$/.exec(name);
  if (m) return { kind: 'Param', name: m[1]!, index: -1 };
  throw new IgsqlError('internal', `unexpected parameter from the parser: ${name}`);
}

function convertUnary(ctx: ConvertContext, node: LooseNode): Expr {
  const op = textAt(node, 'operator')?.toUpperCase();
  const inner = node['expr'];
  if (op === '-' || op === '+') {
    const operand = convertExpr(ctx, inner);
    if (op === '-' && operand.kind === 'Literal' && typeof operand.value === 'number') {
      return { kind: 'Literal', value: -operand.value, type: operand.type };
    }
    return { kind: 'Unary', op, operand };
  }
  if (op === 'NOT' || op === '!') return { kind: 'Not', operand: convertExpr(ctx, inner) };
  if (op === 'NOT EXISTS' || op === 'EXISTS') return { kind: 'Exists', query: subqueryOf(ctx, inner), negated: op === 'NOT EXISTS' };
  throw fail(ctx, node, `the unary operator ${op}`);
}

export function subqueryOf(ctx: ConvertContext, node: unknown): Query {
  if (isNode(node) && isNode(node['ast'])) return ctx.convertQuery(node['ast']);
  if (isNode(node) && textAt(node, 'type') === 'expr_list') {
    const first = listAt(node, 'value')[0];
    if (listAt(node, 'value').length === 1 && isNode(first) && isNode(first['ast'])) return ctx.convertQuery(first['ast']);
  }
  throw new IgsqlError('sql-parse', 'EXISTS needs a subquery: EXISTS (SELECT ...)');
}

function convertBinary(ctx: ConvertContext, node: LooseNode): Expr {
  const op = (textAt(node, 'operator') ?? '').toUpperCase();
  const leftNode = node['left'];
  const rightNode = node['right'];
  if (op === 'AND' || op === 'OR') {
    const left = convertExpr(ctx, leftNode);
    const right = convertExpr(ctx, rightNode);
    return op === 'AND' ? { kind: 'And', left, right } : { kind: 'Or', left, right };
  }
  const compare = COMPARE_OPS[op];
  if (compare) return { kind: 'Compare', op: compare, left: convertExpr(ctx, leftNode), right: convertExpr(ctx, rightNode) };
  const arith = ARITH_OPS[op];
  if (arith) return { kind: 'Binary', op: arith, left: convertExpr(ctx, leftNode), right: convertExpr(ctx, rightNode) };
  if (op === 'LIKE' || op === 'NOT LIKE') {
    const escapeNode = isNode(rightNode) ? nodeAt(rightNode, 'escape') : undefined;
    const escape = escapeNode ? convertExpr(ctx, escapeNode['value']) : undefined;
    return { kind: 'Like', operand: convertExpr(ctx, leftNode), pattern: convertExpr(ctx, rightNode), escape, negated: op === 'NOT LIKE' };
  }
  if (op === 'IN' || op === 'NOT IN') {
    const operand = convertExpr(ctx, leftNode);
    const items = isNode(rightNode) && textAt(rightNode, 'type') === 'expr_list' ? listAt(rightNode, 'value') : [rightNode];
    const first = items[0];
    if (items.length === 1 && isNode(first) && isNode(first['ast'])) {
      return { kind: 'InSubquery', operand, query: ctx.convertQuery(first['ast']), negated: op === 'NOT IN' };
    }
    if (isNode(rightNode) && isNode(rightNode['ast'])) {
      return { kind: 'InSubquery', operand, query: ctx.convertQuery(rightNode['ast']), negated: op === 'NOT IN' };
    }
    return { kind: 'InList', operand, list: items.map((i) => convertExpr(ctx, i)), negated: op === 'NOT IN' };
  }
  if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
    const bounds = isNode(rightNode) ? listAt(rightNode, 'value') : [];
    if (bounds.length !== 2) throw fail(ctx, node, 'this BETWEEN form');
    return {
      kind: 'Between', operand: convertExpr(ctx, leftNode), low: convertExpr(ctx, bounds[0]), high: convertExpr(ctx, bounds[1]),
      negated: op === 'NOT BETWEEN',
    };
  }
  if (op === 'IS' || op === 'IS NOT') {
    if (isNode(rightNode) && textAt(rightNode, 'type') === 'null') {
      return { kind: 'IsNull', operand: convertExpr(ctx, leftNode), negated: op === 'IS NOT' };
    }
    throw fail(ctx, node, `${op} with anything but NULL (write x = TRUE or x IS NULL)`);
  }
  throw fail(ctx, node, `the operator ${op}`);
}
