/**
 * The sandbox's answers held against real recorded Graph API responses (fixtures/recorded): for the
 * same request, the same keys, value types, omissions and paging block shapes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { MediaRecord } from '../../../src/sandbox/data/media-record.js';
import type { CommentRecord } from '../../../src/sandbox/data/comments.js';
import { assertPagingLike, assertSameShape, call, fieldsFor, follow, get, mergeAll, recorded, shapeOf } from './helpers.js';

let sb: Sandbox;
let ig: string;
let media: MediaRecord[];

before(async () => {
  sb = await startSandbox({ seed: 11 });
  ig = sb.core.data.world.igAccounts[0]!.id;
  media = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 36);
});
after(() => sb.stop());

/** All pages of an edge, starting from a first response. */
async function allPages(first: any): Promise<any[]> {
  const pages = [first];
  while (pages.at(-1).paging?.next !== undefined) pages.push(await follow(pages.at(-1).paging.next));
  return pages;
}

function itemsShape(pages: any[]) {
  return mergeAll(pages.flatMap((p) => p.data));
}

test('/me/accounts: page fields, summary, paging with next then previous (facebook/users/user_accounts_p1/p2)', async () => {
  const p1 = recorded('facebook/users/user_accounts_p1.json');
  const p2 = recorded('facebook/users/user_accounts_p2.json');
  const first = await get(sb, '/v25.0/me/accounts?summary=1&limit=2');
  const pages = await allPages(first);
  assert.equal(pages.length, 2);
  assertSameShape(shapeOf(p1), shapeOf(first));
  assertSameShape(itemsShape([p1, p2]), itemsShape(pages));
  assertPagingLike(p1.paging, first.paging, sb, 'p1');
  assertPagingLike(p2.paging, pages[1].paging, sb, 'p2');
  assert.equal(first.summary.total_count, 3);
});

test('/me/accounts on one page: cursors only (base/user_accounts_token)', async () => {
  const rec = recorded('base/user_accounts_token.json');
  const mine = await get(sb, '/v25.0/me/accounts');
  assertSameShape(shapeOf(rec), shapeOf(mine));
  assertPagingLike(rec.paging, mine.paging, sb, 'accounts');
});

test('?ids= with default fields gives {id,name} per Page (base/objects_default)', async () => {
  const pages = sb.core.data.world.pages;
  const mine = await get(sb, `/v25.0/?ids=${pages[0]!.id},${pages[1]!.id}`);
  assert.deepEqual(Object.keys(mine), [pages[0]!.id, pages[1]!.id]);
  const rec = recorded('base/objects_default.json');
  assertSameShape(mergeAll(Object.values(rec)), mergeAll(Object.values(mine)));
});

test('error envelope (base/error_data)', async () => {
  const reply = await call(sb, `/v25.0/${ig}?fields=nope`);
  assert.equal(reply.status, 400);
  assertSameShape(shapeOf(recorded('base/error_data.json')), shapeOf(reply.body));
});

test('IG user profile fields (instagram/users/user_fields)', async () => {
  const rec = recorded('instagram/users/user_fields.json');
  assertSameShape(shapeOf(rec), shapeOf(await get(sb, `/v25.0/${ig}?fields=${fieldsFor(shapeOf(rec))}`)));
});

test('/media with children expansion, paged by 2 (instagram/users/medias_p1/p2)', async () => {
  const p1 = recorded('instagram/users/medias_p1.json');
  const p2 = recorded('instagram/users/medias_p2.json');
  const fields = new URL(p1.paging.next).searchParams.get('fields')!;
  const pages = await allPages(await get(sb, `/v25.0/${ig}/media?fields=${encodeURIComponent(fields)}&limit=2`));
  assert.equal(pages.length, 18);
  assertSameShape(itemsShape([p1, p2]), itemsShape(pages));
  assertPagingLike(p1.paging, pages[0].paging, sb, 'first page');
  assertPagingLike(p2.paging, pages.at(-1).paging, sb, 'last page');
  assert.equal(new URL(pages[0].paging.next).searchParams.get('fields'), fields);
});

