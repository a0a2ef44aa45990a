/**
 * THE media insights matrix, as data: every metric the `/{ig-media-id}/insights` edge has known, on
 * which surfaces (feed image, feed video, carousel album, reel, story) and in which API versions and
 * dates it is served. Sources: graph-api.md §2.1 (2026 table), §2.3 (deprecations by version),
 * §2.4 (errors). Rows are in the order of Meta's own "must be one of" list (SWEEP, July 2026); the
 * legacy rows after it are served only by a clock before their retirement.
 *
 *   versions      [first, last] API version (major) that serves the metric; default every version
 *   olderVersions 'unsupported': before `versions[0]` the name is still valid but refused per media
 *                 (`views` on v21: "(#100) The Media Insights API does not support the views metric…")
 *   addedOn       served on every version from that day (Dec 3, 2025 and Apr 22, 2026 additions)
 *   retiredOn     gone from every version from that day (its name becomes invalid)
 *   keepListed    still a valid name after retirement, answered with `retiredMessage` (impressions)
 *   mediaBefore   only media posted before that day (impressions: Jul 2, 2024)
 *   breakdown     the one breakdown the metric takes (lower-case values in answers)
 *   facebookOnly  errors unless the media was shared to Facebook (`MediaRecord.sharedToFacebook`)
 */

/** Where a media appears: decides which metrics it has. Carousel children have none. */
export type MediaSurface = 'FEED_IMAGE' | 'FEED_VIDEO' | 'CAROUSEL_ALBUM' | 'REELS' | 'STORY';

export interface MediaMetricRow {
  readonly name: string;
  readonly title: string;
  /** `{noun}` is replaced by the surface's noun: post, video, carousel post, reel, story. */
  readonly description: string;
  readonly surfaces: readonly MediaSurface[];
  readonly versions?: readonly [number, number];
  readonly olderVersions?: 'unsupported';
  readonly addedOn?: string;
  readonly retiredOn?: string;
  readonly keepListed?: boolean;
  readonly mediaBefore?: string;
  readonly retiredMessage?: 'impressions';
  readonly breakdown?: string;
  readonly facebookOnly?: boolean;
}

const FEED: readonly MediaSurface[] = ['FEED_IMAGE', 'FEED_VIDEO', 'CAROUSEL_ALBUM'];
const POSTS: readonly MediaSurface[] = [...FEED, 'REELS'];
const ALL: readonly MediaSurface[] = [...POSTS, 'STORY'];
const FEED_AND_STORY: readonly MediaSurface[] = [...FEED, 'STORY'];
const DEC_2025 = '2025-12-03';
const APR_2026 = '2026-04-22';
const V22_ALL_VERSIONS = '2025-04-21';

