/**
 * Our AST → SQL text that parses back to the same AST (expressions are fully parenthesized).
 * Used for EXPLAIN, for naming result columns when no source text is at hand, and by the
 * parse → print → parse property tests.
 */
import type { ColumnType } from '../schema/types.js';
import type { Expr, FromItem, OrderItem, Query, Select, SelectItem, Statement } from './ast.js';

type Printers = { readonly [K in Expr['kind']]: (e: Extract<Expr, { kind: K }>) => string };

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that must be quoted to be used as names. */
const RESERVED = new Set(
  ('ALL AND ANY AS ASC BETWEEN BY CASE CAST CROSS DESC DISTINCT ELSE END EXISTS FALSE FROM FULL GROUP HAVING IN INNER INTO IS ' +
    'JOIN KEY LEFT LIKE LIMIT NOT NULL NULLS OFFSET ON OR ORDER OUTER RIGHT SELECT TABLE THEN TOP TRUE UNION USING VALUES WHEN ' +
    'WHERE WITH INTERVAL DIV MOD XOR REGEXP RLIKE MATCH RANGE ROWS ROW INDEX PRIMARY UNIQUE CALL EXPLAIN SHOW WINDOW OVER PARTITION ' +
    'REPLACE SCHEMA OPTION SIGNAL INTEGER DOUBLE BOOLEAN CHECK DEFAULT CONSTRAINT EXCEPT INTERSECT FOR FULLTEXT GROUPS LATERAL').split(' '),
);

/** True for words that must be quoted to be used as a name. */
export function isReserved(word: string): boolean {
  return RESERVED.has(word.toUpperCase());
}