test('a carousel with its children, alone and through ?ids= (instagram/medias/media_default, medias_fields, children)', async () => {
  const carousel = media.find((m) => m.mediaType === 'CAROUSEL_ALBUM' && m.caption !== undefined && !m.likesHidden
    && sb.core.data.children(m).slice(0, 10).some((c) => c.mediaType === 'VIDEO'))!;
  const image = media.find((m) => m.mediaType === 'IMAGE' && m.caption !== undefined)!;
  const rec = recorded('instagram/medias/media_default.json');
  assertSameShape(shapeOf(rec), shapeOf(await get(sb, `/v25.0/${carousel.id}?fields=${encodeURIComponent(fieldsFor(shapeOf(rec)))}`)));
  const many = recorded('instagram/medias/medias_fields.json');
  const manyFields = fieldsFor(mergeAll(Object.values(many)));
  const mine = await get(sb, `/v25.0/?ids=${image.id},${carousel.id}&fields=${encodeURIComponent(manyFields)}`);
  assertSameShape(mergeAll(Object.values(many)), mergeAll(Object.values(mine)));
  const children = recorded('instagram/medias/children.json');
  const mineChildren = await get(sb, `/v25.0/${carousel.id}/children?fields=${fieldsFor(itemsShape([children]))}`);
  assertSameShape(shapeOf(children), shapeOf(mineChildren));
  assert.equal(mineChildren.paging, undefined);
});

test('comments: default fields, after-only paging, no paging on the last page (instagram/medias/comments_p1/p2)', async () => {
  const p1 = recorded('instagram/medias/comments_p1.json');
  const p2 = recorded('instagram/medias/comments_p2.json');
  const target = media.find((m) => m.stats!.comments >= 5)!;
  const pages = await allPages(await get(sb, `/v25.0/${target.id}/comments?limit=2`));
  assert.ok(pages.length >= 2);
  assertSameShape(itemsShape([p1, p2]), itemsShape(pages));
  assertPagingLike(p1.paging, pages[0].paging, sb, 'first page');
  assertPagingLike(p2.paging, pages.at(-1).paging, sb, 'last page');
  assert.deepEqual(Object.keys(pages[0].paging.cursors), ['after']);
});

test('a comment, ?ids= comments and replies (instagram/comments/*)', async () => {
  const data = sb.core.data;
  const withReplies: CommentRecord[] = [];
  for (const m of media) for (const c of data.comments(m).slice(0, 100)) if (c.replyCount > 0) withReplies.push(c);
  const comment = withReplies[0]!;
  const one = recorded('instagram/comments/comment_fields.json');
  assertSameShape(shapeOf(one), shapeOf(await get(sb, `/v25.0/${comment.id}?fields=${fieldsFor(shapeOf(one))}`)));
  const many = recorded('instagram/comments/comments_fields.json');
  const mine = await get(sb, `/v25.0/?ids=${withReplies[0]!.id},${withReplies[1]!.id}&fields=${fieldsFor(mergeAll(Object.values(many)))}`);
  assertSameShape(mergeAll(Object.values(many)), mergeAll(Object.values(mine)));
  const replies = recorded('instagram/comments/replies.json');
  const mineReplies = await get(sb, `/v25.0/${comment.id}/replies`);
  assertSameShape(shapeOf(replies), shapeOf(mineReplies));
  assertPagingLike(replies.paging, mineReplies.paging, sb, 'replies');
});

