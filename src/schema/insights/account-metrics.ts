/**
 * Account (IG user) insight metrics as data: the periods, metric types and breakdowns each one
 * accepts. Source: ../shared/reference/graph-api.md §2.2 (2026 table plus metrics the live API
 * still accepts).
 */

export type MetricType = 'time_series' | 'total_value';

export interface AccountMetric {
  readonly metric: string;
  readonly description: string;
  readonly periods: readonly string[];
  readonly metricTypes: readonly MetricType[];
  readonly breakdowns: readonly string[];
}

const DAY = ['day'];
const TOTAL: readonly MetricType[] = ['total_value'];
const BY_PRODUCT = ['media_product_type'];

export const ACCOUNT_METRICS: readonly AccountMetric[] = [
  { metric: 'reach', periods: ['day', 'week', 'days_28'], metricTypes: ['time_series', 'total_value'], breakdowns: ['media_product_type', 'follow_type'], description: 'Unique accounts that saw any of the account\'s content.' },
  { metric: 'follower_count', periods: DAY, metricTypes: ['time_series'], breakdowns: [], description: 'New followers per day (a daily change, not a running total; accounts with 100+ followers; last 30 days).' },
  { metric: 'views', periods: DAY, metricTypes: TOTAL, breakdowns: ['follower_type', 'media_product_type'], description: 'Times the account\'s content was played or displayed.' },
  { metric: 'accounts_engaged', periods: DAY, metricTypes: TOTAL, breakdowns: [], description: 'Accounts that interacted with the content.' },
  { metric: 'total_interactions', periods: DAY, metricTypes: TOTAL, breakdowns: BY_PRODUCT, description: 'Likes, saves, comments, shares, reposts and replies on the content.' },
  { metric: 'likes', periods: DAY, metricTypes: TOTAL, breakdowns: BY_PRODUCT, description: 'Likes on the content.' },
  { metric: 'comments', periods: DAY, metricTypes: TOTAL, breakdowns: BY_PRODUCT, description: 'Comments on the content.' },
  { metric: 'saves', periods: DAY, metricTypes: TOTAL, breakdowns: BY_PRODUCT, description: 'Saves of the content.' },
  { metric: 'shares', periods: DAY, metricTypes: TOTAL, breakdowns: BY_PRODUCT, description: 'Shares of the content.' },
  { metric: 'replies', periods: DAY, metricTypes: TOTAL, breakdowns: [], description: 'Replies to stories.' },
  { metric: 'reposts', periods: DAY, metricTypes: TOTAL, breakdowns: [], description: 'Reposts of the content.' },
  { metric: 'follows_and_unfollows', periods: DAY, metricTypes: TOTAL, breakdowns: ['follow_type'], description: 'Accounts that followed or unfollowed.' },
  { metric: 'profile_links_taps', periods: DAY, metricTypes: TOTAL, breakdowns: ['contact_button_type'], description: 'Taps on the profile\'s contact buttons.' },
  { metric: 'profile_views', periods: DAY, metricTypes: TOTAL, breakdowns: [], description: 'Profile visits.' },
  { metric: 'website_clicks', periods: DAY, metricTypes: TOTAL, breakdowns: [], description: 'Taps on the website link in the profile.' },
];

export const DEMOGRAPHIC_METRICS = ['follower_demographics', 'engaged_audience_demographics'] as const;
export const AUDIENCE_TYPES = ['age', 'city', 'country', 'gender'] as const;
export const TIMEFRAMES = ['this_month', 'this_week', 'last_14_days', 'last_30_days', 'last_90_days', 'prev_month'] as const;
/** The API keeps 30 days between since and until at most. */
export const MAX_WINDOW_SECONDS = 30 * 24 * 3600;

export function accountMetric(name: string): AccountMetric | undefined {
  return ACCOUNT_METRICS.find((m) => m.metric === name.toLowerCase());
}
