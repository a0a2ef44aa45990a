/**
 * Media insights over HTTP: `/{ig-media-id}/insights`, the nested `insights.metric(...)` in `?ids=`
 * reads and `/media` expansions, version gating, and every error of graph-api.md §2.4 (exact
 * messages and statuses).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import type { MediaRecord } from '../../../src/sandbox/data/media-record.js';
import { MEDIA_METRICS, surfaceOf } from '../../../src/sandbox/insights/index.js';
import { call, get } from './helpers.js';

const START = Date.parse('2026-11-20T12:00:00Z');
const clock = createManualClock(START);
let sb: Sandbox;
let ig: string;
let media: MediaRecord[];
let stories: MediaRecord[];

const SWEEP_LIST = 'impressions, reach, replies, saved, likes, comments, shares, total_interactions, follows, profile_visits, profile_activity, navigation, ig_reels_video_view_total_time, ig_reels_avg_watch_time, views, reels_skip_rate, reposts, facebook_views, crossposted_views, total_views, total_likes, total_comments, link_clicks';

before(async () => {
  sb = await startSandbox({ seed: 42, clock });
  const account = sb.core.data.world.igAccounts[0]!;
  ig = account.id;
  media = sb.core.data.mediaList(account).slice(0, 36);
  stories = sb.core.data.stories(account, START).slice(0, 10);
});
after(() => sb.stop());

const find = (test: (m: MediaRecord) => boolean): MediaRecord => {
  const found = media.find(test);
  assert.ok(found !== undefined, 'the demo data holds such a media');
  return found;
};
const image = (): MediaRecord => find((m) => m.mediaType === 'IMAGE' && m.productType === 'FEED');
const reel = (shared: boolean): MediaRecord => find((m) => m.productType === 'REELS' && m.sharedToFacebook === shared);
const album = (): MediaRecord => find((m) => m.mediaType === 'CAROUSEL_ALBUM');

function values(body: any): Record<string, number> {
  return Object.fromEntries(body.data.map((e: any) => [e.name, e.values[0].value]));
}

async function expectError(path: string, status: number, code: number, message: string): Promise<void> {
  const reply = await call(sb, path);
  assert.equal(reply.status, status, `${path} → ${JSON.stringify(reply.body)}`);
  assert.equal(reply.body.error.code, code);
  assert.equal(reply.body.error.type, 'OAuthException');
  assert.equal(reply.body.error.message, message);
  assert.equal(typeof reply.body.error.fbtrace_id, 'string');
}

test('every surface answers every metric it serves: lifetime entries in the real shape', async () => {
  const live = stories.filter((s) => s.stats!.reach >= 5);
  for (const m of [...media.slice(0, 12), ...live]) {
    const surface = surfaceOf(m)!;
    const names = MEDIA_METRICS.filter((r) => r.surfaces.includes(surface) && r.retiredOn === undefined && (!r.facebookOnly || m.sharedToFacebook)).map((r) => r.name);
    const body = await get(sb, `/v25.0/${m.id}/insights?metric=${names.join(',')}`);
    assert.deepEqual(Object.keys(body), ['data'], 'no paging on media insights');
    assert.deepEqual(body.data.map((e: any) => e.name), names);
    for (const entry of body.data) {
      assert.deepEqual(Object.keys(entry), ['name', 'period', 'values', 'title', 'description', 'id']);
      assert.equal(entry.period, 'lifetime');
      assert.equal(entry.id, `${m.id}/insights/${entry.name}/lifetime`);
      assert.equal(entry.values.length, 1);
      assert.equal(typeof entry.values[0].value, 'number');
      assert.ok(!entry.description.includes('{noun}'));
    }
  }
});

test('values agree with the media fields: likes = like_count, comments = comments_count, total_* = *_count, reach ≤ views', async () => {
  for (const m of media.filter((x) => !x.countsHidden).slice(0, 10)) {
    const fields = await get(sb, `/v25.0/${m.id}?fields=like_count,comments_count,total_like_count,total_comments_count,total_views_count,saved_count,shares_count,reposts_count`);
    const v = values(await get(sb, `/v25.0/${m.id}/insights?metric=likes,comments,total_likes,total_comments,total_views,saved,shares,reposts,reach,views,total_interactions`));
    assert.equal(v['likes'], fields.like_count);
    assert.equal(v['comments'], fields.comments_count);
    assert.equal(v['total_likes'], fields.total_like_count);
    assert.equal(v['total_comments'], fields.total_comments_count);
    assert.equal(v['total_views'], fields.total_views_count);
    assert.equal(v['saved'], fields.saved_count);
    assert.equal(v['shares'], fields.shares_count);
    assert.equal(v['reposts'], fields.reposts_count);
    assert.ok(v['reach']! <= v['views']!);
    assert.equal(v['total_interactions'], v['likes']! + v['comments']! + v['saved']! + v['shares']!);
  }
});

test('comments follow overlay writes, as comments_count does', async () => {
  const m = media[5]!;
  const before = values(await get(sb, `/v25.0/${m.id}/insights?metric=comments`))['comments']!;
  sb.core.data.overlay.adjust(m.id, 'comments', 2);
  const after = values(await get(sb, `/v25.0/${m.id}/insights?metric=comments`))['comments']!;
  assert.equal(after, before + 2);
  assert.equal((await get(sb, `/v25.0/${m.id}?fields=comments_count`)).comments_count, after);
  sb.core.data.overlay.adjust(m.id, 'comments', -2);
});

test('an invalid name → (#100) metric[i] must be one of … with its position', async () => {
  await expectError(`/v25.0/${image().id}/insights?metric=reach,likes,plays`, 400, 100, `(#100) metric[2] must be one of the following values: ${SWEEP_LIST}`);
  await expectError(`/v25.0/${image().id}/insights?metric=video_views`, 400, 100, `(#100) metric[0] must be one of the following values: ${SWEEP_LIST}`);
  await expectError(`/v25.0/${reel(true).id}/insights?metric=engagement,reach`, 400, 100, `(#100) metric[0] must be one of the following values: ${SWEEP_LIST}`);
});

test('a metric the product type lacks fails the whole request', async () => {
  await expectError(`/v25.0/${reel(false).id}/insights?metric=reach,follows,views`, 400, 100, '(#100) The Media Insights API does not support the follows metric for this media product type');
  await expectError(`/v25.0/${image().id}/insights?metric=reach,navigation`, 400, 100, '(#100) The Media Insights API does not support the navigation metric for this media product type');
  await expectError(`/v25.0/${stories[0]!.id}/insights?metric=reach,likes`, 400, 100, '(#100) The Media Insights API does not support the likes metric for this media product type');
  await expectError(`/v25.0/${album().id}/insights?metric=ig_reels_avg_watch_time`, 400, 100, '(#100) The Media Insights API does not support the ig_reels_avg_watch_time metric for this media product type');
});

test('impressions: the v22 message on images and albums, the product-type message on videos and reels', async () => {
  const v22 = '(#100) Starting from version v22.0 and above, the impressions metric is no longer supported for the queried media';
  const video = '(#100) The Media Insights API does not support the impressions metric for this media product type';
  await expectError(`/v25.0/${image().id}/insights?metric=impressions`, 400, 100, v22);
  await expectError(`/v21.0/${album().id}/insights?metric=reach,impressions`, 400, 100, v22);
  await expectError(`/v25.0/${reel(true).id}/insights?metric=impressions`, 400, 100, video);
  await expectError(`/v25.0/${find((m) => m.mediaType === 'VIDEO' && m.productType === 'FEED').id}/insights?metric=impressions`, 400, 100, video);
});

test('version gating: views from v22; v21 refuses it per media, v25 serves it', async () => {
  const m = reel(true);
  await expectError(`/v21.0/${m.id}/insights?metric=reach,views`, 400, 100, '(#100) The Media Insights API does not support the views metric for this media product type');
  assert.equal(values(await get(sb, `/v25.0/${m.id}/insights?metric=reach,views`))['views'], m.stats!.views);
  assert.equal(values(await get(sb, `/v22.0/${m.id}/insights?metric=views`))['views'], m.stats!.views);
  assert.equal(values(await get(sb, `/v21.0/${m.id}/insights?metric=reach`))['reach'], m.stats!.reach);
});

test('facebook_views and crossposted_views: values on crossposted media, an error on the others and on stories', async () => {
  const shared = reel(true);
  const v = values(await get(sb, `/v25.0/${shared.id}/insights?metric=facebook_views,crossposted_views,views`));
  assert.ok(v['facebook_views']! > 0);
  assert.equal(v['crossposted_views'], v['views']! + v['facebook_views']!);
  await expectError(`/v25.0/${reel(false).id}/insights?metric=reach,crossposted_views`, 400, 100, '(#100) The crossposted_views metric is only available for media that was shared to Facebook');
  await expectError(`/v25.0/${stories[0]!.id}/insights?metric=facebook_views`, 400, 100, '(#100) The facebook_views metric is only available for media that was shared to Facebook');
});

test('breakdowns: lower-case results adding up to the value; a breakdown a metric lacks → code 1, HTTP 500', async () => {
  const m = find((x) => x.productType === 'FEED' && x.stats!.profileVisits > 40);
  const body = await get(sb, `/v25.0/${m.id}/insights?metric=profile_activity&breakdown=action_type`);
  const entry = body.data[0];
  assert.deepEqual(Object.keys(entry), ['name', 'period', 'values', 'title', 'description', 'total_value', 'id']);
  assert.equal(entry.total_value.value, entry.values[0].value);
  assert.deepEqual(entry.total_value.breakdowns[0].dimension_keys, ['action_type']);
  const results = entry.total_value.breakdowns[0].results;
  assert.equal(results.reduce((a: number, r: any) => a + r.value, 0), entry.total_value.value);
  for (const r of results) assert.ok(['bio_link_clicked', 'call', 'direction', 'email', 'other', 'text'].includes(r.dimension_values[0]));
  const story = await get(sb, `/v25.0/${stories[0]!.id}/insights?metric=navigation&breakdown=story_navigation_action_type`);
  for (const r of story.data[0].total_value.breakdowns[0].results) assert.match(r.dimension_values[0], /^(tap_forward|tap_back|tap_exit|swipe_forward)$/);
  assert.equal((await get(sb, `/v25.0/${m.id}/insights?metric=profile_activity`)).data[0].total_value, undefined, 'no total_value without a breakdown');
  await expectError(`/v25.0/${m.id}/insights?metric=reach&breakdown=action_type`, 500, 1, 'An unknown error has occurred.');
  await expectError(`/v25.0/${m.id}/insights?metric=profile_activity,reach&breakdown=action_type`, 500, 1, 'An unknown error has occurred.');
  await expectError(`/v25.0/${m.id}/insights?metric=profile_activity&breakdown=story_navigation_action_type`, 500, 1, 'An unknown error has occurred.');
});

test('stories: (#10) under 5 viewers; empty data once older than 24 hours', async () => {
  const few = stories.find((s) => s.stats!.reach < 5)!;
  assert.ok(few !== undefined && stories.filter((s) => s.stats!.reach < 5).length < stories.length / 2, 'a minority of stories');
  await expectError(`/v25.0/${few.id}/insights?metric=reach`, 400, 10, '(#10) Not enough viewers for the media to show insights');
  const fine = stories.find((s) => s.stats!.reach >= 5)!;
  assert.equal(values(await get(sb, `/v25.0/${fine.id}/insights?metric=reach`))['reach'], fine.stats!.reach);
  clock.advance(25 * 3600_000);
  try {
    assert.deepEqual(await get(sb, `/v25.0/${fine.id}/insights?metric=reach,views`), { data: [] });
    assert.deepEqual(await get(sb, `/v25.0/${few.id}/insights?metric=reach`), { data: [] });
    assert.deepEqual(await get(sb, `/v25.0/?ids=${fine.id}&fields=id,insights.metric(reach)`), { [fine.id]: { id: fine.id } }, 'an empty nested edge is left out');
  } finally {
    clock.advance(-25 * 3600_000);
  }
});

test('carousel children have no insights; missing metric; media of other accounts; no insights permission', async () => {
  const child = sb.core.data.children(album()).slice(0, 1)[0]!;
  await expectError(`/v25.0/${child.id}/insights?metric=reach`, 400, 100, '(#100) Insights data is not available for any media within an Instagram Media album');
  await expectError(`/v25.0/${image().id}/insights`, 400, 100, '(#100) The parameter metric is required');
  const tagged = sb.core.data.tagged(sb.core.data.world.igAccounts[0]!).slice(0, 1)[0]!;
  await expectError(`/v25.0/${tagged.id}/insights?metric=reach`, 400, 10, '(#10) Application does not have permission for this action');
  const user = sb.core.data.world.users[0]!;
  const limited = sb.core.tokens.issue({ type: 'USER', userId: user.id, scopes: ['instagram_basic', 'pages_show_list'], lifetimeSeconds: 3600 });
  const reply = await call(sb, `/v25.0/${image().id}/insights?metric=reach`, { token: limited.token });
  assert.equal(reply.status, 400);
  assert.equal(reply.body.error.code, 10);
});

test('media without stats yet (a just-published overlay media) → empty data', async () => {
  const id = sb.core.data.overlay.newId();
  const published: MediaRecord = { ...image(), kind: 'overlay', id, timestampMs: clock.now(), stats: undefined };
  sb.core.data.overlay.put(id, 'IGMedia', published);
  sb.core.data.overlay.prepend(`${ig}/media`, id);
  assert.deepEqual(await get(sb, `/v25.0/${id}/insights?metric=reach,likes`), { data: [] });
  sb.core.data.overlay.remove(id);
});

test('?ids=…&fields=insights.metric(...): one metric list for all ids; one unfit media fails the whole read', async () => {
  const feed = media.filter((m) => m.productType === 'FEED').slice(0, 5);
  const body = await get(sb, `/v25.0/?ids=${feed.map((m) => m.id).join(',')}&fields=id,media_product_type,insights.metric(reach,views,likes)`);
  assert.deepEqual(Object.keys(body).sort(), feed.map((m) => m.id).sort());
  for (const m of feed) {
    const node = body[m.id];
    assert.equal(node.media_product_type, 'FEED');
    assert.deepEqual(Object.keys(node.insights), ['data']);
    assert.deepEqual(values(node.insights), { reach: m.stats!.reach, views: m.stats!.views, likes: m.stats!.likes });
  }
  await expectError(`/v25.0/?ids=${feed[0]!.id},${reel(true).id}&fields=insights.metric(reach,follows)`, 400, 100, '(#100) The Media Insights API does not support the follows metric for this media product type');
  const few = stories.find((s) => s.stats!.reach < 5)!;
  await expectError(`/v25.0/?ids=${stories[0]!.id},${few.id}&fields=insights.metric(reach)`, 400, 10, '(#10) Not enough viewers for the media to show insights');
  const sub = await get(sb, `/v25.0/?ids=${feed[0]!.id}&fields=insights.metric(reach){name,values}`);
  assert.deepEqual(sub[feed[0]!.id].insights.data, [{ name: 'reach', values: [{ value: feed[0]!.stats!.reach }], id: `${feed[0]!.id}/insights/reach/lifetime` }]);
  const edge = await get(sb, `/v25.0/insights?ids=${feed[0]!.id},${feed[1]!.id}&metric=reach`);
  assert.equal(edge[feed[1]!.id].data[0].values[0].value, feed[1]!.stats!.reach);
});

test('/media?fields=…,insights.metric(...) expands per media; a metric one media lacks fails the page', async () => {
  const body = await get(sb, `/v25.0/${ig}/media?fields=id,media_type,insights.metric(reach,views,total_interactions)&limit=10`);
  assert.equal(body.data.length, 10);
  body.data.forEach((node: any, i: number) => {
    assert.equal(node.id, media[i]!.id);
    assert.equal(values(node.insights)['reach'], media[i]!.stats!.reach);
  });
  assert.equal(new URL(body.paging.next).searchParams.get('fields'), 'id,media_type,insights.metric(reach,views,total_interactions)');
  await expectError(`/v25.0/${ig}/media?fields=id,insights.metric(reach,saved,follows)&limit=10`, 400, 100, '(#100) The Media Insights API does not support the follows metric for this media product type');
  const storyPage = await get(sb, `/v25.0/${ig}/stories?fields=id,insights.metric(reach,navigation)&limit=2`);
  assert.equal(storyPage.data.length, 2, 'the first two stories have 5+ viewers');
});

test('the request log names the insights endpoint', async () => {
  sb.resetCounts();
  await get(sb, `/v25.0/${image().id}/insights?metric=reach`);
  assert.deepEqual(sb.counts(), { 'GET /{ig-media-id}/insights': 1 });
});
