/** The media insights matrix read for versions, dates and surfaces (graph-api.md §2.1, §2.3, §2.4). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaRecord } from '../../../../src/sandbox/data/media-record.js';
import { isValidName, supportFor, surfaceOf, validMediaMetricNames, type Gate } from '../../../../src/sandbox/insights/media-gates.js';
import { MEDIA_METRICS, mediaMetricRow, type MediaSurface } from '../../../../src/sandbox/insights/media-metrics.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const v25: Gate = { version: 25, nowMs: NOW };

/** graph-api.md §2.4: the list Meta answers on the media edge (SWEEP, July 2026). */
const SWEEP_LIST = 'impressions, reach, replies, saved, likes, comments, shares, total_interactions, follows, profile_visits, profile_activity, navigation, ig_reels_video_view_total_time, ig_reels_avg_watch_time, views, reels_skip_rate, reposts, facebook_views, crossposted_views, total_views, total_likes, total_comments, link_clicks';

function media(surface: MediaSurface, overrides: Partial<MediaRecord> = {}): MediaRecord {
  const shape: Record<MediaSurface, Pick<MediaRecord, 'mediaType' | 'productType'>> = {
    FEED_IMAGE: { mediaType: 'IMAGE', productType: 'FEED' }, FEED_VIDEO: { mediaType: 'VIDEO', productType: 'FEED' },
    CAROUSEL_ALBUM: { mediaType: 'CAROUSEL_ALBUM', productType: 'FEED' }, REELS: { mediaType: 'VIDEO', productType: 'REELS' },
    STORY: { mediaType: 'IMAGE', productType: 'STORY' },
  };
  return {
    kind: surface === 'STORY' ? 'story' : 'media', id: '1', accountIndex: 0, index: 0, ...shape[surface], timestampMs: NOW - 86_400_000,
    igId: '1', shortcode: 'x', permalink: 'x', isCommentEnabled: true, likesHidden: false, countsHidden: false,
    sharedToFacebook: true, childCount: 0, stats: undefined, ...overrides,
  };
}

function served(surface: MediaSurface, gate: Gate, m = media(surface)): string[] {
  return MEDIA_METRICS.filter((row) => isValidName(row, gate) && supportFor(row, m, surface, gate) === 'served').map((r) => r.name);
}

test('v25 in late 2026: the valid names are exactly Meta\'s list, in its order', () => {
  assert.equal(validMediaMetricNames(v25).join(', '), SWEEP_LIST);
});

test('v25: each surface serves the §2.1 column (crossposted media)', () => {
  const feed = ['reach', 'saved', 'likes', 'comments', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'views', 'reposts', 'facebook_views', 'total_views', 'total_likes', 'total_comments'];
  assert.deepEqual(served('FEED_IMAGE', v25).sort(), [...feed].sort());
  assert.deepEqual(served('FEED_VIDEO', v25).sort(), [...feed].sort());
  assert.deepEqual(served('CAROUSEL_ALBUM', v25).sort(), [...feed].sort());
  assert.deepEqual(served('REELS', v25).sort(), ['reach', 'saved', 'likes', 'comments', 'shares', 'total_interactions', 'ig_reels_video_view_total_time', 'ig_reels_avg_watch_time', 'views', 'reels_skip_rate', 'reposts', 'facebook_views', 'crossposted_views', 'total_views', 'total_likes', 'total_comments'].sort());
  assert.deepEqual(served('STORY', v25).sort(), ['reach', 'replies', 'shares', 'total_interactions', 'follows', 'profile_visits', 'profile_activity', 'navigation', 'views', 'reposts', 'facebook_views', 'total_views', 'link_clicks'].sort());
});

test('views is served from v22; on v21 it is a valid name refused per media', () => {
  const views = mediaMetricRow('views')!;
  for (const version of [22, 23, 24, 25, 26]) assert.equal(supportFor(views, media('REELS'), 'REELS', { version, nowMs: NOW }), 'served');
  const v21: Gate = { version: 21, nowMs: NOW };
  assert.equal(isValidName(views, v21), true);
  assert.equal(supportFor(views, media('REELS'), 'REELS', v21), 'unsupported');
  assert.ok(!served('FEED_IMAGE', v21).includes('views'));
});

