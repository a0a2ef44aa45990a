import { defineView } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col, toDate } from '../graph-columns.js';
import {
  canonicalMetricType,
  canonicalPeriod,
  fetchInsights,
  planRequests,
  windows,
} from '../insights/account-insights-fetch.js';
import { ACCOUNT_METRICS, MAX_WINDOW_SECONDS } from '../insights/account-metrics.js';
import { accountsInScope, echo, pushedRange, pushedValue, pushedValues } from '../pushed.js';
import type { Row } from '../types.js';
import type { ViewApi, ViewContext } from '../view-api.js';

const columns = [
  col('AccountId', 'String', 'The IG account (a pushed filter).'),
  col('Metric', 'String', `The metric (a pushed filter): ${ACCOUNT_METRICS.map((m) => m.metric).join(', ')}.`),
  col('Period', 'String', 'day (default), week or days_28 (a pushed input).'),
  col('MetricType', 'String', 'time_series (a value per period) or total_value (one total over the window); by default each metric\'s natural type (a pushed input).'),
  col('Breakdown', 'String', 'A breakdown to split total values by: media_product_type, follow_type, follower_type or contact_button_type (a pushed input).'),
  col('BreakdownValue', 'String', 'The breakdown value of the row (e.g. REEL, FOLLOWER); NULL without a breakdown.'),
  col('StartTime', 'Datetime', 'Start of the period or window the value covers.'),
  col('EndTime', 'Datetime', 'End of the period or window the value covers (a pushed filter: since/until).'),
  col('Value', 'Integer', 'The metric value.'),
  col('Since', 'Datetime', 'Start of the time window (a pushed input; default 30 days before Until).', { pseudo: true }),
  col('Until', 'Datetime', 'End of the time window (a pushed input; default now).', { pseudo: true }),
];

/**
 * A fixed setting of AccountInsights: CData's per-breakdown views (AccountFollowType…) and our
 * daily / totals views are AccountInsights with one input fixed and, for `daily`, one window per day.
 */
export interface AccountInsightsVariant {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly metricType?: 'time_series' | 'total_value';
  readonly breakdown?: string;
  /** One total per day (total values over one-day windows) instead of one over the window. */
  readonly daily?: boolean;
  readonly example: { readonly description: string; readonly sql: string };
}

export const accountInsightsView = makeAccountInsightsView({
  name: 'AccountInsights',
  aliases: ['AccountInsight', 'UserInsights'],
  description:
    'Account-level insights in long form: one row per metric and period (time series) or per metric and window (total values), optionally split by a breakdown.',
  example: { description: 'Daily reach and new followers of the last 30 days', sql: "SELECT EndTime, Metric, Value FROM AccountInsights WHERE Metric IN ('reach', 'follower_count') ORDER BY EndTime" },
});

