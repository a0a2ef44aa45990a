/** 100k media and 1M comments served lazily: deep pages without generating the rest. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { encodeCursor } from '../../../src/sandbox/paging/cursor.js';
import { get } from './helpers.js';

let sb: Sandbox;
let ig: string;

before(async () => {
  sb = await startSandbox({ seed: 21, media: 100_000, comments: 1_000_000, mediaReadCap: Infinity });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());

test('start-up generates no media or comments', () => {
  assert.deepEqual(sb.core.data.world.counters, { media: 0, comments: 0, commentPlans: 0 });
});

test('page 3,000 of /media (limit 25) is served without generating the media before it', async () => {
  const counters = sb.core.data.world.counters;
  const before = { ...counters };
  const page = await get(sb, `/v25.0/${ig}/media?fields=id,timestamp,comments_count,like_count&limit=25&after=${encodeURIComponent(encodeCursor(2999 * 25 - 1))}`);
  assert.equal(page.data.length, 25);
  const expected = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(74_975, 75_000).map((m) => m.id);
  assert.deepEqual(page.data.map((m: { id: string }) => m.id), expected);
  assert.ok(page.paging.next !== undefined && page.paging.previous !== undefined);
  assert.ok(counters.media - before.media < 200, `generated ${counters.media - before.media} media records`);
  const comments = await get(sb, `/v25.0/${page.data[0].id}/comments?limit=50&fields=id,text,replies{id}`);
  const replies = comments.data.reduce((n: number, c: { replies?: { data: unknown[] } }) => n + (c.replies?.data.length ?? 0), 0);
  assert.equal(comments.data.length + replies, page.data[0].comments_count);
  assert.ok(counters.comments - before.comments < 200);
});

test('the last page of 100,000 media and media_count', async () => {
  const last = await get(sb, `/v25.0/${ig}/media?limit=100&after=${encodeURIComponent(encodeCursor(99_899))}`);
  assert.equal(last.data.length, 100);
  assert.equal(last.paging.next, undefined);
  assert.equal((await get(sb, `/v25.0/${ig}?fields=media_count`)).media_count, 100_000);
});

test('the default read cap (10K most recent) applies unless disabled', async () => {
  const capped = await startSandbox({ seed: 21, media: 100_000, comments: 1_000_000 });
  try {
    const id = capped.core.data.world.igAccounts[0]!.id;
    const edge = await get(capped, `/v25.0/${id}/media?limit=100&after=${encodeURIComponent(encodeCursor(9_899))}`);
    assert.equal(edge.data.length, 100);
    assert.equal(edge.paging.next, undefined);
    const beyond = await fetch(`${capped.url}/v25.0/${id}/media?access_token=${capped.tokens.longLivedUser}&after=${encodeURIComponent(encodeCursor(10_000))}`);
    assert.equal(((await beyond.json()) as { error: { message: string } }).error.message, '(#100) The After Cursor specified exceeds the max limit supported by this endpoint');
  } finally {
    await capped.stop();
  }
});