test('stories: fields, paging by 2, single objects (instagram/stories/*, users/stories)', async () => {
  const p1 = recorded('instagram/stories/stories_fields_p1.json');
  const p2 = recorded('instagram/stories/stories_fields_p2.json');
  const pages = await allPages(await get(sb, `/v25.0/${ig}/stories?fields=id,media_type,media_url,username&limit=2`));
  assert.equal(pages.length, 2);
  assertSameShape(itemsShape([p1, p2]), itemsShape(pages));
  assertPagingLike(p1.paging, pages[0].paging, sb, 'first');
  assertPagingLike(p2.paging, pages[1].paging, sb, 'last');
  const defaults = recorded('instagram/stories/stories_default.json');
  const all = await get(sb, `/v25.0/${ig}/stories?fields=${fieldsFor(itemsShape([defaults]))}`);
  assertSameShape(itemsShape([defaults]), itemsShape([all]));
  assertPagingLike(defaults.paging, all.paging, sb, 'default');
  const counted = recorded('instagram/users/stories.json');
  const mineCounted = await get(sb, `/v25.0/${ig}/stories?fields=${fieldsFor(itemsShape([counted]))}`);
  assertSameShape(itemsShape([counted]), itemsShape([mineCounted]));
  assert.ok(mineCounted.data.every((s: { like_count: number; comments_count: number }) => s.like_count === 0 && s.comments_count === 0));
  const ids = all.data.map((s: { id: string }) => s.id);
  const info = recorded('instagram/stories/story_info.json');
  const singles = await Promise.all(ids.map((id: string) => get(sb, `/v25.0/${id}?fields=${fieldsFor(shapeOf(info))}`)));
  assertSameShape(shapeOf(info), mergeAll(singles));
  const infos = recorded('instagram/stories/stories_info.json');
  const mineInfos = await get(sb, `/v25.0/?ids=${ids.join(',')}&fields=${fieldsFor(mergeAll(Object.values(infos)))}`);
  assertSameShape(mergeAll(Object.values(infos)), mergeAll(Object.values(mineInfos)));
});

test('tags (instagram/users/tagged_medias)', async () => {
  const rec = recorded('instagram/users/tagged_medias.json');
  const mine = await get(sb, `/v25.0/${ig}/tags?fields=${fieldsFor(itemsShape([rec]))}`);
  assertSameShape(itemsShape([rec]), itemsShape([mine]));
  assertPagingLike(rec.paging, mine.paging, sb, 'tags');
});

test('hashtag search, hashtag objects, recently searched hashtags (instagram/users/hashtag_search, hashtags/*)', async () => {
  const search = recorded('instagram/users/hashtag_search.json');
  const found = await get(sb, `/v25.0/ig_hashtag_search?user_id=${ig}&q=developers&fields=id,name`);
  assertSameShape(shapeOf(search), shapeOf(found));
  const info = recorded('instagram/hashtags/hashtag_info.json');
  assertSameShape(shapeOf(info), shapeOf(await get(sb, `/v25.0/${found.data[0].id}?fields=id,name`)));
  const other = (await get(sb, `/v25.0/ig_hashtag_search?user_id=${ig}&q=coke`)).data[0].id;
  const infos = recorded('instagram/hashtags/hashtags_info.json');
  assertSameShape(mergeAll(Object.values(infos)), mergeAll(Object.values(await get(sb, `/v25.0/?ids=${found.data[0].id},${other}&fields=id,name`))));
  const recent = recorded('instagram/users/recently_searched_hashtags.json');
  const mine = await get(sb, `/v25.0/${ig}/recently_searched_hashtags?fields=id,name`);
  assertSameShape(shapeOf(recent), shapeOf(mine));
  assertPagingLike(recent.paging, mine.paging, sb, 'recently searched');
  assert.deepEqual(mine.data.slice(0, 2).map((h: { name: string }) => h.name), ['coke', 'developers']);
});

test('hashtag top_media and recent_media (instagram/hashtags/hashtag_*_medias_p1/p2)', async () => {
  const tag = (await get(sb, `/v25.0/ig_hashtag_search?user_id=${ig}&q=love`)).data[0].id;
  const top1 = recorded('instagram/hashtags/hashtag_top_medias_p1.json');
  const top2 = recorded('instagram/hashtags/hashtag_top_medias_p2.json');
  const fields = new URL(top1.paging.next).searchParams.get('fields')!;
  const pages = await allPages(await get(sb, `/v25.0/${tag}/top_media?fields=${encodeURIComponent(fields)}&user_id=${ig}&limit=25`));
  assert.ok(pages.length >= 2);
  assertSameShape(itemsShape([top1, top2]), itemsShape(pages));
  assertPagingLike(top1.paging, pages[0].paging, sb, 'top first');
  assertPagingLike(top2.paging, pages.at(-1).paging, sb, 'top last');
  const recent1 = recorded('instagram/hashtags/hashtag_recent_medias_p1.json');
  const recent2 = recorded('instagram/hashtags/hashtag_recent_medias_p2.json');
  const recentPages = await allPages(await get(sb, `/v25.0/${tag}/recent_media?fields=id,media_type,comments_count,like_count&user_id=${ig}&limit=5`));
  assert.ok(recentPages.length >= 2);
  assertSameShape(itemsShape([recent1, recent2]), itemsShape(recentPages));
  assertPagingLike(recent1.paging, recentPages[0].paging, sb, 'recent first');
  assertPagingLike(recent2.paging, recentPages.at(-1).paging, sb, 'recent last');
  const afters = new Set(recentPages.slice(0, -1).map((p) => p.paging.cursors.after));
  assert.equal(afters.size, 1, 'recent_media repeats the same after cursor');
  const ids = recentPages.flatMap((p) => p.data.map((m: { id: string }) => m.id));
  assert.equal(new Set(ids).size, ids.length, 'each recent media once');
});

