/**
 * The parameters of `GET /{ig-user-id}/insights`, checked in this order (each failure is the answer):
 *   metric present → period present → every metric name valid for this version and date →
 *   period value known → metric_type known → every metric takes that metric_type → every metric
 *   takes that period → breakdown only with total_value → every metric takes every breakdown →
 *   demographic timeframe (required for engaged_audience_demographics; this_week or this_month) →
 *   since/until readable, in order, at most 30 days apart (default: the last 24 hours).
 */
import type { RequestContext } from '../context.js';
import { missingParameter } from '../graph-error.js';
import { timeWindow } from '../paging/time.js';
import {
  ACCOUNT_METRICS, accountMetricRow, METRIC_TYPES, PERIODS, takesType, TIMEFRAMES,
  type AccountMetricRow, type MetricType, type Period,
} from './account-metrics.js';
import {
  breakdownNeedsTotalValue, invalidEnum, invalidMetric, invalidPeriod, unsupportedBreakdown, windowReversed, windowTooLong, wrongMetricType,
} from './insight-errors.js';
import { aliveOn, inVersions, type Gate } from './media-gates.js';
import { listParam } from './media-insights.js';

export const MAX_WINDOW_SECONDS = 30 * 86_400;
const DAY_SECONDS = 86_400;

export interface AccountRequest {
  /** Requested metrics in order, duplicates removed. */
  readonly rows: readonly AccountMetricRow[];
  readonly period: Period;
  readonly metricType: MetricType;
  readonly breakdowns: readonly string[];
  readonly timeframe: string | undefined;
  /** The window, Unix seconds, both ends inclusive. */
  readonly since: number;
  readonly until: number;
}

export function isValidAccountMetric(row: AccountMetricRow, gate: Gate): boolean {
  return aliveOn(row, gate.nowMs) && inVersions(row, gate.version);
}

export function validAccountMetricNames(gate: Gate): string[] {
  return ACCOUNT_METRICS.filter((row) => isValidAccountMetric(row, gate)).map((row) => row.name);
}

export function periodsFor(row: AccountMetricRow, type: MetricType): readonly Period[] {
  return (type === 'time_series' ? row.timeSeries : row.totalValue) ?? [];
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function parseAccountRequest(req: RequestContext, params: Readonly<Record<string, string>>): AccountRequest {
  const names = listParam(params['metric']);
  if (names.length === 0) throw missingParameter('metric');
  const periodText = present(params['period']);
  if (periodText === undefined) throw missingParameter('period');
  const nowMs = req.clock.now();
  const gate: Gate = { version: req.versionNumber, nowMs };
  const rows = names.map((name, index) => {
    const row = accountMetricRow(name);
    if (row === undefined || !isValidAccountMetric(row, gate)) throw invalidMetric(index, validAccountMetricNames(gate));
    return row;
  }).filter((row, i, all) => all.indexOf(row) === i);
  if (!PERIODS.includes(periodText)) throw invalidPeriod();
  const period = periodText as Period;
  const typeText = present(params['metric_type']) ?? 'time_series';
  if (!(METRIC_TYPES as readonly string[]).includes(typeText)) throw invalidEnum('metric_type', METRIC_TYPES);
  const metricType = typeText as MetricType;
  const wrongType = rows.filter((row) => !takesType(row, metricType)).map((row) => row.name);
  if (wrongType.length > 0) throw wrongMetricType(wrongType, metricType === 'time_series' ? 'total_value' : 'time_series');
  if (rows.some((row) => !periodsFor(row, metricType).includes(period))) throw invalidPeriod();
  const breakdowns = listParam(params['breakdown']);
  if (breakdowns.length > 0 && metricType !== 'total_value') throw breakdownNeedsTotalValue();
  for (const row of rows) for (const b of breakdowns) if (!row.breakdowns.includes(b)) throw unsupportedBreakdown();
  const timeframe = timeframeOf(rows, present(params['timeframe']));
  const window = timeWindow(params, nowMs);
  const until = Math.floor((window.untilMs ?? nowMs) / 1000);
  const since = window.sinceMs === undefined ? until - DAY_SECONDS : Math.floor(window.sinceMs / 1000);
  if (since > until) throw windowReversed();
  if (until - since > MAX_WINDOW_SECONDS) throw windowTooLong();
  return { rows, period, metricType, breakdowns, timeframe, since, until };
}

/** The demographic timeframe: only checked when a demographic metric is asked (others ignore it). */
function timeframeOf(rows: readonly AccountMetricRow[], timeframe: string | undefined): string | undefined {
  if (!rows.some((row) => row.source === 'demographics')) return undefined;
  if (timeframe === undefined) {
    if (rows.some((row) => row.name === 'engaged_audience_demographics')) throw missingParameter('timeframe');
    return undefined;
  }
  if (!TIMEFRAMES.includes(timeframe)) throw invalidEnum('timeframe', TIMEFRAMES);
  return timeframe;
}
