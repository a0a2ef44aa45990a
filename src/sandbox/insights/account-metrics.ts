/**
 * The account insights table, as data: every metric `/{ig-user-id}/insights` accepts, with the
 * periods it takes per metric type, its breakdowns and version/date gates (graph-api.md §2.2, §2.3).
 * The 2026 table, plus follower_count, online_followers, profile_views and website_clicks, which the
 * live API still accepts (SWEEP, July 2026). Rows are in the order of the "must be one of" message.
 *
 *   timeSeries / totalValue  the periods the metric takes with that metric_type (absent: not that type)
 *   source                   how values are made (account-values.ts, demographics.ts)
 *   needsFollowers           nothing for accounts under `insightsMinFollowers` (Meta: 100) followers
 *   lastDays                 time series values only for the last N days
 */

export type Period = 'day' | 'week' | 'days_28' | 'lifetime';
export type MetricType = 'time_series' | 'total_value';
/** What the numbers are: a daily count, a daily unique count (not additive), or a special shape. */
export type Source = 'count' | 'unique' | 'followerCount' | 'online' | 'demographics' | 'follows';

export interface AccountMetricRow {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly timeSeries?: readonly Period[];
  readonly totalValue?: readonly Period[];
  readonly breakdowns: readonly string[];
  readonly source: Source;
  readonly versions?: readonly [number, number];
  readonly addedOn?: string;
  readonly retiredOn?: string;
  readonly needsFollowers?: boolean;
  readonly lastDays?: number;
}

const DAY: readonly Period[] = ['day'];
const BY_PRODUCT = ['media_product_type'];
const AUDIENCE = ['age', 'city', 'country', 'gender'];

export const ACCOUNT_METRICS: readonly AccountMetricRow[] = [
  { name: 'impressions', title: 'Impressions', description: 'Total number of times this profile has been seen', timeSeries: DAY, totalValue: DAY, breakdowns: [], source: 'count', versions: [0, 21], retiredOn: '2025-04-21' },
  { name: 'reach', title: 'Accounts reached', description: 'The number of unique accounts that have seen your content, at least once, including in ads. Content includes posts, stories, reels, videos and live videos. Reach is different from impressions, which may include multiple views of your content by the same accounts. This metric is estimated and in development.', timeSeries: ['day', 'week', 'days_28'], totalValue: DAY, breakdowns: ['media_product_type', 'follow_type'], source: 'unique' },
  { name: 'follower_count', title: 'Follower Count', description: 'The number of accounts that followed you, less the number that unfollowed you, each day.', timeSeries: DAY, breakdowns: [], source: 'followerCount', needsFollowers: true, lastDays: 30 },
  { name: 'website_clicks', title: 'Website Clicks', description: 'Total number of taps on the website link in this profile', totalValue: DAY, breakdowns: [], source: 'count' },
  { name: 'profile_views', title: 'Profile Views', description: 'Total number of unique accounts that have viewed this profile within the specified period', totalValue: DAY, breakdowns: [], source: 'count' },
  { name: 'online_followers', title: 'Online Followers', description: 'Total number of this profile\'s followers that were online during the specified period', timeSeries: ['lifetime'], breakdowns: [], source: 'online', needsFollowers: true, lastDays: 30 },
  { name: 'accounts_engaged', title: 'Accounts engaged', description: 'The number of accounts that have interacted with your content, including in ads. This metric is estimated.', totalValue: DAY, breakdowns: [], source: 'unique' },
  { name: 'total_interactions', title: 'Content interactions', description: 'The total number of post interactions, story interactions, reels interactions, video interactions and live video interactions, including any interactions on boosted content.', totalValue: DAY, breakdowns: BY_PRODUCT, source: 'count' },
  { name: 'likes', title: 'Likes', description: 'The number of likes on your posts, reels and videos.', totalValue: DAY, breakdowns: BY_PRODUCT, source: 'count' },
  { name: 'comments', title: 'Comments', description: 'The number of comments on your posts, reels, videos and live videos.', totalValue: DAY, breakdowns: BY_PRODUCT, source: 'count' },
  { name: 'shares', title: 'Shares', description: 'The number of shares of your posts, stories, reels, videos and live videos.', totalValue: DAY, breakdowns: BY_PRODUCT, source: 'count' },
  { name: 'saves', title: 'Saves', description: 'The number of saves of your posts, reels and videos.', totalValue: DAY, breakdowns: BY_PRODUCT, source: 'count' },
  { name: 'replies', title: 'Replies', description: 'The number of replies you received from your story, including text replies and quick reaction replies.', totalValue: DAY, breakdowns: [], source: 'count' },
  { name: 'engaged_audience_demographics', title: 'Engaged audience demographics', description: 'The demographic characteristics of the engaged audience, including countries, cities and gender distribution.', totalValue: ['lifetime'], breakdowns: AUDIENCE, source: 'demographics', needsFollowers: true },
  { name: 'follower_demographics', title: 'Follower demographics', description: 'The demographic characteristics of followers, including countries, cities and gender distribution.', totalValue: ['lifetime'], breakdowns: AUDIENCE, source: 'demographics', needsFollowers: true },
  { name: 'follows_and_unfollows', title: 'Follows and unfollows', description: 'The number of accounts that followed you and the number of accounts that unfollowed you or left Instagram in the selected time period.', totalValue: DAY, breakdowns: ['follow_type'], source: 'follows' },
  { name: 'profile_links_taps', title: 'Profile links taps', description: 'The number of taps on your business address, call button, email button and text button.', totalValue: DAY, breakdowns: ['contact_button_type'], source: 'count' },
  { name: 'views', title: 'Views', description: 'The number of times your content was played or displayed. Content includes reels, posts, stories.', totalValue: DAY, breakdowns: ['follower_type', 'media_product_type'], source: 'count', versions: [22, 99] },
  { name: 'reposts', title: 'Reposts', description: 'The number of times your content was reposted.', totalValue: DAY, breakdowns: [], source: 'count', addedOn: '2025-12-03' },
];

/** Upper-case breakdown values as the API spells them in answers (§2.2 "values seen"). */
export const ACCOUNT_BREAKDOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  media_product_type: ['POST', 'REEL', 'STORY', 'CAROUSEL_CONTAINER', 'AD', 'IGTV', 'AR_EFFECT_PREVIEW'],
  follow_type: ['FOLLOWER', 'NON_FOLLOWER', 'UNKNOWN'],
  follower_type: ['FOLLOWER', 'NON_FOLLOWER'],
  contact_button_type: ['BOOK_NOW', 'CALL', 'DIRECTION', 'EMAIL', 'INSTANT_EXPERIENCE', 'TEXT', 'UNDEFINED'],
};

export const PERIODS: readonly string[] = ['day', 'week', 'days_28', 'lifetime'];
export const METRIC_TYPES: readonly MetricType[] = ['time_series', 'total_value'];
/** Demographic timeframes left on every version since Aug 19, 2024 (v20.0 removed the others). */
export const TIMEFRAMES: readonly string[] = ['this_week', 'this_month'];

const byName = new Map(ACCOUNT_METRICS.map((row) => [row.name, row]));

export function accountMetricRow(name: string): AccountMetricRow | undefined {
  return byName.get(name);
}

/** Whether the metric takes this metric type at all. */
export function takesType(row: AccountMetricRow, type: MetricType): boolean {
  return (type === 'time_series' ? row.timeSeries : row.totalValue) !== undefined;
}
