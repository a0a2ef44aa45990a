/** Property tests for the parser: print → parse gives back the same tree, for generated expressions and queries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Expr, Query, Select } from '../../../src/sql/ast.js';
import { parseSql } from '../../../src/sql/parse.js';
import { printExpr, printQuery } from '../../../src/sql/print.js';

/** Drops spans and source texts, which printing changes. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'span' && k !== 'text' && v !== undefined) out[k] = strip(v);
  return out;
}

const NAMES = ['Id', 'LikeCount', 'Timestamp', 'Text', 'Date', 'Order', 'select', 'My Col', 'a"b', 'é', 'Key', 'Value', '__igsql_x', 'x[1]'];
const name = fc.oneof(fc.constantFrom(...NAMES), fc.stringMatching(/^[a-z][a-z0-9_]{0,4}[0-9]$/));
const stringValue = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("it's", "''", '%_\\', '__igsql_s0', '😀 é', '--x', '/*'));
const literal: fc.Arbitrary<Expr> = fc.oneof(
  stringValue.map((value) => ({ kind: 'Literal', value, type: 'String' }) as const),
  fc.integer({ min: -1000, max: 1_000_000 }).map((value) => ({ kind: 'Literal', value, type: 'Integer' }) as const),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((value) => ({ kind: 'Literal', value, type: 'Double' }) as const),
  fc.boolean().map((value) => ({ kind: 'Literal', value, type: 'Boolean' }) as const),
  fc.constant({ kind: 'Literal', value: null, type: 'Null' } as const),
);
const column: fc.Arbitrary<Expr> = fc.tuple(fc.option(name, { nil: undefined }), name).map(([table, col]) => ({ kind: 'ColumnRef', table, column: col }));
const param: fc.Arbitrary<Expr> = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/).map((n) => ({ kind: 'Param', name: n, index: -1 }));
const FUNCTIONS = ['UPPER', 'LOWER', 'LENGTH', 'SUBSTR', 'COALESCE', 'ABS', 'ROUND', 'CONCAT', 'INSTR', 'IIF', 'NULLIF', 'STRFTIME', 'LEFT', 'REPLACE', 'MOD'];

const { expr } = fc.letrec<{ expr: Expr; leaf: Expr }>((tie) => ({
  leaf: fc.oneof(literal, column, param),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(fc.constantFrom('-', '+'), column).map(([op, operand]) => ({ kind: 'Unary', op, operand }) as Expr),
    fc.tuple(fc.constantFrom('+', '-', '*', '/', '%', '||'), tie('expr'), tie('expr')).map(([op, left, right]) => ({ kind: 'Binary', op, left, right }) as Expr),
    fc.tuple(fc.constantFrom('=', '<>', '<', '<=', '>', '>='), tie('expr'), tie('expr')).map(([op, left, right]) => ({ kind: 'Compare', op, left, right }) as Expr),
    fc.tuple(fc.constantFrom('And', 'Or'), tie('expr'), tie('expr')).map(([kind, left, right]) => ({ kind, left, right }) as Expr),
    tie('expr').map((operand) => ({ kind: 'Not', operand }) as Expr),
    fc.tuple(tie('expr'), fc.array(tie('leaf'), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([operand, list, negated]) => ({ kind: 'InList', operand, list, negated }) as Expr),
    fc.tuple(tie('expr'), tie('leaf'), tie('leaf'), fc.boolean()).map(([operand, low, high, negated]) => ({ kind: 'Between', operand, low, high, negated }) as Expr),
    fc.tuple(tie('expr'), stringValue, fc.option(fc.constantFrom('!', '\\', '#'), { nil: undefined }), fc.boolean()).map(([operand, p, e, negated]) => ({
      kind: 'Like', operand, pattern: { kind: 'Literal', value: p, type: 'String' }, escape: e === undefined ? undefined : { kind: 'Literal', value: e, type: 'String' }, negated,
    }) as Expr),
    fc.tuple(tie('expr'), fc.boolean()).map(([operand, negated]) => ({ kind: 'IsNull', operand, negated }) as Expr),
    fc.tuple(fc.option(tie('expr'), { nil: undefined }), fc.array(fc.tuple(tie('expr'), tie('expr')), { minLength: 1, maxLength: 2 }), fc.option(tie('expr'), { nil: undefined }))
      .map(([operand, whens, otherwise]) => ({ kind: 'Case', operand, whens: whens.map(([when, then]) => ({ when, then })), else: otherwise }) as Expr),
    fc.tuple(tie('expr'), fc.constantFrom('String', 'Integer', 'Double', 'Boolean', 'Datetime', 'Json')).map(([operand, type]) => ({ kind: 'Cast', operand, type }) as Expr),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { minLength: 1, maxLength: 3 })).map(([n, args]) => ({ kind: 'FunctionCall', name: n, args }) as Expr),
    fc.tuple(fc.constantFrom('COUNT', 'SUM', 'AVG', 'MIN', 'MAX'), column, fc.boolean()).map(([fn, arg, distinct]) => ({ kind: 'Aggregate', fn, arg, distinct }) as Expr),
  ),
}));

test('print → parse gives back the same expression', () => {
  fc.assert(
    fc.property(expr, (e) => {
      const text = `SELECT ${printExpr(e)} FROM t`;
      const parsed = parseSql(text).statement as Select;
      const item = parsed.items[0]!;
      assert.equal(item.kind, 'SelectExpr', text);
      assert.deepEqual(strip(item.kind === 'SelectExpr' ? item.expr : undefined), strip(e), text);
    }),
    { numRuns: 400 },
  );
});

const query: fc.Arbitrary<Query> = fc
  .record({
    distinct: fc.boolean(),
    items: fc.array(fc.tuple(expr, fc.option(name, { nil: undefined })), { minLength: 1, maxLength: 3 }),
    table: name,
    alias: fc.option(name, { nil: undefined }),
    where: fc.option(expr, { nil: undefined }),
    groupBy: fc.array(column, { maxLength: 2 }),
    order: fc.array(fc.tuple(expr, fc.constantFrom('asc', 'desc'), fc.constantFrom(undefined, 'first', 'last')), { maxLength: 2 }),
    limit: fc.option(fc.nat(1000), { nil: undefined }),
    offset: fc.option(fc.nat(1000), { nil: undefined }),
  })
  .map((r) => ({
    kind: 'Select', distinct: r.distinct, top: undefined,
    items: r.items.map(([e, alias]) => ({ kind: 'SelectExpr', expr: e, alias, text: '' })),
    from: { kind: 'Table', name: r.table, alias: r.alias }, where: r.where, groupBy: r.groupBy, having: undefined,
    orderBy: r.order.map(([e, direction, nulls]) => ({ expr: e, direction, nulls })),
    limit: r.limit === undefined ? undefined : { kind: 'Literal', value: r.limit, type: 'Integer' },
    offset: r.limit === undefined || r.offset === undefined ? undefined : { kind: 'Literal', value: r.offset, type: 'Integer' },
  }) as Query);

test('print → parse gives back the same query', () => {
  fc.assert(
    fc.property(query, (q) => {
      const text = printQuery(q);
      assert.deepEqual(strip(parseSql(text).statement), strip(q), text);
    }),
    { numRuns: 200 },
  );
});
