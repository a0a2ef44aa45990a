/**
 * igsql vs SQLite on the same rows (see harness.ts). `npm test` runs it; set
 * IGSQL_CONFORMANCE_VERBOSE=1 to print every case.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { syntheticTables } from './data.js';
import { Harness } from './harness.js';
import { generatedCases } from './queries-generated.js';
import { HAND_WRITTEN } from './queries-hand.js';

// Synthetic rows (shaped like the views, with more NULLs and ties); sandbox.test.ts runs the same
// queries on the sandbox's real rows through a live connection.
const tables = syntheticTables();
const harness = new Harness(tables);
const groups: [string, readonly { sql: string }[]][] = [...Object.entries(HAND_WRITTEN), ...Object.entries(generatedCases(7, tables))];

let total = 0;
for (const [, cases] of groups) total += cases.length;

describe(`conformance with SQLite (${total} queries)`, () => {
  test('has at least 300 queries', () => {
    assert.ok(total >= 300, `only ${total} queries`);
  });
  for (const [group, cases] of groups) {
    test(`${group} (${cases.length})`, async () => {
      const failures: string[] = [];
      for (const c of cases) {
        const outcome = await harness.check(c);
        if (process.env['IGSQL_CONFORMANCE_VERBOSE']) console.log(`${outcome.ok ? 'ok  ' : 'FAIL'} ${c.sql} — ${outcome.message}`);
        if (!outcome.ok) failures.push(`${c.sql}\n  ${outcome.message}`);
      }
      assert.equal(failures.length, 0, `${failures.length} of ${cases.length} differ:\n\n${failures.join('\n\n')}`);
    });
  }
});