test('business discovery: profile and media pages with cursors only (instagram/discovery/*)', async () => {
  const user = recorded('instagram/discovery/user_fields.json');
  const bdFields = fieldsFor(user.business_discovery ? shapeOf(user.business_discovery) : shapeOf({}));
  const mine = await get(sb, `/v25.0/${ig}?fields=business_discovery.username(northwind_tea){${bdFields}}`);
  assertSameShape(shapeOf(user), shapeOf(mine));
  const p1 = recorded('instagram/discovery/medias_p1.json');
  const p2 = recorded('instagram/discovery/medias_p2.json');
  const mediaFields = fieldsFor(mergeAll([...p1.business_discovery.media.data, ...p2.business_discovery.media.data]));
  const first = await get(sb, `/v25.0/${ig}?fields=business_discovery.username(northwind_tea){media.limit(25){${mediaFields}}}`);
  const cursor = first.business_discovery.media.paging.cursors.after;
  const second = await get(sb, `/v25.0/${ig}?fields=business_discovery.username(northwind_tea){media.after(${cursor}).limit(25){${mediaFields}}}`);
  assertSameShape(mergeAll([p1, p2]), mergeAll([first, second]));
  assertPagingLike(p1.business_discovery.media.paging, first.business_discovery.media.paging, sb, 'bd first');
  assertPagingLike(p2.business_discovery.media.paging, second.business_discovery.media.paging, sb, 'bd second');
  const firstIds = new Set(first.business_discovery.media.data.map((m: { id: string }) => m.id));
  assert.ok(second.business_discovery.media.data.every((m: { id: string }) => !firstIds.has(m.id)));
});

test('mentioned media and comment (instagram/users/mentioned_*)', async () => {
  const carousel = media.find((m) => m.mediaType === 'CAROUSEL_ALBUM' && m.caption !== undefined)!;
  const mm = recorded('instagram/users/mentioned_media.json');
  const mine = await get(sb, `/v25.0/${ig}?fields=mentioned_media.media_id(${carousel.id}){${fieldsFor(shapeOf(mm.mentioned_media))}}`);
  assertSameShape(shapeOf(mm), shapeOf(mine));
  const comment = sb.core.data.comments(carousel).slice(0, 1)[0]!;
  const mc = recorded('instagram/users/mentioned_comment.json');
  const mineComment = await get(sb, `/v25.0/${ig}?fields=mentioned_comment.comment_id(${comment.id}){${fieldsFor(shapeOf(mc.mentioned_comment))}}`);
  assertSameShape(shapeOf(mc), shapeOf(mineComment));
});

test('content_publishing_limit (instagram/users/content_publish_limit, publish/publish_limit_resp)', async () => {
  for (const file of ['instagram/users/content_publish_limit.json', 'instagram/publish/publish_limit_resp.json']) {
    const rec = recorded(file);
    const mine = await get(sb, `/v25.0/${ig}/content_publishing_limit?fields=${fieldsFor(itemsShape([rec]))}`);
    assertSameShape(shapeOf(rec), shapeOf(mine));
  }
  assert.deepEqual(await get(sb, `/v25.0/${ig}/content_publishing_limit`), { data: [{ quota_usage: 0 }] });
});
