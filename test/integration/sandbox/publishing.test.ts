/** Content publishing: containers, their state machine on the clock, media_publish, quota and limits. */
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { assertSameShape, call, get, recorded, shapeOf } from './helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
const DAY = 86_400_000;
let sb: Sandbox;
let ig: string;

before(async () => {
  sb = await startSandbox({ seed: 12, clock, publishingQuota: 4, publishing: { videoProcessingSeconds: 40, containersPerDay: 12 } });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());
beforeEach(() => clock.advance(2 * DAY)); // every test starts with a fresh quota and container allowance

async function post(path: string, params: Record<string, string>, token = sb.tokens.longLivedUser): Promise<{ status: number; body: any }> {
  return call(sb, path, { method: 'POST', token: null, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...params, access_token: token }).toString() });
}

async function container(params: Record<string, string>): Promise<string> {
  const reply = await post(`/v25.0/${ig}/media`, params);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  assert.deepEqual(Object.keys(reply.body), ['id']);
  return reply.body.id;
}

const status = async (id: string) => get(sb, `/v25.0/${id}?fields=status_code,status`);

function assertError(reply: { status: number; body: any }, code: number, subcode: number | undefined, message: string | RegExp): void {
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  assert.equal(reply.body.error.code, code);
  assert.equal(reply.body.error.error_subcode, subcode);
  if (typeof message === 'string') assert.equal(reply.body.error.message, message);
  else assert.match(reply.body.error.message, message);
}

test('an image container is FINISHED at once, answers like the recording, and publishes to the front of /media', async () => {
  const id = await container({ image_url: 'https://cdn.example/photo.jpg', caption: 'Fresh roast #coffee @harbor_bakery' });
  assertSameShape(shapeOf(recorded('instagram/publish/create_photo.json')), shapeOf({ id }));
  const info = await status(id);
  assertSameShape(shapeOf(recorded('instagram/publish/container_info.json')), shapeOf(info));
  assert.deepEqual(info, { status_code: 'FINISHED', status: 'Finished: Media has been uploaded and it is ready to be published.', id });
  assert.deepEqual(await get(sb, `/v25.0/${id}`), { id });
  const published = await post(`/v25.0/${ig}/media_publish`, { creation_id: id });
  assert.equal(published.status, 200);
  assertSameShape(shapeOf(recorded('instagram/publish/publish_container.json')), shapeOf(published.body));
  const mediaId = published.body.id;
  const first = (await get(sb, `/v25.0/${ig}/media?fields=id,caption,media_type,media_product_type,comments_count,like_count,owner,timestamp,permalink,media_url&limit=1`)).data[0];
  assert.equal(first.id, mediaId);
  assert.deepEqual([first.caption, first.media_type, first.media_product_type, first.comments_count, first.like_count], ['Fresh roast #coffee @harbor_bakery', 'IMAGE', 'FEED', 0, 0]);
  assert.deepEqual(first.owner, { id: ig });
  assert.equal(first.timestamp, new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, '+0000'));
  assert.match(first.permalink, /^https:\/\/www\.instagram\.com\/p\/[A-Za-z0-9_-]+\/$/);
  assert.equal((await status(id)).status_code, 'PUBLISHED');
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: id }), 9007, 2207027, 'Media ID is not available');
});

test('videos: IN_PROGRESS for the processing time (9007/2207027 meanwhile), then FINISHED; reels keep share_to_feed', async () => {
  const id = await container({ media_type: 'REELS', video_url: 'https://cdn.example/clip.mp4', share_to_feed: 'false', caption: 'Latte art' });
  const early = await get(sb, `/v25.0/${id}?fields=status_code,status,copyright_check_status`);
  assert.deepEqual(early, { status_code: 'IN_PROGRESS', status: 'In Progress: Media is still being processed.', copyright_check_status: { matches_found: false, status: 'in_progress' }, id });
  const tooSoon = await post(`/v25.0/${ig}/media_publish`, { creation_id: id });
  assertError(tooSoon, 9007, 2207027, 'Media ID is not available');
  assert.equal(tooSoon.body.error.error_user_msg, 'The media is not ready for publishing, please wait for a moment');
  clock.advance(39_000);
  assert.equal((await status(id)).status_code, 'IN_PROGRESS');
  clock.advance(1_000);
  assert.equal((await status(id)).status_code, 'FINISHED');
  const mediaId = (await post(`/v25.0/${ig}/media_publish`, { creation_id: id })).body.id;
  const reel = await get(sb, `/v25.0/${mediaId}?fields=media_type,media_product_type,is_shared_to_feed,permalink,thumbnail_url`);
  assert.deepEqual([reel.media_type, reel.media_product_type, reel.is_shared_to_feed], ['VIDEO', 'REELS', false]);
  assert.match(reel.permalink, /\/reel\//);
  assert.equal(typeof reel.thumbnail_url, 'string');
});

test('a video of a type Instagram does not take ends in ERROR; containers expire after 24 hours', async () => {
  const bad = await container({ media_type: 'REELS', video_url: 'https://cdn.example/clip.avi' });
  clock.advance(40_000);
  assert.deepEqual(await status(bad), { status_code: 'ERROR', status: 'Error: Media upload has failed with error code 2207026.', id: bad });
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: bad }), 9007, 2207027, 'Media ID is not available');
  const late = await container({ image_url: 'https://cdn.example/late.jpg' });
  clock.advance(DAY - 1000);
  assert.equal((await status(late)).status_code, 'FINISHED');
  clock.advance(1000);
  assert.equal((await status(late)).status_code, 'EXPIRED');
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: late }), -2, 2207020, 'The media you are trying to access has expired. Please try to upload again.');
});

