/** Batched correlated subqueries: the inner scan reads a batch of outer values ahead, answers unchanged. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallLog } from '../../conformance/memory-view.js';
import { MEDIA_ROWS, run, testCatalog } from './fixtures.js';

const reachOf = new Map(MEDIA_ROWS.map((m, i) => [m['Id'], i * 10]));

test('a correlated subquery on a column that takes IN reads one batch of outer values per call', async () => {
  const log: CallLog[] = [];
  const { rows } = await run(testCatalog(log), 'SELECT m.Id, (SELECT MAX(i.Reach) FROM MediaInsights i WHERE i.MediaId = m.Id) AS R FROM Media m');
  assert.equal(rows.length, 30);
  for (const r of rows) assert.equal(r['R'], reachOf.get(r['Id']));
  const calls = log.filter((c) => c.view === 'MediaInsights');
  // Media comes in pages of 10: one IN call per page instead of one call per media
  assert.equal(calls.length, 3);
  for (const c of calls) assert.deepEqual(c.predicates.map((p) => [p.column, p.op]), [['MediaId', 'in']]);
});

test('NULL and repeated outer values, and filters inside the subquery, give the row-by-row answer', async () => {
  const log: CallLog[] = [];
  const sql = `SELECT x.k, (SELECT COUNT(*) FROM MediaInsights i WHERE i.MediaId = x.k AND i.Reach > 10) AS N,
    EXISTS (SELECT 1 FROM MediaInsights i WHERE i.MediaId = x.k) AS E
    FROM (SELECT CASE WHEN LikeCount IS NULL THEN NULL ELSE 'm' || CommentsCount END AS k FROM Media) x`;
  const { rows } = await run(testCatalog(log), sql);
  assert.equal(rows.length, 30);
  for (const r of rows) {
    const k = r['k'] as string | null;
    assert.equal(r['N'], k === null ? 0 : (reachOf.get(k)! > 10 ? 1 : 0), `N for ${k}`);
    assert.equal(r['E'], k !== null, `E for ${k}`);
  }
  assert.ok(log.filter((c) => c.view === 'MediaInsights').length <= 6, 'two subqueries, three batches each at most');
});

test('a view that takes only = on the column is still asked once per distinct value', async () => {
  const log: CallLog[] = [];
  const { rows } = await run(testCatalog(log), 'SELECT m.Id FROM Media m WHERE EXISTS (SELECT 1 FROM Comments c WHERE c.MediaId = m.Id AND c.Hidden = FALSE)');
  assert.equal(rows.length, 20);
  assert.equal(log.filter((c) => c.view === 'Comments').length, 30);
});
