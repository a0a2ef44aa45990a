/**
 * Account insights requests: resolving the query's inputs (metrics, period, metric type,
 * breakdown, time window) against the metric table, splitting windows longer than the API's
 * 30 days, and turning time-series and total-value answers into long rows.
 */
import { GraphApiError, IgsqlError } from '../../errors.js';
import { toDate } from '../graph-columns.js';
import type { Row, SqlValue } from '../types.js';
import type { GraphNode, ViewContext } from '../view-api.js';
import { refusedMetric } from './refused-metric.js';
import { ACCOUNT_METRICS, accountMetric, MAX_WINDOW_SECONDS, type AccountMetric, type MetricType } from './account-metrics.js';

export interface AccountInsightsRequest {
  readonly metrics: readonly string[];
  readonly period: string;
  readonly metricType: MetricType;
  readonly breakdown: string | undefined;
}

const PERIOD_ALIASES: Record<string, string> = { day: 'day', week: 'week', days_28: 'days_28', '28 days': 'days_28', '28days': 'days_28', lifetime: 'lifetime' };
const PERIOD_SECONDS: Record<string, number> = { day: 86400, week: 7 * 86400, days_28: 28 * 86400 };

export function canonicalPeriod(value: string | undefined): string {
  if (value === undefined) return 'day';
  const period = PERIOD_ALIASES[value.toLowerCase()];
  if (!period) throw new IgsqlError('sql-plan', `Period '${value}' is not valid; use one of day, week, days_28.`);
  return period;
}

export function canonicalMetricType(value: string | undefined): MetricType | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'time_series' || lower === 'default') return 'time_series';
  if (lower === 'total_value') return 'total_value';
  throw new IgsqlError('sql-plan', `MetricType '${value}' is not valid; use time_series or total_value.`);
}

/** Groups the metrics into requests that share period, metric type and breakdown. */
export function planRequests(metricNames: readonly string[] | undefined, period: string, metricType: MetricType | undefined, breakdown: string | undefined): AccountInsightsRequest[] {
  const explicit = metricNames !== undefined;
  const type = metricType ?? (breakdown ? 'total_value' : undefined);
  const chosen: { metric: AccountMetric; type: MetricType }[] = [];
  const candidates = explicit ? metricNames.map((name) => known(name)) : ACCOUNT_METRICS;
  for (const metric of candidates) {
    const problem = misfit(metric, period, type, breakdown);
    if (problem === undefined) chosen.push({ metric, type: type ?? metric.metricTypes[0]! });
    else if (explicit) throw new IgsqlError('sql-plan', `AccountInsights: ${problem}.`);
  }
  const groups = new Map<string, { metrics: string[]; type: MetricType }>();
  for (const { metric, type: t } of chosen) {
    const group = groups.get(t) ?? { metrics: [], type: t };
    group.metrics.push(metric.metric);
    groups.set(t, group);
  }
  return [...groups.values()].map((g) => ({ metrics: g.metrics, period, metricType: g.type, breakdown }));
}

function known(name: string): AccountMetric {
  const metric = accountMetric(name);
  if (!metric) {
    throw new IgsqlError('sql-plan', `AccountInsights has no metric '${name}'; valid metrics: ${ACCOUNT_METRICS.map((m) => m.metric).join(', ')} (demographics are in AudienceInsights, online_followers in OnlineFollowers).`);
  }
  return metric;
}

function misfit(metric: AccountMetric, period: string, type: MetricType | undefined, breakdown: string | undefined): string | undefined {
  if (!metric.periods.includes(period)) return `metric ${metric.metric} has no period ${period} (valid: ${metric.periods.join(', ')})`;
  if (type && !metric.metricTypes.includes(type)) return `metric ${metric.metric} has no metric type ${type} (valid: ${metric.metricTypes.join(', ')})`;
  if (breakdown) {
    const missing = breakdown.split(',').find((b) => !metric.breakdowns.includes(b.trim()));
    if (missing !== undefined) return `metric ${metric.metric} has no breakdown ${missing}${metric.breakdowns.length ? ` (valid: ${metric.breakdowns.join(', ')})` : ' (it takes none)'}`;
  }
  return undefined;
}

/** Cuts [since, until] (unix seconds) into windows of at most 30 days, oldest first. */
export function windows(since: number, until: number): { since: number; until: number }[] {
  const out: { since: number; until: number }[] = [];
  for (let start = since; start < until; start += MAX_WINDOW_SECONDS) out.push({ since: start, until: Math.min(until, start + MAX_WINDOW_SECONDS) });
  return out.length > 0 ? out : [{ since, until }];
}

/** Rows of one answer `{ data: [ { name, period, values | total_value } ] }`. */
export function answerRows(answer: GraphNode, request: AccountInsightsRequest, window: { since: number; until: number }, accountId: string): Row[] {
  const rows: Row[] = [];
  const data = Array.isArray(answer['data']) ? (answer['data'] as GraphNode[]) : [];
  for (const entry of data) {
    const base = { AccountId: accountId, Metric: String(entry['name']), Period: String(entry['period'] ?? request.period), MetricType: request.metricType, Breakdown: request.breakdown ?? null, BreakdownValue: null };
    if (request.metricType === 'time_series') {
      for (const point of (entry['values'] as GraphNode[] | undefined) ?? []) {
        const end = toDate(point['end_time']);
        const start = end ? new Date(end.getTime() - (PERIOD_SECONDS[request.period] ?? 86400) * 1000) : null;
        rows.push({ ...base, StartTime: start, EndTime: end, Value: numeric(point['value']) });
      }
      continue;
    }
    const total = entry['total_value'] as { value?: unknown; breakdowns?: GraphNode[] } | undefined;
    if (!total) continue;
    const span = { StartTime: new Date(window.since * 1000), EndTime: new Date(window.until * 1000) };
    const breakdowns = total.breakdowns ?? [];
    if (request.breakdown && breakdowns.length > 0) {
      for (const b of breakdowns) {
        for (const result of (b['results'] as GraphNode[] | undefined) ?? []) {
          rows.push({ ...base, ...span, BreakdownValue: ((result['dimension_values'] as unknown[]) ?? []).join(','), Value: numeric(result['value']) });
        }
      }
    } else {
      rows.push({ ...base, ...span, Value: numeric(total.value) });
    }
  }
  return rows;
}

function numeric(value: unknown): SqlValue {
  return typeof value === 'number' ? value : null;
}

/** One request; a metric the API refuses is dropped (with a warning) and the rest asked again. */
export async function fetchInsights(ctx: ViewContext, accountId: string, request: AccountInsightsRequest, window: { since: number; until: number }): Promise<Row[]> {
  let metrics = [...request.metrics];
  while (metrics.length > 0) {
    const params = {
      metric: metrics.join(','),
      period: request.period,
      metric_type: request.metricType,
      breakdown: request.breakdown,
      since: window.since,
      until: window.until,
    };
    try {
      const answer = await ctx.api.graph.get(`/${accountId}/insights`, params, { signal: ctx.signal });
      return answerRows(answer, { ...request, metrics }, window, accountId);
    } catch (error) {
      if (!(error instanceof GraphApiError) || error.graphCode !== 100) throw error;
      const refused = refusedMetric(error.message, metrics);
      if (refused === undefined) throw error;
      ctx.api.warn(`account ${accountId}: the API refused metric ${refused} (${error.message})`, { metric: refused });
      metrics = metrics.filter((m) => m !== refused);
    }
  }
  return [];
}
