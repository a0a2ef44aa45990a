/**
 * igsql vs SQLite on the sandbox's real rows: Media, Comments and Account are read through igsql
 * into SQLite, then every case runs through a live connection (real views, pushdown, Graph
 * requests) and through SQLite. Cases written for the synthetic tables that name a column the
 * real views do not have (Comments.ParentId: replies are their own view), or that a real column
 * makes ambiguous (Username is in Media and Comments), are left out.
 * IGSQL_CONFORMANCE_VERBOSE=1 prints every case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Harness, type ConformanceCase } from './harness.js';
import { generatedCases } from './queries-generated.js';
import { HAND_WRITTEN } from './queries-hand.js';
import { sandboxCases } from './queries-sandbox.js';
import { sandboxConformance, type SandboxConformance } from './sandbox-tables.js';

let sc: SandboxConformance;
let harness: Harness;
let groups: [string, ConformanceCase[]][] = [];

before(async () => {
  sc = await sandboxConformance();
  harness = new Harness(sc.tables, [sc.runner]);
  const all: [string, readonly ConformanceCase[]][] = [
    ...Object.entries(sandboxCases(sc.tables)),
    ...Object.entries(HAND_WRITTEN),
    ...Object.entries(generatedCases(11, sc.tables)),
  ];
  groups = all.map(([name, cases]) => [name, cases.filter((c) => applicable(c))]);
});
after(() => sc?.close());

/** Whether SQLite can run the case on these tables (it names only columns they have). */
function applicable(c: ConformanceCase): boolean {
  try {
    harness.db.prepare(c.sqlite ?? c.sql.replace(/\bTOP\s+(\d+)\b(.*)$/is, '$2 LIMIT $1'));
    return true;
  } catch (error) {
    return !/no such column|ambiguous column name/i.test((error as Error).message);
  }
}

describe('conformance with SQLite on the sandbox rows', () => {
  test('the sandbox rows are loaded and at least 300 queries apply', () => {
    const sizes = Object.fromEntries(sc.tables.map((t) => [t.name, t.rows.length]));
    assert.ok(sizes['Media']! >= 100 && sizes['Comments']! >= 200 && sizes['Account']! >= 2, JSON.stringify(sizes));
    const total = groups.reduce((n, [, cases]) => n + cases.length, 0);
    assert.ok(total >= 300, `only ${total} applicable queries`);
  });

  test('every applicable query returns the same rows through igsql and SQLite', async () => {
    const failures: string[] = [];
    let total = 0;
    for (const [group, cases] of groups) {
      for (const c of cases) {
        total++;
        const outcome = await harness.check(c);
        if (process.env['IGSQL_CONFORMANCE_VERBOSE']) console.log(`${outcome.ok ? 'ok  ' : 'FAIL'} [${group}] ${c.sql} — ${outcome.message}`);
        if (!outcome.ok) failures.push(`[${group}] ${c.sql}\n  ${outcome.message}`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} of ${total} differ:\n\n${failures.join('\n\n')}`);
  });
});
