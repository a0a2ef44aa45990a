/** Paging over HTTP: every item once, next absent at the end, limits, before/previous, since/until, the 10K cap. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, follow, get } from './helpers.js';

let sb: Sandbox;
let ig: string;

before(async () => {
  sb = await startSandbox({ seed: 5, media: 260, comments: 10400, mediaReadCap: 200 });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());

async function walk(first: any): Promise<{ ids: string[]; pages: any[] }> {
  const pages = [first];
  while (pages.at(-1).paging?.next !== undefined) pages.push(await follow(pages.at(-1).paging.next));
  return { ids: pages.flatMap((p) => p.data.map((item: { id: string }) => item.id)), pages };
}

test('walking /media visits each media once, newest first, up to the read cap; previous walks back', async () => {
  const { ids, pages } = await walk(await get(sb, `/v25.0/${ig}/media?fields=id,timestamp&limit=30`));
  assert.equal(ids.length, 200, 'the edge stops at mediaReadCap');
  assert.equal(new Set(ids).size, 200);
  assert.equal(pages[0].paging.previous, undefined);
  assert.equal(pages.at(-1).paging.next, undefined);
  const times = pages.flatMap((p) => p.data.map((m: { timestamp: string }) => m.timestamp));
  assert.deepEqual([...times].sort().reverse(), times);
  for (const page of pages.slice(1)) assert.ok(page.paging.previous.includes('before='));
  const back = await follow(pages[2].paging.previous);
  assert.deepEqual(back.data.map((m: { id: string }) => m.id), pages[1].data.map((m: { id: string }) => m.id));
  const beyond = await call(sb, `/v25.0/${ig}/media?limit=30&after=${encodeURIComponent(pages.at(-1).paging.cursors.after)}`);
  assert.deepEqual(beyond.body, { data: [] });
  assert.equal(sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).total, 260);
  assert.equal((await get(sb, `/v25.0/${ig}?fields=media_count`)).media_count, 260);
});

test('next URLs repeat access_token, pretty=0, fields and limit; they work with a header token too', async () => {
  const first = await call(sb, `/v25.0/${ig}/media?fields=id,caption&limit=7`, { token: null, headers: { Authorization: `Bearer ${sb.tokens.longLivedUser}` } });
  assert.equal(first.status, 200);
  const next = new URL(first.body.paging.next);
  assert.deepEqual([...next.searchParams.keys()], ['access_token', 'pretty', 'fields', 'limit', 'after']);
  assert.equal(next.searchParams.get('access_token'), sb.tokens.longLivedUser);
  assert.equal(next.searchParams.get('pretty'), '0');
  assert.equal(next.searchParams.get('fields'), 'id,caption');
  assert.equal(next.searchParams.get('limit'), '7');
  assert.equal(`${next.origin}${next.pathname}`, `${sb.url}/v25.0/${ig}/media`);
  const unversioned = await get(sb, `/${ig}/media?limit=2`);
  assert.ok(unversioned.paging.next.startsWith(`${sb.url}/v25.0/`), 'next names the serving version');
});

test('comments: each comment once with after-only paging, maximum 50 per page', async () => {
  const account = sb.core.data.world.igAccounts[0]!;
  const busy = sb.core.data.mediaList(account).slice(0, 260).sort((a, b) => b.stats!.comments - a.stats!.comments)[0]!;
  const { ids, pages } = await walk(await get(sb, `/v25.0/${busy.id}/comments?limit=500`));
  const top = sb.core.data.comments(busy).total;
  assert.ok(top > 50);
  assert.equal(pages[0].data.length, 50);
  assert.equal(ids.length, top);
  assert.equal(new Set(ids).size, top);
  for (const page of pages) assert.equal(page.paging?.previous, undefined);
  assert.equal(pages.at(-1).paging, undefined, 'no paging block on the last page');
});

test('nested edges page through their own next URLs', async () => {
  const account = sb.core.data.world.igAccounts[0]!;
  const busy = sb.core.data.mediaList(account).slice(0, 10).find((m) => m.stats!.comments > 12)!;
  const body = await get(sb, `/v25.0/${busy.id}?fields=comments.limit(3){text,replies.limit(1){text}}`);
  const next = new URL(body.comments.paging.next);
  assert.equal(next.pathname, `/v25.0/${busy.id}/comments`);
  assert.equal(next.searchParams.get('fields'), 'text,replies.limit(1){text}');
  const second = await follow(next.toString());
  assert.equal(second.data.length, 3);
  const firstIds = new Set(body.comments.data.map((c: { id: string }) => c.id));
  assert.ok(second.data.every((c: { id: string }) => !firstIds.has(c.id)));
  const media = await get(sb, `/v25.0/${ig}?fields=media.limit(2){id}`);
  assert.equal(new URL(media.media.paging.next).pathname, `/v25.0/${ig}/media`);
});

test('limit caps: 100 on /media, 25 by default', async () => {
  assert.equal((await get(sb, `/v25.0/${ig}/media?limit=1000`)).data.length, 100);
  assert.equal((await get(sb, `/v25.0/${ig}/media`)).data.length, 25);
});

test('since/until select media by time (unix and strtotime forms) and travel in next URLs', async () => {
  const all = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 200);
  const since = Math.floor(all[120]!.timestampMs / 1000);
  const until = Math.floor(all[40]!.timestampMs / 1000);
  const { ids, pages } = await walk(await get(sb, `/v25.0/${ig}/media?since=${since}&until=${until}&limit=25`));
  assert.deepEqual(ids, all.slice(40, 121).map((m) => m.id));
  assert.equal(new URL(pages[0].paging.next).searchParams.get('since'), String(since));
  const iso = new Date(all[10]!.timestampMs).toISOString().slice(0, 19) + '+0000';
  const recent = await get(sb, `/v25.0/${ig}/media?since=${encodeURIComponent(iso)}&limit=100`);
  assert.deepEqual(recent.data.map((m: { id: string }) => m.id), all.slice(0, 11).map((m) => m.id));
});

test('tags and business discovery media carry cursors but no URLs', async () => {
  const tags = await get(sb, `/v25.0/${ig}/tags?limit=2`);
  assert.deepEqual(Object.keys(tags.paging), ['cursors']);
  const bd = await get(sb, `/v25.0/${ig}?fields=business_discovery.username(northwind_tea){media.limit(3){id}}`);
  assert.deepEqual(Object.keys(bd.business_discovery.media.paging), ['cursors']);
  assert.deepEqual(Object.keys(bd.business_discovery.media.paging.cursors), ['before', 'after']);
});

test('?ids= on an edge reads the edge of each object', async () => {
  const media = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 40);
  const albums = media.filter((m) => m.mediaType === 'CAROUSEL_ALBUM').slice(0, 2);
  const body = await get(sb, `/v25.0/children?ids=${albums.map((a) => a.id).join(',')}&fields=id,media_type`);
  assert.deepEqual(Object.keys(body), albums.map((a) => a.id));
  for (const album of albums) assert.equal(body[album.id].data.length, album.childCount);
  assert.equal(sb.counts()['GET /children?ids'], 1);
});