test('impressions stays a valid name after Apr 21, 2025 and answers the retired errors', () => {
  const impressions = mediaMetricRow('impressions')!;
  for (const surface of ['FEED_IMAGE', 'FEED_VIDEO', 'CAROUSEL_ALBUM', 'STORY'] as const) {
    assert.equal(supportFor(impressions, media(surface), surface, { version: 21, nowMs: NOW }), 'retired');
  }
  assert.equal(supportFor(impressions, media('REELS'), 'REELS', v25), 'unsupported');
});

test('retired names (plays, video_views, engagement, carousel_album_*, taps) are invalid on every served version', () => {
  for (const name of ['plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views', 'engagement', 'carousel_album_reach', 'taps_forward', 'exits']) {
    for (let version = 21; version <= 26; version++) assert.equal(isValidName(mediaMetricRow(name)!, { version, nowMs: NOW }), false, `${name} v${version}`);
  }
});

test('dates: the Dec 2025 and Apr 2026 additions appear on their day, on every version', () => {
  const before = validMediaMetricNames({ version: 25, nowMs: Date.parse('2025-12-02T23:00:00Z') });
  for (const name of ['reels_skip_rate', 'reposts', 'facebook_views', 'crossposted_views', 'total_views']) assert.ok(!before.includes(name), name);
  const december = validMediaMetricNames({ version: 21, nowMs: Date.parse('2025-12-03T01:00:00Z') });
  for (const name of ['reels_skip_rate', 'reposts', 'facebook_views', 'crossposted_views']) assert.ok(december.includes(name), name);
  assert.ok(!december.includes('total_likes'));
  assert.ok(validMediaMetricNames({ version: 21, nowMs: Date.parse('2026-04-22T00:00:01Z') }).includes('total_likes'));
});

test('an early-2025 clock on v21 still serves plays and impressions of media posted before Jul 2, 2024', () => {
  const gate: Gate = { version: 21, nowMs: Date.parse('2025-03-01T00:00:00Z') };
  const plays = mediaMetricRow('plays')!;
  const impressions = mediaMetricRow('impressions')!;
  assert.equal(isValidName(plays, gate), true);
  assert.equal(supportFor(plays, media('REELS'), 'REELS', gate), 'served');
  const old = media('FEED_IMAGE', { timestampMs: Date.parse('2024-06-30T00:00:00Z') });
  const recent = media('FEED_IMAGE', { timestampMs: Date.parse('2024-07-03T00:00:00Z') });
  assert.equal(supportFor(impressions, old, 'FEED_IMAGE', gate), 'served');
  assert.equal(supportFor(impressions, recent, 'FEED_IMAGE', gate), 'retired');
  assert.equal(isValidName(plays, { version: 22, nowMs: gate.nowMs }), false, 'plays ends with v21');
  assert.equal(isValidName(mediaMetricRow('video_views')!, gate), false, 'video_views ended with v20');
});

test('facebook_views and crossposted_views need a media shared to Facebook', () => {
  const fb = mediaMetricRow('facebook_views')!;
  assert.equal(supportFor(fb, media('REELS', { sharedToFacebook: false }), 'REELS', v25), 'not-on-facebook');
  assert.equal(supportFor(fb, media('REELS'), 'REELS', v25), 'served');
  assert.equal(supportFor(mediaMetricRow('crossposted_views')!, media('FEED_IMAGE'), 'FEED_IMAGE', v25), 'unsupported');
});

test('surfaces: carousel children have none; reels and stories by product type', () => {
  assert.equal(surfaceOf(media('FEED_IMAGE', { kind: 'child' })), undefined);
  assert.equal(surfaceOf(media('STORY', { mediaType: 'VIDEO' })), 'STORY');
  assert.equal(surfaceOf(media('REELS')), 'REELS');
  assert.equal(surfaceOf(media('CAROUSEL_ALBUM')), 'CAROUSEL_ALBUM');
  assert.equal(surfaceOf(media('FEED_VIDEO')), 'FEED_VIDEO');
});

test('the matrix is well formed: unique names, known surfaces, breakdowns only on profile_activity and navigation', () => {
  const names = MEDIA_METRICS.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(MEDIA_METRICS.filter((r) => r.breakdown !== undefined).map((r) => `${r.name}:${r.breakdown}`), ['profile_activity:action_type', 'navigation:story_navigation_action_type']);
  for (const row of MEDIA_METRICS) assert.ok(row.surfaces.length > 0 && row.title !== '' && row.description !== '', row.name);
});
