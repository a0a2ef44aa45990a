/**
 * The entries of an account insights answer for a checked request (account-request.ts):
 *   time_series  `values: [{ value, end_time }]`, one per complete day bucket in [since, until]
 *                (week / days_28: rolling sums ending there; online_followers: `value` keyed "0"…"23")
 *   total_value  `total_value: { value, breakdowns?: [{ dimension_keys, results }] }` over the window
 *   demographics `total_value: { breakdowns }` (top 45; engaged audience adds a leading `timeframe` key)
 * No data → the metric is left out of `data`: accounts under `insightsMinFollowers` for follower_count,
 * online_followers and demographics, days older than 30 days, windows without a complete day.
 * follows_and_unfollows over a window without a complete day keeps its entry but has no `total_value`.
 */
import { graphTimestamp } from '../clock.js';
import type { RequestContext } from '../context.js';
import type { IgAccountRecord } from '../data/world.js';
import { rngFor } from '../data/rng.js';
import { allocate } from './allocate.js';
import { ACCOUNT_BREAKDOWN_VALUES, type AccountMetricRow } from './account-metrics.js';
import type { AccountRequest } from './account-request.js';
import { bucketEnd, dailyValue, DAY_MS, dayNumbers, daysIn, onlineFollowers, uniqueOver } from './account-values.js';
import { demographicResults } from './demographics.js';
import type { InsightRecord } from './insight-record.js';

const ROLLING_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, days_28: 28 };
const ENGAGED_DAYS: Readonly<Record<string, number>> = { this_week: 7, this_month: 30 };

const BASE_WEIGHTS: Readonly<Record<string, readonly number[]>> = {
  media_product_type: [0.3, 0.34, 0.14, 0.14, 0.06, 0.0008, 0.0004],
  follow_type: [0.62, 0.37, 0.01],
  follower_type: [0.58, 0.42],
  contact_button_type: [0.05, 0.2, 0.25, 0.2, 0.02, 0.18, 0.1],
};
/** media_product_type values each metric can have (likes are not on stories or ads). */
const PRODUCT_TYPES: Readonly<Record<string, readonly string[]>> = {
  likes: ['POST', 'REEL', 'CAROUSEL_CONTAINER'], comments: ['POST', 'REEL', 'CAROUSEL_CONTAINER'], saves: ['POST', 'REEL', 'CAROUSEL_CONTAINER'],
  shares: ['POST', 'REEL', 'STORY', 'CAROUSEL_CONTAINER'], total_interactions: ['POST', 'REEL', 'STORY', 'CAROUSEL_CONTAINER'],
};

interface Job {
  readonly account: IgAccountRecord;
  readonly request: AccountRequest;
  readonly seed: number;
  readonly nowMs: number;
  readonly days: readonly number[];
}

export function accountInsights(req: RequestContext, account: IgAccountRecord, request: AccountRequest): InsightRecord[] {
  const nowMs = req.clock.now();
  const job: Job = { account, request, seed: req.app.options.seed, nowMs, days: daysIn(request.since * 1000, request.until * 1000, nowMs) };
  const small = account.followersCount < req.app.options.insightsMinFollowers;
  const out: InsightRecord[] = [];
  for (const row of request.rows) {
    if (row.needsFollowers === true && small) continue;
    const base = { id: `${account.id}/insights/${row.name}/${request.period}`, name: row.name, period: request.period, title: row.title, description: row.description };
    if (row.source === 'demographics') {
      out.push({ ...base, totalValue: demographics(job, row) });
    } else if (request.metricType === 'time_series') {
      const values = timeSeries(job, row);
      if (values.length > 0) out.push({ ...base, values });
    } else {
      const totalValue = total(job, row);
      out.push(totalValue === undefined ? base : { ...base, totalValue });
    }
  }
  return out;
}

function valueOn(job: Job, metric: string, day: number): number {
  return dailyValue(metric, dayNumbers(job.seed, job.account, day));
}

