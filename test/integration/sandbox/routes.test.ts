/** Objects and edges: who /me is, Page fields, IG visibility rules, stories over time, the overlay hook. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { MediaRecord } from '../../../src/sandbox/data/media-record.js';
import type { CommentRecord } from '../../../src/sandbox/data/comments.js';
import { call, get } from './helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
let sb: Sandbox;
let ig: string;
let media: MediaRecord[];

before(async () => {
  sb = await startSandbox({ seed: 9, clock });
  ig = sb.core.data.world.igAccounts[0]!.id;
  media = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 36);
});
after(() => sb.stop());

test('/me is the user for user and system-user tokens, the Page for a Page token', async () => {
  const world = sb.core.data.world;
  assert.deepEqual(await get(sb, '/v25.0/me'), { name: 'Sam Sandbox', id: world.users[0]!.id });
  assert.deepEqual(await get(sb, '/v25.0/me', sb.tokens.systemUser), { name: 'igsql Sync', id: world.systemUsers[0]!.id });
  assert.deepEqual(await get(sb, '/v25.0/me?fields=id,name', sb.tokens.page), { id: world.pages[0]!.id, name: world.pages[0]!.name });
  assert.deepEqual(await get(sb, `/v25.0/${world.users[0]!.id}?fields=first_name,last_name`), { first_name: 'Sam', last_name: 'Sandbox', id: world.users[0]!.id });
  assert.equal((await call(sb, `/v25.0/${world.users[1]!.id}`)).body.error.error_subcode, 33, 'another user cannot be read');
});

test('/me/accounts lists Pages with tokens that work; the Page without IG leaves the field out', async () => {
  const accounts = await get(sb, '/v25.0/me/accounts?fields=id,name,access_token,instagram_business_account{id,username},tasks');
  assert.equal(accounts.data.length, 3);
  const [linked, , unlinked] = accounts.data;
  assert.equal(linked.instagram_business_account.username, 'lanterncoffee');
  assert.equal(unlinked.instagram_business_account, undefined);
  assert.ok(!('instagram_business_account' in unlinked));
  assert.deepEqual(linked.tasks, ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE']);
  assert.equal(linked.access_token, sb.tokens.page, 'the same page token as the ready one (derived from the long-lived token)');
  assert.equal((await get(sb, `/v25.0/${linked.id}?fields=instagram_business_account`, linked.access_token)).instagram_business_account.id, ig);
  const fromSystem = await get(sb, '/v25.0/me/accounts', sb.tokens.systemUser);
  assert.equal(fromSystem.data.length, 3);
  const record = sb.core.tokens.lookup(fromSystem.data[0].access_token)!;
  assert.deepEqual([record.type, record.expiresAt], ['PAGE', 0]);
  const fromShort = await get(sb, `/v25.0/${linked.id}?fields=access_token,connected_instagram_account`, sb.tokens.shortLivedUser);
  assert.equal(sb.core.tokens.lookup(fromShort.access_token)!.expiresAt - sb.core.tokens.lookup(fromShort.access_token)!.issuedAt, 3600);
  assert.equal(fromShort.connected_instagram_account.id, ig);
});

test('owner only on own media, username elsewhere; like_count hidden only when reached indirectly', async () => {
  const own = await get(sb, `/v25.0/${media[0]!.id}?fields=owner,username`);
  assert.deepEqual(own.owner, { id: ig });
  const tagged = await get(sb, `/v25.0/${ig}/tags?fields=id,owner,username`);
  assert.ok(tagged.data.every((m: Record<string, unknown>) => m['owner'] === undefined && typeof m['username'] === 'string'));
  const hidden = sb.core.data.tagged(sb.core.data.world.igAccounts[0]!).slice(0, 100).find((m) => m.likesHidden)
    ?? sb.core.data.mediaList(sb.core.data.world.discoveryTarget).slice(0, 200).find((m) => m.likesHidden)!;
  const direct = await get(sb, `/v25.0/${hidden.id}?fields=like_count`);
  assert.equal(typeof direct.like_count, 'number');
  const viaIds = await get(sb, `/v25.0/?ids=${hidden.id}&fields=like_count`);
  assert.equal(typeof viaIds[hidden.id].like_count, 'number', 'ids= reads count as direct');
  const bd = await get(sb, `/v25.0/${ig}?fields=business_discovery.username(northwind_tea){media.limit(100){like_count,view_count,media_product_type}}`);
  const items = bd.business_discovery.media.data;
  assert.ok(items.some((m: Record<string, unknown>) => m['like_count'] === undefined), 'hidden likes left out through an edge');
  assert.ok(items.filter((m: Record<string, unknown>) => m['media_product_type'] === 'REELS').every((m: Record<string, unknown>) => typeof m['view_count'] === 'number'));
  assert.ok(items.filter((m: Record<string, unknown>) => m['media_product_type'] !== 'REELS').every((m: Record<string, unknown>) => m['view_count'] === undefined));
  assert.equal((await get(sb, `/v25.0/${media[2]!.id}?fields=view_count`)).view_count, undefined, 'view_count only through business discovery');
});

test('media field rules by type: children, thumbnails, reels, empty fields left out', async () => {
  const fields = 'caption,media_type,media_product_type,thumbnail_url,is_shared_to_feed,comments_count,like_count,is_comment_enabled,children{id,caption,comments_count,like_count,media_url}';
  const all = await get(sb, `/v25.0/${ig}/media?fields=${fields}&limit=36`);
  for (const m of all.data) {
    for (const value of Object.values(m)) assert.notEqual(value, null);
    assert.equal(m.thumbnail_url !== undefined, m.media_type === 'VIDEO');
    assert.equal(m.is_shared_to_feed !== undefined, m.media_product_type === 'REELS');
    assert.equal(m.children !== undefined, m.media_type === 'CAROUSEL_ALBUM');
    for (const child of m.children?.data ?? []) assert.deepEqual(Object.keys(child).sort(), ['id', 'media_url']);
    assert.equal(typeof m.comments_count, 'number');
  }
  assert.ok(all.data.some((m: Record<string, unknown>) => m['caption'] === undefined) || all.data.every((m: Record<string, unknown>) => typeof m['caption'] === 'string'));
  const noComments = media.find((m) => m.stats!.comments === 0);
  if (noComments !== undefined) {
    const body = await get(sb, `/v25.0/${noComments.id}?fields=comments{id}`);
    assert.deepEqual(body, { id: noComments.id }, 'an empty edge is left out');
    assert.deepEqual(await get(sb, `/v25.0/${noComments.id}/comments`), { data: [] });
  }
  assert.deepEqual(await get(sb, `/v25.0/${media[0]!.id}?fields=id.as(media_id),media_type.as(kind)`), { media_id: media[0]!.id, kind: media[0]!.mediaType, id: media[0]!.id });
});

test('stories disappear after 24 hours; hashtag recent media follow the clock', async () => {
  assert.equal((await get(sb, `/v25.0/${ig}/stories`)).data.length, 3);
  const tag = (await get(sb, `/v25.0/ig_hashtag_search?user_id=${ig}&q=%23Coffee`)).data[0].id;
  const before1 = await get(sb, `/v25.0/${tag}/recent_media?user_id=${ig}&fields=id,timestamp&limit=50`);
  assert.ok(before1.data.every((m: { username?: string }) => m.username === undefined));
  clock.advance(25 * 3600_000);
  try {
    assert.deepEqual(await get(sb, `/v25.0/${ig}/stories`), { data: [] });
    const later = await get(sb, `/v25.0/${tag}/recent_media?user_id=${ig}&fields=id,timestamp&limit=50`);
    const earlier = new Set(before1.data.map((m: { id: string }) => m.id));
    assert.ok(later.data.every((m: { id: string }) => !earlier.has(m.id)));
  } finally {
    clock.advance(-25 * 3600_000);
  }
  const hashtagMedia = await get(sb, `/v25.0/${tag}/top_media?user_id=${ig}&fields=id,username,caption&limit=5`);
  assert.ok(hashtagMedia.data.every((m: { username?: string; caption: string }) => m.username === undefined && m.caption.includes('#coffee')));
  assert.equal((await call(sb, `/v25.0/${tag}/top_media?user_id=${sb.core.data.world.discoveryTarget.id}`)).body.error.code, 10);
});

test('?ids= reads several objects; one bad id fails the whole request', async () => {
  const ok = await get(sb, `/v25.0/?ids=${media[0]!.id},me,${ig}&fields=id`);
  assert.deepEqual(Object.keys(ok).sort(), [media[0]!.id, sb.core.data.world.users[0]!.id, ig].sort());
  const bad = await call(sb, `/v25.0/?ids=${media[0]!.id},17841499999999999&fields=id`);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.error_subcode, 33);
  const alias = await call(sb, `/v25.0/?ids=${media[0]!.id},nobody`);
  assert.equal(alias.body.error.code, 803);
  const many = Array.from({ length: 51 }, (_, i) => media[i % 36]!.id + String(i)).join(',');
  assert.equal((await call(sb, `/v25.0/?ids=${many}`)).body.error.code, 100);
});

test('POST and JSON bodies reach reads; permissions list the token scopes', async () => {
  const form = await call(sb, `/v25.0/${ig}`, { method: 'POST', body: `access_token=${sb.tokens.longLivedUser}&fields=username`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, token: null });
  assert.equal(form.status, 400, 'POST to a node without a write route is unsupported');
  const read = await call(sb, `/v25.0/${ig}?method=get`, { method: 'POST', body: JSON.stringify({ fields: 'username' }), headers: { 'content-type': 'application/json' } });
  assert.deepEqual(read.body, { username: 'lanterncoffee', id: ig });
  const permissions = await get(sb, '/v25.0/me/permissions');
  assert.ok(permissions.data.some((p: { permission: string; status: string }) => p.permission === 'instagram_basic' && p.status === 'granted'));
});

test('the overlay hook: a comment written through core.data shows in /comments and comments_count', async () => {
  const target = media[1]!;
  const data = sb.core.data;
  const template = data.comments(target).slice(0, 1)[0] ?? (undefined as unknown as CommentRecord);
  const id = data.overlay.newId();
  const record: CommentRecord = { ...template, id, text: 'Written at run time', timestampMs: clock.now(), replyCount: 0, reply: 0, parentId: undefined, hidden: false, comment: -1, mediaId: target.id };
  data.overlay.put(id, 'IGComment', record);
  data.overlay.prepend(`${target.id}/comments`, id);
  data.overlay.adjust(target.id, 'comments', 1);
  const list = await get(sb, `/v25.0/${target.id}/comments?fields=id,text&limit=1`);
  assert.deepEqual(list.data[0], { id, text: 'Written at run time' });
  assert.equal((await get(sb, `/v25.0/${target.id}?fields=comments_count`)).comments_count, target.stats!.comments + 1);
  assert.equal((await get(sb, `/v25.0/${id}?fields=text`)).text, 'Written at run time');
  data.overlay.patch(id, { hidden: true });
  assert.equal((await get(sb, `/v25.0/${id}?fields=hidden`)).hidden, true);
});

test('the overlay hook: published media lead /media, count in content_publishing_limit and respect since', async () => {
  const data = sb.core.data;
  const account = data.world.igAccounts[0]!;
  const id = data.overlay.newId();
  const published: MediaRecord = { ...media[0]!, kind: 'overlay', id, timestampMs: clock.now(), caption: 'Just published', likesHidden: false };
  data.overlay.put(id, 'IGMedia', published);
  data.overlay.prepend(`${account.id}/media`, id);
  const first = await get(sb, `/v25.0/${ig}/media?fields=id,caption&limit=2`);
  assert.deepEqual(first.data[0], { id, caption: 'Just published' });
  assert.equal(first.data[1].id, media[0]!.id);
  assert.equal((await get(sb, `/v25.0/${ig}?fields=media_count`)).media_count, 37);
  assert.deepEqual((await get(sb, `/v25.0/${ig}/content_publishing_limit`)).data, [{ quota_usage: 1 }]);
  const old = Math.floor(media[5]!.timestampMs / 1000);
  const window = await get(sb, `/v25.0/${ig}/media?until=${old}&limit=3`);
  assert.ok(window.data.every((m: { id: string }) => m.id !== id));
  assert.equal(window.data[0].id, media[5]!.id);
  data.overlay.remove(id);
  assert.equal((await get(sb, `/v25.0/${ig}/media?limit=1`)).data[0].id, media[0]!.id);
});