test('carousels: 2–10 carousel-item children of the account; the album and its children in order', async () => {
  const a = await container({ image_url: 'https://cdn.example/1.jpg', is_carousel_item: 'true' });
  const b = await container({ media_type: 'VIDEO', video_url: 'https://cdn.example/2.mp4', is_carousel_item: 'true' });
  const single = await post(`/v25.0/${ig}/media`, { media_type: 'CAROUSEL', children: a });
  assertError(single, 100, 2207028, "Your post won't be shared as a carousel. Carousels need at least 2 photos/videos and no more than 10 photos/videos.");
  assert.equal(single.body.error.error_user_msg, 'children has 1 container ids; a carousel needs 2 to 10.');
  const eleven = await post(`/v25.0/${ig}/media`, { media_type: 'CAROUSEL', children: Array(11).fill(a).join(',') });
  assert.equal(eleven.body.error.error_subcode, 2207028);
  const plain = await container({ image_url: 'https://cdn.example/3.jpg' });
  assert.match((await post(`/v25.0/${ig}/media`, { media_type: 'CAROUSEL', children: `${a},${plain}` })).body.error.error_user_msg, /is not a carousel item container/);
  assertError(await post(`/v25.0/${ig}/media`, { media_type: 'CAROUSEL' }), 100, undefined, '(#100) The parameter children is required');
  const album = await container({ media_type: 'CAROUSEL', children: `${a},${b}`, caption: 'Two views' });
  assert.equal((await status(album)).status_code, 'IN_PROGRESS', 'waits for its video child');
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: a }), 100, undefined, /carousel item cannot be published on its own/);
  clock.advance(40_000);
  const mediaId = (await post(`/v25.0/${ig}/media_publish`, { creation_id: album })).body.id;
  const read = await get(sb, `/v25.0/${mediaId}?fields=media_type,caption,children{media_type,caption}`);
  assert.equal(read.media_type, 'CAROUSEL_ALBUM');
  assert.equal(read.caption, 'Two views');
  assert.deepEqual(read.children.data.map((c: { media_type: string }) => c.media_type), ['IMAGE', 'VIDEO']);
  assert.ok(read.children.data.every((c: Record<string, unknown>) => c['caption'] === undefined));
  assert.equal((await status(a)).status_code, 'PUBLISHED');
});

test('stories publish to /stories and count toward the quota', async () => {
  const before = (await get(sb, `/v25.0/${ig}/stories`)).data.length;
  const id = await container({ media_type: 'STORIES', image_url: 'https://cdn.example/story.jpg', caption: 'ignored' });
  const mediaId = (await post(`/v25.0/${ig}/media_publish`, { creation_id: id })).body.id;
  const stories = (await get(sb, `/v25.0/${ig}/stories?fields=id,media_product_type,caption`)).data;
  assert.equal(stories.length, before + 1);
  assert.deepEqual(stories[0], { id: mediaId, media_product_type: 'STORY' });
  assert.deepEqual((await get(sb, `/v25.0/${ig}/content_publishing_limit`)).data, [{ quota_usage: 1 }]);
  assert.ok((await get(sb, `/v25.0/${ig}/media?limit=5`)).data.every((m: { id: string }) => m.id !== mediaId));
});

test('the quota: publishingQuota posts per 24 h, then 9/2207042; content_publishing_limit counts them', async () => {
  for (let i = 0; i < 4; i++) {
    const id = await container({ image_url: `https://cdn.example/q${i}.jpg` });
    assert.equal((await post(`/v25.0/${ig}/media_publish`, { creation_id: id })).status, 200);
  }
  const limit = await get(sb, `/v25.0/${ig}/content_publishing_limit?fields=quota_usage,config`);
  assertSameShape(shapeOf(recorded('instagram/publish/publish_limit_resp.json')), shapeOf(limit));
  assert.deepEqual(limit.data, [{ quota_usage: 4, config: { quota_total: 4, quota_duration: 86400 } }]);
  const fifth = await container({ image_url: 'https://cdn.example/q5.jpg' });
  const over = await post(`/v25.0/${ig}/media_publish`, { creation_id: fifth });
  assertError(over, 9, 2207042, 'You reached maximum number of posts that is allowed to be published by Content Publishing API.');
  assert.equal(over.body.error.is_transient, false);
  const mediaId = (await get(sb, `/v25.0/${ig}/media?limit=1`)).data[0].id;
  assert.equal((await call(sb, `/v25.0/${mediaId}`, { method: 'DELETE' })).status, 200);
  assert.equal((await post(`/v25.0/${ig}/media_publish`, { creation_id: fifth })).status, 400, 'deleting a post does not give its slot back');
  clock.advance(DAY + 1000);
  assert.deepEqual((await get(sb, `/v25.0/${ig}/content_publishing_limit`)).data, [{ quota_usage: 0 }]);
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: fifth }), -2, 2207020, /has expired/);
});