function timeSeries(job: Job, row: AccountMetricRow): { value: unknown; end_time: string }[] {
  const oldest = row.lastDays === undefined ? -Infinity : job.nowMs - row.lastDays * DAY_MS;
  const rolling = ROLLING_DAYS[job.request.period] ?? 1;
  return job.days.filter((day) => bucketEnd(day) >= oldest).map((day) => {
    let value: unknown;
    if (row.source === 'online') value = onlineFollowers(job.seed, job.account, day);
    else if (rolling === 1) value = valueOn(job, row.name, day);
    else {
      let sum = 0;
      for (let k = 0; k < rolling; k++) sum += valueOn(job, row.name, day - k);
      value = uniqueOver(sum, rolling);
    }
    return { value, end_time: graphTimestamp(bucketEnd(day)) };
  });
}

function total(job: Job, row: AccountMetricRow): Record<string, unknown> | undefined {
  const { breakdowns } = job.request;
  if (row.source === 'follows') {
    let follows = 0;
    let unfollows = 0;
    for (const day of job.days) {
      const n = dayNumbers(job.seed, job.account, day);
      follows += n.follows;
      unfollows += n.unfollows;
    }
    if (follows + unfollows === 0) return undefined;
    if (breakdowns.length === 0) return { value: follows + unfollows };
    const results = [['FOLLOWER', follows], ['NON_FOLLOWER', unfollows]].filter(([, v]) => (v as number) > 0)
      .map(([label, v]) => ({ dimension_values: [label], value: v }));
    return { value: follows + unfollows, breakdowns: [{ dimension_keys: ['follow_type'], results }] };
  }
  const sum = job.days.reduce((acc, day) => acc + valueOn(job, row.name, day), 0);
  const value = row.source === 'unique' ? uniqueOver(sum, job.days.length) : sum;
  if (breakdowns.length === 0) return { value };
  return { value, breakdowns: [{ dimension_keys: [...breakdowns], results: crossed(job, row.name, breakdowns, value) }] };
}

/** Results of `value` split over the crossed breakdown values, zero groups left out. */
function crossed(job: Job, metric: string, dimensions: readonly string[], value: number): { dimension_values: string[]; value: number }[] {
  let groups: { labels: string[]; weight: number }[] = [{ labels: [], weight: 1 }];
  for (const dimension of dimensions) {
    const all = ACCOUNT_BREAKDOWN_VALUES[dimension]!;
    const labels = dimension === 'media_product_type' ? (PRODUCT_TYPES[metric] ?? all) : all;
    const rng = rngFor(job.seed, 'account-breakdown', job.account.index, metric, dimension);
    const weights = labels.map((label) => BASE_WEIGHTS[dimension]![all.indexOf(label)]! * (0.7 + rng.next() * 0.6));
    groups = groups.flatMap((g) => labels.map((label, i) => ({ labels: [...g.labels, label], weight: g.weight * weights[i]! })));
  }
  const parts = allocate(value, groups.map((g) => g.weight));
  return groups.map((g, i) => ({ dimension_values: g.labels, value: parts[i]! })).filter((r) => r.value > 0);
}

function demographics(job: Job, row: AccountMetricRow): Record<string, unknown> {
  const { account, request } = job;
  const engaged = row.name === 'engaged_audience_demographics';
  let audience = account.followersCount;
  const timeframe = request.timeframe ?? 'this_month';
  if (engaged) {
    const span = ENGAGED_DAYS[timeframe] ?? 30;
    const days = daysIn(job.nowMs - span * DAY_MS, job.nowMs, job.nowMs);
    audience = uniqueOver(days.reduce((acc, day) => acc + valueOn(job, 'accounts_engaged', day), 0), days.length);
  }
  if (request.breakdowns.length === 0) return { value: audience };
  const keys = engaged ? ['timeframe', ...request.breakdowns] : [...request.breakdowns];
  const prefix = engaged ? [timeframe.toUpperCase()] : [];
  return { breakdowns: [{ dimension_keys: keys, results: demographicResults(job.seed, account, request.breakdowns, audience, prefix) }] };
}
