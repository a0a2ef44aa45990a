/** Random WHERE trees (AND / OR / NOT over comparisons, IN, BETWEEN, LIKE, IS NULL, dates) give SQLite's answer. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { prng, syntheticTables } from './data.js';
import { Harness } from './harness.js';
import { mediaAtom } from './queries-generated.js';

const tables = syntheticTables();
const harness = new Harness(tables);
const ids = tables[0]!.rows.map((r) => r['Id'] as string);
const accounts = tables[2]!.rows.map((r) => r['Id'] as string);

const { tree } = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer().map((seed) => mediaAtom(prng(seed), ids, accounts)),
    fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => `(${a} AND ${b})`),
    fc.tuple(tie('tree'), tie('tree')).map(([a, b]) => `(${a} OR ${b})`),
    tie('tree').map((a) => `NOT (${a})`),
  ),
}));

test('random WHERE trees agree with SQLite', async () => {
  await fc.assert(
    fc.asyncProperty(tree, fc.constantFrom('Id', 'COUNT(*)'), async (where, what) => {
      const sql = `SELECT ${what} FROM Media WHERE ${where}`;
      const outcome = await harness.check({ sql });
      assert.ok(outcome.ok, `${sql}\n${outcome.message}`);
    }),
    { numRuns: 150 },
  );
});