export function makeAccountInsightsView(variant: AccountInsightsVariant) {
  const fixed = new Set([...(variant.metricType ? ['MetricType'] : []), ...(variant.breakdown !== undefined ? ['Breakdown'] : [])]);
  const fixedNote = [
    variant.metricType ? `MetricType is ${variant.metricType}` : '',
    variant.breakdown !== undefined ? `Breakdown is ${variant.breakdown}` : '',
    variant.daily ? 'total values are read one day at a time (one request per account, metric group and day), time series per day' : '',
  ].filter(Boolean);
  return defineView<ViewApi>({
    name: variant.name,
    aliases: variant.aliases,
    description: variant.description,
    columns,
    keyColumns: [
      { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
      { column: 'Metric', operators: ['=', 'in'], require: 'optional' },
      { column: 'Period', operators: ['='], require: 'optional' },
      ...(fixed.has('MetricType') ? [] : [{ column: 'MetricType', operators: ['='] as const, require: 'optional' as const }]),
      ...(fixed.has('Breakdown') ? [] : [{ column: 'Breakdown', operators: ['='] as const, require: 'optional' as const }]),
      { column: 'EndTime', operators: ['<', '<=', '>', '>='], require: 'optional' },
      { column: 'Since', operators: ['='], require: 'optional' },
      { column: 'Until', operators: ['='], require: 'optional' },
    ],
    examples: [
      variant.example,
      ...(variant.name === 'AccountInsights'
        ? [{ description: 'Views over a quarter, by surface', sql: "SELECT BreakdownValue, SUM(Value) AS Views FROM AccountInsights WHERE Metric = 'views' AND Breakdown = 'media_product_type' AND Since = '2026-07-01' AND Until = '2026-10-01' GROUP BY BreakdownValue" }]
        : []),
    ],
    notes: [
      ...(fixedNote.length > 0 ? [`AccountInsights with fixed inputs: ${fixedNote.join('; ')}.`] : []),
      'Needs instagram_basic and instagram_manage_insights.',
      'Windows longer than the API\'s 30 days are split into 30-day requests, so any range works.',
      'follower_count is a daily change (not a total) and needs 100+ followers; data lags up to 48 hours.',
      'Demographics are in AudienceInsights; online_followers in OnlineFollowers.',
    ],
    list: (ctx) => listAccountInsights(ctx, variant),
    describe(ctx) {
      const requests = plan(ctx, variant);
      const per = variant.daily ? 'per account, per day' : 'per account, per 30-day window';
      return requests.map((r) => `GET /{ig-user-id}/insights?metric=${r.metrics.join(',')}&period=${r.period}&metric_type=${r.metricType}${r.breakdown ? `&breakdown=${r.breakdown}` : ''}&since=…&until=… (${per})`);
    },
  });
}

function plan(ctx: ViewContext, variant: AccountInsightsVariant) {
  return planRequests(
    pushedValues(ctx, 'Metric')?.map((m) => m.toLowerCase()),
    canonicalPeriod(pushedValue(ctx, 'Period')),
    variant.metricType ?? canonicalMetricType(pushedValue(ctx, 'MetricType')),
    variant.breakdown ?? pushedValue(ctx, 'Breakdown')?.toLowerCase(),
  );
}

function window(ctx: ViewContext): { since: number; until: number } {
  const range = pushedRange(ctx, 'EndTime');
  const untilDate = toDate(pushedValue(ctx, 'Until')) ?? range.until ?? ctx.api.now();
  const until = Math.floor(untilDate.getTime() / 1000);
  const sinceDate = toDate(pushedValue(ctx, 'Since')) ?? range.since;
  const since = sinceDate ? Math.floor(sinceDate.getTime() / 1000) : until - MAX_WINDOW_SECONDS;
  return { since, until };
}

/** One-day windows, oldest first; the last one may be shorter. */
function days(since: number, until: number): { since: number; until: number }[] {
  const out: { since: number; until: number }[] = [];
  for (let start = since; start < until; start += DAY_SECONDS) out.push({ since: start, until: Math.min(until, start + DAY_SECONDS) });
  return out;
}

const DAY_SECONDS = 86_400;

async function* listAccountInsights(ctx: ViewContext, variant: AccountInsightsVariant): AsyncGenerator<Row[]> {
  const requests = plan(ctx, variant);
  const span = window(ctx);
  const since = toDate(span.since);
  const until = toDate(span.until);
  const jobs = [];
  for (const account of await accountsInScope(ctx)) {
    for (const request of requests) {
      const spans = variant.daily && request.metricType === 'total_value' ? days(span.since, span.until) : windows(span.since, span.until);
      for (const w of spans) jobs.push({ account: account.id, request, w });
    }
  }
  for await (const rows of ordered(jobs, ctx.api.concurrency, (job) => fetchInsights(ctx, job.account, job.request, job.w))) {
    if (rows.length > 0) yield rows.map((row) => echoed(ctx, row, since, until));
  }
}

/** The user's spelling of the inputs, so the engine's re-check of WHERE keeps the rows. */
function echoed(ctx: ViewContext, row: Row, since: Date | null, until: Date | null): Row {
  return {
    ...row,
    Metric: echo(ctx, 'Metric', String(row['Metric'])),
    Period: echo(ctx, 'Period', String(row['Period']), (v) => canonicalPeriod(v)),
    MetricType: echo(ctx, 'MetricType', String(row['MetricType']), (v) => canonicalMetricType(v) ?? ''),
    Breakdown: row['Breakdown'] === null ? null : echo(ctx, 'Breakdown', String(row['Breakdown'])),
    Since: since,
    Until: until,
  };
}
