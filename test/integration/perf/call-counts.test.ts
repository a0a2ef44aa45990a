/**
 * Golden call counts of the benchmark's W3–W6 (bench/workloads.ts) at small sizes: grouping
 * (nested fields, `?ids=`, batch) and early stop cannot regress without this test failing. Counts
 * are HTTP requests the sandbox answered (the operations inside a batch are not HTTP requests).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { startSandbox, type RequestLogEntry, type Sandbox } from '../../../src/sandbox/index.js';
import { WORKLOADS } from '../../../bench/workloads.js';

const MEDIA = 250; // three pages of 100
const sql = (id: string) => WORKLOADS.find((w) => w.id === id)!.sql;

interface Counted {
  readonly sandbox: Sandbox;
  http: number;
}

async function counted(options: Parameters<typeof startSandbox>[0]): Promise<Counted> {
  const sandbox = await startSandbox(options);
  const box: Counted = { sandbox, http: 0 };
  const log = sandbox.core.log as unknown as { record(entry: RequestLogEntry): void };
  const record = log.record.bind(log);
  log.record = (entry) => {
    if (entry.source === 'http') box.http++;
    record(entry);
  };
  return box;
}

let main: Counted;
let big: Counted;
const conns: Connection[] = [];
const open = async (box: Counted, grouping = true) => {
  const account = box.sandbox.core.data.world.igAccounts[0]!.id;
  const conn = await connect(`BaseURL=${box.sandbox.url};OAuthAccessToken=${box.sandbox.tokens.longLivedUser};BusinessAccountId=${account}`, { grouping });
  conns.push(conn);
  return conn;
};
async function calls(box: Counted, conn: Connection, text: string): Promise<{ calls: number; rows: number }> {
  box.http = 0;
  const { rowCount } = await conn.query(text);
  return { calls: box.http, rows: rowCount };
}

before(async () => {
  main = await counted({ seed: 42, media: MEDIA, comments: MEDIA * 20 });
  big = await counted({ seed: 42, media: 20_000, comments: 0 });
});
after(async () => {
  for (const conn of conns) await conn.close();
  await main.sandbox.stop();
  await big.sandbox.stop();
});

test('W3 media joined to MediaInsights: 3 media pages; per lookup batch (100, then 150 media) one read of the media with their insights nested', async () => {
  const grouped = await calls(main, await open(main), sql('W3'));
  assert.equal(grouped.rows, MEDIA);
  assert.equal(grouped.calls, 3 + 1 + 1);
  const ungrouped = await calls(main, await open(main, false), sql('W3'));
  assert.equal(ungrouped.rows, MEDIA);
  assert.ok(ungrouped.calls >= 2 * MEDIA, `grouping off makes ${ungrouped.calls} calls`);
});

test('W4 comments per media: the comments come nested in the 3 media pages', async () => {
  const grouped = await calls(main, await open(main), sql('W4'));
  assert.equal(grouped.calls, 3);
  const ungrouped = await calls(main, await open(main, false), sql('W4'));
  assert.equal(ungrouped.rows, grouped.rows);
  assert.equal(ungrouped.calls, 3 + MEDIA);
});

test('W5 carousel children: nested in the media pages, never one call per album', async () => {
  const account = main.sandbox.core.data.world.igAccounts[0]!;
  const albums = main.sandbox.core.data.mediaList(account).slice(0, MEDIA).filter((m) => m.mediaType === 'CAROUSEL_ALBUM');
  assert.ok(albums.length > 20);
  const grouped = await calls(main, await open(main), sql('W5'));
  assert.equal(grouped.calls, 3);
  assert.equal(grouped.rows, albums.reduce((n, a) => n + a.childCount, 0));
  const ungrouped = await calls(main, await open(main, false), sql('W5'));
  assert.equal(ungrouped.calls, 3 + albums.length);
});

test('W6 the 10 newest of 20,000 media: one call (LIMIT stops paging, no read-ahead)', async () => {
  const result = await calls(big, await open(big), sql('W6'));
  assert.equal(result.rows, 10);
  assert.equal(result.calls, 1);
});

test('W7-like scan with more comments than a nested page holds: the rest of the edges travel in one batch per page', async () => {
  const box = await counted({ seed: 42, media: 100, comments: 100 * 120 });
  try {
    const account = box.sandbox.core.data.world.igAccounts[0]!;
    const topLevel = Array.from({ length: 100 }, (_, i) => box.sandbox.core.data.commentGenerator.plan(account, i).topLevel);
    const over = (pages: number) => topLevel.filter((n) => n > 50 * pages).length;
    assert.ok(over(1) > 0);
    const result = await calls(box, await open(box), sql('W7'));
    assert.equal(result.rows, topLevel.reduce((a, b) => a + b, 0));
    // one media page, then per round one batch of ≤ 50 continuations
    let expected = 1;
    for (let round = 1; over(round) > 0; round++) expected += Math.ceil(over(round) / 50);
    assert.equal(result.calls, expected);
  } finally {
    await box.sandbox.stop();
  }
});

test('Replies over media with many comments: the rest of the comments, then of the replies, travel in batches per round, not one call per media or comment', async () => {
  const box = await counted({ seed: 42, media: 100, comments: 100 * 120 });
  try {
    const account = box.sandbox.core.data.world.igAccounts[0]!;
    const plans = Array.from({ length: 100 }, (_, i) => box.sandbox.core.data.commentGenerator.plan(account, i));
    const replyCounts = plans.flatMap((p) => [...p.replies]);
    const rounds = (counts: readonly number[]) => {
      let calls = 0;
      for (let round = 1; counts.some((n) => n > 50 * round); round++) calls += Math.ceil(counts.filter((n) => n > 50 * round).length / 50);
      return calls;
    };
    assert.ok(rounds(plans.map((p) => p.topLevel)) > 0, 'some media need more than one page of comments');
    const grouped = await calls(box, await open(box), 'SELECT Id, CommentId, MediaId FROM Replies');
    assert.equal(grouped.rows, replyCounts.reduce((a, b) => a + b, 0));
    // one media page; the comments' continuation rounds; then the replies' continuation rounds
    assert.equal(grouped.calls, 1 + rounds(plans.map((p) => p.topLevel)) + rounds(replyCounts));
    const ungrouped = await calls(box, await open(box, false), 'SELECT Id, CommentId, MediaId FROM Replies');
    assert.equal(ungrouped.rows, grouped.rows);
    assert.ok(ungrouped.calls > 100, `grouping off makes ${ungrouped.calls} calls`);
  } finally {
    await box.sandbox.stop();
  }
});

test('LIMIT over Comments and Replies reads media by media, continuing only as far as the rows it returns', async () => {
  const box = await counted({ seed: 42, media: 100, comments: 100 * 120 });
  try {
    const conn = await open(box);
    const asked = box.sandbox.requests.length;
    const comments = await calls(box, conn, 'SELECT Id, MediaId FROM Comments LIMIT 5');
    assert.deepEqual([comments.rows, comments.calls], [5, 1], 'the first media page holds them: no continuation round');
    const fields = box.sandbox.requests.slice(asked).map((r) => r.params['fields'] ?? '');
    assert.ok(fields.length === 1 && fields[0]!.includes('comments.limit(5){'), `5 nested comments a media are enough: ${fields.join(' ')}`);
    const replies = await calls(box, conn, 'SELECT Id, CommentId FROM Replies LIMIT 5');
    assert.equal(replies.rows, 5);
    assert.ok(replies.calls <= 2, `${replies.calls} calls`);
    // fewer than 50: the nested pages are that small, and a media's rest is continued when needed
    // A full scan interleaves media and comments as their answers come, each parent's items in
    // order; under a LIMIT they come media by media, comment by comment: the scan's rows sorted
    // (stably) by their media's place in the media edge, then their comment's place on the media.
    const mediaAt = places((await conn.query('SELECT Id FROM Media')).rows.map((r) => r['Id']));
    const commentRows = (await conn.query('SELECT Id, MediaId FROM Comments')).rows;
    const commentAt = places(commentRows.sort((a, b) => mediaAt.get(a['MediaId'])! - mediaAt.get(b['MediaId'])!).map((r) => r['Id']));
    for (const [view, n] of [['Comments', 7], ['Comments', 120], ['Replies', 7], ['Replies', 60]] as const) {
      const all = (await conn.query(`SELECT * FROM ${view}`)).rows;
      const first = (await conn.query(`SELECT * FROM ${view} LIMIT ${n}`)).rows;
      const readOrder = all.sort((a, b) => mediaAt.get(a['MediaId'])! - mediaAt.get(b['MediaId'])! || (view === 'Replies' ? commentAt.get(a['CommentId'])! - commentAt.get(b['CommentId'])! : 0));
      assert.deepEqual(first, readOrder.slice(0, n), `${view}: the same rows as the scan, in its order`);
    }
  } finally {
    await box.sandbox.stop();
  }
});

/** Each value's position in `values`. */
function places(values: readonly unknown[]): Map<unknown, number> {
  return new Map(values.map((value, i) => [value, i]));
}
