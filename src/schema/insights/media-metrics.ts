/**
 * Media insight metrics as data: which metric applies to which surface (feed post, carousel album,
 * reel, story) and in which Graph API versions. Meta retires and adds metrics often; changing this
 * table is the whole of following them. Source: ../shared/reference/graph-api.md §2.1 and §2.3.
 */

/** Where a media appears, which decides the metrics it has. */
export type MediaSurface = 'FEED' | 'ALBUM' | 'REELS' | 'STORY';

export const MEDIA_SURFACES: readonly MediaSurface[] = ['FEED', 'ALBUM', 'REELS', 'STORY'];

export interface MediaMetric {
  /** The Graph metric name (`metric=`). */
  readonly metric: string;
  /** The MediaInsights column. */
  readonly column: string;
  readonly type: 'Integer' | 'Double';
  readonly description: string;
  readonly surfaces: readonly MediaSurface[];
  /** First Graph API version (major) that serves it. */
  readonly since?: number;
  /** Meta retired it: requested never, the column stays (NULL) so old queries still run. */
  readonly retired?: string;
  /** The API errors when the media does not qualify (e.g. not shared to Facebook): asked alone, never grouped. */
  readonly alone?: boolean;
}

const ALL: readonly MediaSurface[] = ['FEED', 'ALBUM', 'REELS', 'STORY'];
const POSTS: readonly MediaSurface[] = ['FEED', 'ALBUM', 'REELS'];
const FEEDS: readonly MediaSurface[] = ['FEED', 'ALBUM'];

export const MEDIA_METRICS: readonly MediaMetric[] = [
  { metric: 'views', column: 'Views', type: 'Integer', surfaces: ALL, since: 22, description: 'Times the media was played or displayed (replaces impressions and plays from v22.0).' },
  { metric: 'reach', column: 'Reach', type: 'Integer', surfaces: ALL, description: 'Unique accounts that saw the media at least once (estimated).' },
  { metric: 'total_interactions', column: 'TotalInteractions', type: 'Integer', surfaces: ALL, since: 18, description: 'Likes, saves, comments and shares, minus unlikes, unsaves and deleted comments.' },
  { metric: 'likes', column: 'Likes', type: 'Integer', surfaces: POSTS, description: 'Likes on the media.' },
  { metric: 'comments', column: 'Comments', type: 'Integer', surfaces: POSTS, description: 'Comments on the media.' },
  { metric: 'saved', column: 'Saved', type: 'Integer', surfaces: POSTS, description: 'Times the media was saved.' },
  { metric: 'shares', column: 'Shares', type: 'Integer', surfaces: ALL, description: 'Times the media was shared.' },
  { metric: 'reposts', column: 'Reposts', type: 'Integer', surfaces: ALL, description: 'Times the media was reposted (Dec 2025).' },
  { metric: 'follows', column: 'Follows', type: 'Integer', surfaces: [...FEEDS, 'STORY'], description: 'Accounts that started following after seeing the media.' },
  { metric: 'profile_visits', column: 'ProfileVisits', type: 'Integer', surfaces: [...FEEDS, 'STORY'], description: 'Profile visits from the media.' },
  { metric: 'profile_activity', column: 'ProfileActivity', type: 'Integer', surfaces: [...FEEDS, 'STORY'], description: 'Actions taken on the profile after engaging with the media (total of all action types).' },
  { metric: 'navigation', column: 'Navigation', type: 'Integer', surfaces: ['STORY'], description: 'Story navigation actions (forward, back, exit, next story) in total.' },
  { metric: 'replies', column: 'Replies', type: 'Integer', surfaces: ['STORY'], description: 'Replies to the story (0 for creators in the EU and Japan).' },
  { metric: 'link_clicks', column: 'LinkClicks', type: 'Integer', surfaces: ['STORY'], description: 'Taps on the story\'s link sticker.' },
  { metric: 'ig_reels_avg_watch_time', column: 'ReelsAvgWatchTime', type: 'Integer', surfaces: ['REELS'], description: 'Average time the reel was watched, in milliseconds.' },
  { metric: 'ig_reels_video_view_total_time', column: 'ReelsVideoViewTotalTime', type: 'Integer', surfaces: ['REELS'], description: 'Total time the reel was watched, replays included, in milliseconds.' },
  { metric: 'reels_skip_rate', column: 'ReelsSkipRate', type: 'Double', surfaces: ['REELS'], description: 'Percentage of views that skipped the reel in its first three seconds (Dec 2025).' },
  { metric: 'total_likes', column: 'TotalLikes', type: 'Integer', surfaces: POSTS, description: 'Likes on Instagram and on Facebook for crossposted media (Apr 2026).' },
  { metric: 'total_comments', column: 'TotalComments', type: 'Integer', surfaces: POSTS, description: 'Comments on Instagram and on Facebook for crossposted media (Apr 2026).' },
  { metric: 'total_views', column: 'TotalViews', type: 'Integer', surfaces: ALL, description: 'Views on Instagram and on Facebook for crossposted media (Apr 2026).' },
  { metric: 'facebook_views', column: 'FacebookViews', type: 'Integer', surfaces: ALL, alone: true, description: 'Views on Facebook of media shared to Facebook (NULL when not shared).' },
  { metric: 'crossposted_views', column: 'CrosspostedViews', type: 'Integer', surfaces: ['REELS'], alone: true, description: 'Views of a reel crossposted to Facebook, both apps (NULL when not crossposted).' },
  { metric: 'impressions', column: 'Impressions', type: 'Integer', surfaces: [...FEEDS, 'STORY'], retired: 'retired by Meta on 2025-04-21 for all versions; use Views', description: 'Retired: always NULL. Use Views.' },
  { metric: 'plays', column: 'Plays', type: 'Integer', surfaces: ['REELS'], retired: 'retired by Meta on 2025-04-21 for all versions; use Views', description: 'Retired: always NULL. Use Views.' },
  { metric: 'video_views', column: 'VideoViews', type: 'Integer', surfaces: FEEDS, retired: 'retired by Meta on 2025-01-08 for all versions; use Views', description: 'Retired: always NULL. Use Views.' },
];

/** The surface of a media from its media_type and media_product_type. */
export function surfaceOf(mediaType: unknown, productType: unknown): MediaSurface {
  if (productType === 'STORY') return 'STORY';
  if (productType === 'REELS') return 'REELS';
  if (mediaType === 'CAROUSEL_ALBUM') return 'ALBUM';
  return 'FEED';
}

/** `v25.0` → 25. */
export function versionNumber(version: string): number {
  const match = /^v(\d+)\./.exec(version);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** Whether a metric can be asked for on this surface with this API version. */
export function servedFor(metric: MediaMetric, surface: MediaSurface, version: string): boolean {
  return metric.retired === undefined && metric.surfaces.includes(surface) && (metric.since === undefined || versionNumber(version) >= metric.since);
}
