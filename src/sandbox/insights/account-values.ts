/**
 * Account-level numbers, one set per account and day, seeded by (seed, account, day) only: the same
 * day has the same value in every request, whatever the window. Days are Pacific days as the API
 * reports them: the bucket of day d ends at `d × 24 h + 07:00 UTC` (`end_time` …T07:00:00+0000).
 * Scales follow the account's followers; weekdays are busier than weekends.
 */
import type { IgAccountRecord } from '../data/world.js';
import { rngFor } from '../data/rng.js';

export const DAY_MS = 86_400_000;
const BUCKET_END_OFFSET_MS = 7 * 3600_000;

export interface DayNumbers {
  readonly reach: number;
  readonly views: number;
  readonly accountsEngaged: number;
  readonly likes: number;
  readonly comments: number;
  readonly saves: number;
  readonly shares: number;
  readonly replies: number;
  readonly reposts: number;
  readonly follows: number;
  readonly unfollows: number;
  readonly profileViews: number;
  readonly websiteClicks: number;
  readonly profileLinksTaps: number;
}

/** End of day d's bucket, epoch ms. */
export function bucketEnd(day: number): number {
  return day * DAY_MS + BUCKET_END_OFFSET_MS;
}

/** Days whose bucket ends within [sinceMs, untilMs] and no later than nowMs (complete days only), oldest first. */
export function daysIn(sinceMs: number, untilMs: number, nowMs: number): number[] {
  const first = Math.ceil((sinceMs - BUCKET_END_OFFSET_MS) / DAY_MS);
  const last = Math.floor((Math.min(untilMs, nowMs) - BUCKET_END_OFFSET_MS) / DAY_MS);
  const days: number[] = [];
  for (let d = first; d <= last; d++) days.push(d);
  return days;
}

const WEEKDAY = [0.86, 1.0, 1.04, 1.1, 1.08, 1.0, 0.88]; // Sunday … Saturday

export function dayNumbers(seed: number, account: IgAccountRecord, day: number): DayNumbers {
  const rng = rngFor(seed, 'account-day', account.index, day);
  const between = (lo: number, hi: number): number => lo + rng.next() * (hi - lo);
  const followers = account.followersCount;
  const reach = Math.round(followers * between(0.05, 0.12) * WEEKDAY[(((day + 4) % 7) + 7) % 7]!);
  const accountsEngaged = Math.round(reach * between(0.03, 0.07));
  const likes = Math.round(accountsEngaged * between(1.2, 2.0));
  const shares = Math.round(likes * between(0.02, 0.08));
  const follows = Math.round(followers * between(0.0008, 0.003));
  const profileViews = Math.round(reach * between(0.02, 0.05));
  return {
    reach, views: Math.round(reach * between(1.4, 2.4)), accountsEngaged, likes,
    comments: Math.round(likes * between(0.02, 0.06)), saves: Math.round(likes * between(0.03, 0.1)), shares,
    replies: Math.round(reach * between(0.001, 0.004)), reposts: Math.round(shares * between(0.1, 0.3)),
    follows, unfollows: Math.round(follows * between(0.1, 0.6)), profileViews,
    websiteClicks: Math.round(profileViews * between(0.05, 0.15)), profileLinksTaps: Math.round(profileViews * between(0.02, 0.08)),
  };
}

/** A daily count metric's value on one day (`total_interactions` = likes + comments + saves + shares + replies). */
export function dailyValue(metric: string, n: DayNumbers): number {
  switch (metric) {
    case 'reach': return n.reach;
    case 'views': case 'impressions': return n.views;
    case 'accounts_engaged': return n.accountsEngaged;
    case 'likes': return n.likes;
    case 'comments': return n.comments;
    case 'saves': return n.saves;
    case 'shares': return n.shares;
    case 'replies': return n.replies;
    case 'reposts': return n.reposts;
    case 'total_interactions': return n.likes + n.comments + n.saves + n.shares + n.replies;
    case 'profile_views': return n.profileViews;
    case 'website_clicks': return n.websiteClicks;
    case 'profile_links_taps': return n.profileLinksTaps;
    case 'follower_count': return n.follows - n.unfollows;
    case 'follows_and_unfollows': return n.follows + n.unfollows;
    default: return 0;
  }
}

/** Unique counts over n days overlap: the sum scaled down (1 day: the day's value). */
export function uniqueOver(sum: number, days: number): number {
  return days <= 1 ? sum : Math.round(sum / Math.sqrt(1 + 0.2 * (days - 1)));
}

const HOURLY = [2, 1.2, 0.8, 0.6, 0.6, 0.9, 1.6, 2.6, 3.2, 3.4, 3.6, 3.9, 4.3, 4.1, 3.8, 3.6, 3.8, 4.2, 4.8, 5.3, 5.6, 5.2, 4.2, 3];

/** online_followers of one day: followers online per hour, keyed "0" … "23". */
export function onlineFollowers(seed: number, account: IgAccountRecord, day: number): Record<string, number> {
  const rng = rngFor(seed, 'online-followers', account.index, day);
  const scale = account.followersCount * (0.055 + rng.next() * 0.02);
  const out: Record<string, number> = {};
  HOURLY.forEach((w, hour) => {
    out[String(hour)] = Math.round((scale * w * (0.9 + rng.next() * 0.2)) / 5.6);
  });
  return out;
}