export function quoteIdentifier(name: string): string {
  if (PLAIN_IDENTIFIER.test(name) && !RESERVED.has(name.toUpperCase()) && !name.toLowerCase().startsWith('__igsql')) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const CAST_NAMES: Readonly<Record<ColumnType, string>> = {
  String: 'STRING', Integer: 'INTEGER', Double: 'DOUBLE', Boolean: 'BOOLEAN', Datetime: 'DATETIME', Json: 'JSON',
};

function printNumber(value: number, type: string): string {
  let text = String(value);
  if (type === 'Double' && /^-?\d+$/.test(text)) text += '.0';
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}

const printers: Printers = {
  ColumnRef: (e) => (e.table === undefined ? '' : `${quoteIdentifier(e.table)}.`) + quoteIdentifier(e.column),
  Literal: (e) => {
    if (e.value === null) return 'NULL';
    if (typeof e.value === 'boolean') return e.value ? 'TRUE' : 'FALSE';
    if (typeof e.value === 'number') return printNumber(e.value, e.type);
    return quoteString(e.value);
  },
  Param: (e) => (e.name === undefined ? '?' : `@${e.name}`),
  Unary: (e) => `(${e.op}${printExpr(e.operand)})`,
  Binary: (e) => `(${printExpr(e.left)} ${e.op} ${printExpr(e.right)})`,
  Compare: (e) => `(${printExpr(e.left)} ${e.op} ${printExpr(e.right)})`,
  And: (e) => `(${printExpr(e.left)} AND ${printExpr(e.right)})`,
  Or: (e) => `(${printExpr(e.left)} OR ${printExpr(e.right)})`,
  Not: (e) => `(NOT ${printExpr(e.operand)})`,
  InList: (e) => `(${printExpr(e.operand)}${e.negated ? ' NOT' : ''} IN (${e.list.map(printExpr).join(', ')}))`,
  InSubquery: (e) => `(${printExpr(e.operand)}${e.negated ? ' NOT' : ''} IN (${printQuery(e.query)}))`,
  Between: (e) => `(${printExpr(e.operand)}${e.negated ? ' NOT' : ''} BETWEEN ${printExpr(e.low)} AND ${printExpr(e.high)})`,
  Like: (e) =>
    `(${printExpr(e.operand)}${e.negated ? ' NOT' : ''} LIKE ${printExpr(e.pattern)}${e.escape ? ` ESCAPE ${printExpr(e.escape)}` : ''})`,
  IsNull: (e) => `(${printExpr(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`,
  Case: (e) =>
    `CASE${e.operand ? ` ${printExpr(e.operand)}` : ''}${e.whens.map((w) => ` WHEN ${printExpr(w.when)} THEN ${printExpr(w.then)}`).join('')}` +
    `${e.else ? ` ELSE ${printExpr(e.else)}` : ''} END`,
  Cast: (e) => `CAST(${printExpr(e.operand)} AS ${CAST_NAMES[e.type]})`,
  FunctionCall: (e) => `${e.name}(${e.args.map(printExpr).join(', ')})`,
  Aggregate: (e) => `${e.fn}(${e.arg === undefined ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${printExpr(e.arg)}`})`,
  ScalarSubquery: (e) => `(${printQuery(e.query)})`,
  Exists: (e) => `(${e.negated ? 'NOT ' : ''}EXISTS (${printQuery(e.query)}))`,
};

export function printExpr(expr: Expr): string {
  return (printers[expr.kind] as (e: Expr) => string)(expr);
}

function printItem(item: SelectItem): string {
  if (item.kind === 'Star') return item.table === undefined ? '*' : `${quoteIdentifier(item.table)}.*`;
  return printExpr(item.expr) + (item.alias === undefined ? '' : ` AS ${quoteIdentifier(item.alias)}`);
}

function printFrom(from: FromItem): string {
  if (from.kind === 'Table') return quoteIdentifier(from.name) + (from.alias === undefined ? '' : ` AS ${quoteIdentifier(from.alias)}`);
  if (from.kind === 'Derived') return `(${printQuery(from.query)}) AS ${quoteIdentifier(from.alias)}`;
  const right = printFrom(from.right);
  if (from.comma) return `${printFrom(from.left)}, ${right}`;
  const type = { inner: 'JOIN', left: 'LEFT JOIN', right: 'RIGHT JOIN', full: 'FULL JOIN', cross: 'CROSS JOIN' }[from.type];
  const condition = from.on ? ` ON ${printExpr(from.on)}` : from.using ? ` USING (${from.using.map(quoteIdentifier).join(', ')})` : '';
  return `${printFrom(from.left)} ${type} ${right}${condition}`;
}

function printTail(q: { orderBy: readonly OrderItem[]; limit: Expr | undefined; offset: Expr | undefined }): string {
  let text = '';
  if (q.orderBy.length > 0) {
    text += ` ORDER BY ${q.orderBy
      .map((o) => `${printExpr(o.expr)}${o.direction === 'desc' ? ' DESC' : ''}${o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : ''}`)
      .join(', ')}`;
  }
  if (q.limit) text += ` LIMIT ${printExpr(q.limit)}`;
  if (q.offset) text += ` OFFSET ${printExpr(q.offset)}`;
  return text;
}

function hasTail(q: Query): boolean {
  return q.orderBy.length > 0 || q.limit !== undefined || q.offset !== undefined;
}

function printSelect(s: Select): string {
  let text = `SELECT ${s.distinct ? 'DISTINCT ' : ''}${s.top ? `TOP (${printExpr(s.top)}) ` : ''}${s.items.map(printItem).join(', ')}`;
  if (s.from) text += ` FROM ${printFrom(s.from)}`;
  if (s.where) text += ` WHERE ${printExpr(s.where)}`;
  if (s.groupBy.length > 0) text += ` GROUP BY ${s.groupBy.map(printExpr).join(', ')}`;
  if (s.having) text += ` HAVING ${printExpr(s.having)}`;
  return text + printTail(s);
}

export function printQuery(q: Query): string {
  if (q.kind === 'Select') return printSelect(q);
  const left = q.left.kind === 'Select' && hasTail(q.left) ? `(${printQuery(q.left)})` : printQuery(q.left);
  const right = hasTail(q.right) || q.right.kind === 'Union' ? `(${printQuery(q.right)})` : printQuery(q.right);
  return `${left} UNION ${q.all ? 'ALL ' : ''}${right}${printTail(q)}`;
}

export function printStatement(s: Statement): string {
  if (s.kind === 'Explain') return `EXPLAIN ${printQuery(s.query)}`;
  if (s.kind === 'Exec') {
    return `EXEC ${quoteIdentifier(s.procedure)}${s.args.map((a, i) => `${i === 0 ? ' ' : ', '}${a.name === undefined ? '' : `@${a.name} = `}${printExpr(a.value)}`).join('')}`;
  }
  return printQuery(s);
}
