/**
 * The numbers behind media insights, derived from `MediaRecord.stats` so that they agree with the
 * media's fields: `likes` = like_count, `comments` = comments_count (overlay writes included),
 * `total_likes` = total_like_count, `total_comments` = total_comments_count, `total_views` =
 * total_views_count, reach ≤ views. Breakdowns (profile_activity, navigation) are seeded per media.
 */
import type { MediaRecord, MediaStats } from '../data/media-record.js';
import { rngFor } from '../data/rng.js';
import { split } from './allocate.js';
import { MEDIA_BREAKDOWN_VALUES } from './media-metrics.js';

/** Likes on Facebook of a crossposted media (the same formula as the `total_like_count` field). */
function facebookLikes(stats: MediaStats): number {
  return Math.round(stats.facebookViews * 0.04);
}

const ACTION_WEIGHTS = [0.45, 0.08, 0.12, 0.15, 0.1, 0.1];
const NAVIGATION_WEIGHTS = [0.62, 0.09, 0.19, 0.1];

/** profile_activity or navigation: the total and its lower-case breakdown results. */
export function mediaBreakdown(name: string, media: MediaRecord, stats: MediaStats, seed: number): { total: number; results: [string, number][] } {
  const rng = rngFor(seed, 'media-insights', name, media.id);
  const jitter = (weights: readonly number[]): number[] => weights.map((w) => w * (0.6 + rng.next() * 0.8));
  if (name === 'navigation') {
    const total = Math.round(stats.views * (0.9 + rng.next() * 0.5));
    return { total, results: split(total, MEDIA_BREAKDOWN_VALUES['story_navigation_action_type']!, jitter(NAVIGATION_WEIGHTS)) };
  }
  const total = Math.round(stats.profileVisits * (0.1 + rng.next() * 0.3));
  return { total, results: split(total, MEDIA_BREAKDOWN_VALUES['action_type']!, jitter(ACTION_WEIGHTS)) };
}

/** The lifetime value of a metric for a media (the metric is assumed to be served for it). */
export function mediaValue(name: string, media: MediaRecord, stats: MediaStats, seed: number): number {
  const story = media.productType === 'STORY';
  const replays = Math.round(stats.views * 0.12);
  switch (name) {
    case 'reach': return stats.reach;
    case 'views': case 'impressions': case 'plays': case 'video_views': return stats.views;
    case 'likes': return stats.likes;
    case 'comments': case 'total_comments': return stats.comments;
    case 'saved': return stats.saved;
    case 'shares': return stats.shares;
    case 'reposts': return stats.reposts;
    case 'replies': return stats.replies;
    case 'follows': return stats.follows;
    case 'profile_visits': return stats.profileVisits;
    case 'link_clicks': return stats.linkClicks;
    case 'total_interactions': return story ? stats.replies + stats.shares : stats.likes + stats.comments + stats.saved + stats.shares;
    case 'ig_reels_avg_watch_time': return stats.avgWatchTimeMs;
    case 'ig_reels_video_view_total_time': return stats.totalWatchTimeMs;
    case 'reels_skip_rate': return stats.skipRate;
    case 'facebook_views': return stats.facebookViews;
    case 'crossposted_views': case 'total_views': return stats.views + stats.facebookViews;
    case 'total_likes': return stats.likes + facebookLikes(stats);
    case 'profile_activity': case 'navigation': return mediaBreakdown(name, media, stats, seed).total;
    case 'clips_replays_count': return replays;
    case 'ig_reels_aggregated_all_plays_count': return stats.views + replays;
    case 'engagement': case 'carousel_album_engagement': return stats.likes + stats.comments;
    case 'carousel_album_impressions': return stats.views;
    case 'carousel_album_reach': return stats.reach;
    case 'carousel_album_saved': return stats.saved;
    case 'carousel_album_video_views': return Math.round(stats.views * 0.4);
    case 'taps_forward': case 'taps_back': case 'exits': {
      const nav = mediaBreakdown('navigation', media, stats, seed).results;
      const label = name === 'taps_forward' ? 'tap_forward' : name === 'taps_back' ? 'tap_back' : 'tap_exit';
      return nav.find(([l]) => l === label)?.[1] ?? 0;
    }
    default: return 0;
  }
}