test('containers per day are limited (containersPerDay)', async () => {
  for (let i = 0; i < 12; i++) await container({ image_url: `https://cdn.example/c${i}.jpg` });
  const over = await post(`/v25.0/${ig}/media`, { image_url: 'https://cdn.example/c13.jpg' });
  assertError(over, 9, undefined, '(#9) The account has reached its limit of 12 media containers in 24 hours. Try again later.');
});

test('parameter rules: media types, URLs, formats, caption limits, permissions', async () => {
  const u = `/v25.0/${ig}/media`;
  assertError(await post(u, { media_type: 'GIF', image_url: 'https://x.example/a.jpg' }), 100, 2207023, 'The media type GIF is unknown.');
  assertError(await post(u, { video_url: 'https://x.example/a.mp4' }), 100, 2207023, /only supported for carousel items/);
  assertError(await post(u, { media_type: 'VIDEO', video_url: 'https://x.example/a.mp4' }), 100, 2207023, /only supported for carousel items/);
  assertError(await post(u, { caption: 'no media' }), 100, undefined, '(#100) The parameter image_url is required');
  assertError(await post(u, { media_type: 'REELS' }), 100, undefined, '(#100) The parameter video_url is required');
  assertError(await post(u, { media_type: 'STORIES' }), 100, undefined, '(#100) The parameter image_url or video_url is required');
  assertError(await post(u, { image_url: 'https://x.example/a.jpg', video_url: 'https://x.example/a.mp4', media_type: 'STORIES' }), 100, undefined, '(#100) Only one of image_url and video_url can be specified');
  assertError(await post(u, { image_url: 'file:///etc/passwd' }), 9004, 2207052, 'The media could not be fetched from this uri: file:///etc/passwd');
  assertError(await post(u, { image_url: 'https://x.example/a.png' }), 36001, 2207005, 'The image format is not supported.');
  assertError(await post(u, { image_url: 'https://x.example/a.jpg', caption: 'x'.repeat(2201) }), 36004, 2207010, 'The caption is too long.');
  assertError(await post(u, { image_url: 'https://x.example/a.jpg', caption: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ') }), 36004, 2207010, 'The caption is too long.');
  assertError(await post(u, { image_url: 'https://x.example/a.jpg', is_carousel_item: 'maybe' }), 100, undefined, '(#100) Param is_carousel_item must be a boolean (true or false), got "maybe"');
  assertError(await post(u, { media_type: 'REELS', video_url: 'https://x.example/a.mp4', is_carousel_item: 'true' }), 100, 2207028, /Carousels need/);
  const reader = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, scopes: ['instagram_basic', 'pages_show_list'] }).token;
  assertError(await post(u, { image_url: 'https://x.example/a.jpg' }, reader), 10, undefined, '(#10) Application does not have permission for this action');
  const id = await container({ image_url: 'https://x.example/a.jpg' });
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: id }, reader), 10, undefined, '(#10) Application does not have permission for this action');
  assertError(await post(`/v25.0/${ig}/media_publish`, {}), 100, undefined, '(#100) The parameter creation_id is required');
  const second = sb.core.data.world.igAccounts[1]!.id;
  assertError(await post(`/v25.0/${second}/media_publish`, { creation_id: id }), 24, 2207006, `The media with id ${id} cannot be found.`);
  assertError(await post(`/v25.0/${ig}/media_publish`, { creation_id: '17999999999999999' }), 24, 2207006, 'The media with id 17999999999999999 cannot be found.');
});

test('containers read through ?ids= like the recording; other accounts cannot read them', async () => {
  const a = await container({ image_url: 'https://cdn.example/r1.jpg' });
  const b = await container({ image_url: 'https://cdn.example/r2.jpg' });
  const both = await get(sb, `/v25.0/?ids=${a},${b}&fields=id,status,status_code`);
  assertSameShape(shapeOf(recorded('instagram/publish/containers_info.json')['17883019676403955']), shapeOf(both[a]));
  assert.deepEqual(Object.keys(both), [a, b]);
  const studioPage = sb.tokens.pages[sb.core.data.world.pages[1]!.id]!;
  const hidden = await call(sb, `/v25.0/${a}?fields=status_code`, { token: studioPage });
  assert.equal(hidden.body.error.error_subcode, 33);
  assert.equal((await call(sb, `/v25.0/${a}?fields=nope`)).body.error.message, '(#100) Tried accessing nonexisting field (nope) on node type (ShadowIGMediaBuilder)');
});

test('a Page token publishes for its IG account', async () => {
  const id = await container({ image_url: 'https://cdn.example/p.jpg' });
  const reply = await post(`/v25.0/${ig}/media_publish`, { creation_id: id }, sb.tokens.page);
  assert.equal(reply.status, 200);
});