export const MEDIA_METRICS: readonly MediaMetricRow[] = [
  { name: 'impressions', title: 'Impressions', description: 'Total number of times the media object has been seen', surfaces: FEED_AND_STORY, versions: [0, 21], retiredOn: V22_ALL_VERSIONS, keepListed: true, mediaBefore: '2024-07-02', retiredMessage: 'impressions' },
  { name: 'reach', title: 'Accounts reached', description: 'The number of unique accounts that have seen this {noun} at least once. Reach is different from views, which may include multiple views of your {noun} by the same accounts. This metric is estimated.', surfaces: ALL },
  { name: 'replies', title: 'Replies', description: 'The number of replies to this {noun}. Replies from creators in Europe (after Dec 1, 2020) and Japan (after Apr 14, 2021) are 0.', surfaces: ['STORY'] },
  { name: 'saved', title: 'Saves', description: 'The number of saves of this {noun}.', surfaces: POSTS },
  { name: 'likes', title: 'Likes', description: 'The number of likes on this {noun}.', surfaces: POSTS },
  { name: 'comments', title: 'Comments', description: 'The number of comments on this {noun}.', surfaces: POSTS },
  { name: 'shares', title: 'Shares', description: 'The number of shares of this {noun}.', surfaces: ALL },
  { name: 'total_interactions', title: 'Interactions', description: 'The number of likes, saves, comments and shares on this {noun}, minus the number of unlikes, unsaves and deleted comments.', surfaces: ALL },
  { name: 'follows', title: 'Follows', description: 'The number of accounts that started following you after seeing this {noun}.', surfaces: FEED_AND_STORY },
  { name: 'profile_visits', title: 'Profile visits', description: 'The number of times your profile was visited after people engaged with this {noun}.', surfaces: FEED_AND_STORY },
  { name: 'profile_activity', title: 'Profile activity', description: '[IG Insights] This header is the name of a metric that appears on an educational info sheet for a particular for a particular post, story, video or promotion. This metric is the sum of all profile actions people take when they engage with this content.', surfaces: FEED_AND_STORY, breakdown: 'action_type' },
  { name: 'navigation', title: 'Navigation', description: 'The number of actions people took to navigate away from this story: forward and back taps, exits and swipes to the next story.', surfaces: ['STORY'], breakdown: 'story_navigation_action_type' },
  { name: 'ig_reels_video_view_total_time', title: 'Watch time', description: 'The total amount of time this reel was played, including any time spent replaying it, in milliseconds.', surfaces: ['REELS'] },
  { name: 'ig_reels_avg_watch_time', title: 'Average watch time', description: 'The average amount of time spent playing this reel, in milliseconds.', surfaces: ['REELS'] },
  { name: 'views', title: 'Views', description: 'The number of times this {noun} was played or displayed.', surfaces: ALL, versions: [22, 99], olderVersions: 'unsupported' },
  { name: 'reels_skip_rate', title: 'Skip rate', description: 'The percentage of views of this reel that skipped it within the first three seconds.', surfaces: ['REELS'], addedOn: DEC_2025 },
  { name: 'reposts', title: 'Reposts', description: 'The number of times this {noun} was reposted.', surfaces: ALL, addedOn: DEC_2025 },
  { name: 'facebook_views', title: 'Facebook views', description: 'The number of times this {noun} was played or displayed on Facebook.', surfaces: ALL, addedOn: DEC_2025, facebookOnly: true },
  { name: 'crossposted_views', title: 'Crossposted views', description: 'The number of times this reel was played or displayed on Instagram and Facebook.', surfaces: ['REELS'], addedOn: DEC_2025, facebookOnly: true },
  { name: 'total_views', title: 'Total views', description: 'The number of times this {noun} was played or displayed on Instagram and, when it was shared there, on Facebook.', surfaces: ALL, addedOn: APR_2026 },
  { name: 'total_likes', title: 'Total likes', description: 'The number of likes on this {noun} on Instagram and, when it was shared there, on Facebook.', surfaces: POSTS, addedOn: APR_2026 },
  { name: 'total_comments', title: 'Total comments', description: 'The number of comments on this {noun} on Instagram and, when it was shared there, on Facebook.', surfaces: POSTS, addedOn: APR_2026 },
  { name: 'link_clicks', title: 'Link clicks', description: 'The number of taps on the link sticker of this story.', surfaces: ['STORY'] },
  // ---- legacy: served only by versions or dates the sandbox reaches with an old clock ----
  { name: 'plays', title: 'Plays', description: 'The number of times this reel started to play.', surfaces: ['REELS'], versions: [0, 21], retiredOn: V22_ALL_VERSIONS },
  { name: 'clips_replays_count', title: 'Replays', description: 'The number of times this reel started to play again after an initial play.', surfaces: ['REELS'], versions: [0, 21], retiredOn: V22_ALL_VERSIONS },
  { name: 'ig_reels_aggregated_all_plays_count', title: 'Plays', description: 'The number of times this reel started to play, replays included.', surfaces: ['REELS'], versions: [0, 21], retiredOn: V22_ALL_VERSIONS },
  { name: 'video_views', title: 'Video views', description: 'Total number of times the video has been seen', surfaces: ['FEED_VIDEO', 'CAROUSEL_ALBUM'], versions: [0, 20], retiredOn: '2025-01-08' },
  { name: 'engagement', title: 'Engagement', description: 'Total number of likes and comments on the media object', surfaces: ['FEED_IMAGE', 'FEED_VIDEO'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'carousel_album_engagement', title: 'Carousel Album Engagement', description: 'Total number of likes and comments on the album', surfaces: ['CAROUSEL_ALBUM'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'carousel_album_impressions', title: 'Carousel Album Impressions', description: 'Total number of times the album has been seen', surfaces: ['CAROUSEL_ALBUM'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'carousel_album_reach', title: 'Carousel Album Reach', description: 'Total number of unique accounts that have seen the album', surfaces: ['CAROUSEL_ALBUM'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'carousel_album_saved', title: 'Carousel Album Saved', description: 'Total number of unique accounts that have saved the album', surfaces: ['CAROUSEL_ALBUM'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'carousel_album_video_views', title: 'Carousel Album Video Views', description: 'Total number of unique accounts that have viewed video in the album', surfaces: ['CAROUSEL_ALBUM'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'taps_forward', title: 'Taps Forward', description: 'Total number of taps to see this story\'s next photo or video', surfaces: ['STORY'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'taps_back', title: 'Taps Back', description: 'Total number of taps to see this story\'s previous photo or video', surfaces: ['STORY'], versions: [0, 17], retiredOn: '2023-12-11' },
  { name: 'exits', title: 'Exits', description: 'Number of times someone exited the story', surfaces: ['STORY'], versions: [0, 17], retiredOn: '2023-12-11' },
];

/** Breakdown values (answers are lower-case, graph-api.md §2.1). */
export const MEDIA_BREAKDOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  action_type: ['bio_link_clicked', 'call', 'direction', 'email', 'other', 'text'],
  story_navigation_action_type: ['tap_forward', 'tap_back', 'tap_exit', 'swipe_forward'],
};

export const SURFACE_NOUNS: Readonly<Record<MediaSurface, string>> = {
  FEED_IMAGE: 'post', FEED_VIDEO: 'video', CAROUSEL_ALBUM: 'carousel post', REELS: 'reel', STORY: 'story',
};

const byName = new Map(MEDIA_METRICS.map((row) => [row.name, row]));

export function mediaMetricRow(name: string): MediaMetricRow | undefined {
  return byName.get(name);
}
