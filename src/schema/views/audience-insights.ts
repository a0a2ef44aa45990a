import { IgsqlError } from '../../errors.js';
import { defineView } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col } from '../graph-columns.js';
import { AUDIENCE_TYPES, DEMOGRAPHIC_METRICS, TIMEFRAMES } from '../insights/account-metrics.js';
import { versionNumber } from '../insights/media-metrics.js';
import { accountsInScope, echo, pushedValue, pushedValues } from '../pushed.js';
import type { Row } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';

const columns = [
  col('AccountId', 'String', 'The IG account (a pushed filter).'),
  col('Metric', 'String', 'follower_demographics (default) or engaged_audience_demographics (a pushed input).'),
  col('AudienceType', 'String', "age, city, country or gender; 'age,gender' (or CData's 'gender and age') for both (a pushed filter; all four when absent)."),
  col('Timeframe', 'String', 'The period the audience is measured over (a pushed input): this_month or this_week (Graph API v20.0 removed last_14_days, last_30_days, last_90_days and prev_month).'),
  col('AudienceGroup', 'String', 'The group: an age range, a city, a country code or a gender (F, M, U).', { aliases: ['Group'] }),
  col('Value', 'Integer', 'Accounts in the group.', { aliases: ['TotalAudience'] }),
];

export const audienceInsightsView = defineView<ViewApi>({
  name: 'AudienceInsights',
  aliases: ['AudienceInsight', 'Demographics'],
  description: 'Who follows (or engages with) the account(s): the top groups by age, city, country and gender.',
  columns,
  keyColumns: [
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
    { column: 'Metric', operators: ['='], require: 'optional' },
    { column: 'AudienceType', operators: ['=', 'in'], require: 'optional' },
    { column: 'Timeframe', operators: ['='], require: 'optional' },
  ],
  examples: [
    { description: 'Followers by country', sql: "SELECT AudienceGroup, Value FROM AudienceInsights WHERE AudienceType = 'country' ORDER BY Value DESC" },
    { description: 'Engaged audience by age this month', sql: "SELECT AudienceGroup, Value FROM AudienceInsights WHERE Metric = 'engaged_audience_demographics' AND AudienceType = 'age' AND Timeframe = 'this_month'" },
  ],
  notes: ['Needs instagram_manage_insights; the API gives the top 45 groups and nothing for accounts under 100 followers.'],
  list: listAudience,
  describe(ctx) {
    const { metric, types, timeframe } = inputs(ctx);
    return types.map((t) => `GET /{ig-user-id}/insights?metric=${metric}&period=lifetime&metric_type=total_value&breakdown=${t}${timeframe ? `&timeframe=${timeframe}` : ''} (per account)`);
  },
});

function inputs(ctx: ViewContext) {
  const metric = (pushedValue(ctx, 'Metric') ?? 'follower_demographics').toLowerCase();
  if (!(DEMOGRAPHIC_METRICS as readonly string[]).includes(metric)) {
    throw new IgsqlError('sql-plan', `AudienceInsights Metric '${metric}' is not valid; use ${DEMOGRAPHIC_METRICS.join(' or ')}.`);
  }
  const types = (pushedValues(ctx, 'AudienceType') ?? [...AUDIENCE_TYPES]).map(audienceType);
  const timeframe = pushedValue(ctx, 'Timeframe')?.toLowerCase();
  const allowed = timeframesFor(ctx.api.version);
  if (timeframe !== undefined && !allowed.includes(timeframe)) {
    const retired = (TIMEFRAMES as readonly string[]).includes(timeframe) ? ` (Meta removed it in Graph API v20.0; this connection uses ${ctx.api.version})` : '';
    throw new IgsqlError('sql-plan', `Timeframe '${timeframe}' is not valid${retired}; use ${allowed.join(' or ')}.`);
  }
  return { metric, types, timeframe: timeframe ?? (metric === 'engaged_audience_demographics' ? 'this_month' : undefined) };
}

/** v20.0 removed last_14_days, last_30_days, last_90_days and prev_month. */
function timeframesFor(version: string): readonly string[] {
  return versionNumber(version) >= 20 ? ['this_month', 'this_week'] : TIMEFRAMES;
}

function audienceType(value: string): string {
  const parts = value.toLowerCase().replace(/\s+and\s+/g, ',').split(',').map((p) => p.trim()).sort();
  for (const part of parts) {
    if (!(AUDIENCE_TYPES as readonly string[]).includes(part)) {
      throw new IgsqlError('sql-plan', `AudienceType '${value}' is not valid; use ${AUDIENCE_TYPES.join(', ')}, or two of them like 'age,gender'.`);
    }
  }
  return parts.join(',');
}

async function* listAudience(ctx: ViewContext): AsyncGenerator<Row[]> {
  const { metric, types, timeframe } = inputs(ctx);
  const jobs = (await accountsInScope(ctx)).flatMap((account) => types.map((type) => ({ account: account.id, type })));
  const answers = ordered(jobs, ctx.api.concurrency, async (job) => {
    const answer = await ctx.api.graph.get(
      `/${job.account}/insights`,
      { metric, period: 'lifetime', metric_type: 'total_value', breakdown: job.type, timeframe },
      { signal: ctx.signal },
    );
    const echoed = { metric: echo(ctx, 'Metric', metric), type: echo(ctx, 'AudienceType', job.type, audienceType), timeframe: timeframe === undefined ? null : echo(ctx, 'Timeframe', timeframe) };
    return rowsOf(answer, job.account, echoed.metric, echoed.type, echoed.timeframe);
  });
  for await (const rows of answers) if (rows.length > 0) yield rows;
}

function rowsOf(answer: GraphNode, account: string, metric: string, type: string, timeframe: string | null): Row[] {
  const rows: Row[] = [];
  for (const entry of (answer['data'] as GraphNode[] | undefined) ?? []) {
    const breakdowns = ((entry['total_value'] as GraphNode | undefined)?.['breakdowns'] as GraphNode[] | undefined) ?? [];
    for (const breakdown of breakdowns) {
      const keys = (breakdown['dimension_keys'] as string[] | undefined) ?? [];
      for (const result of (breakdown['results'] as GraphNode[] | undefined) ?? []) {
        const values = (result['dimension_values'] as unknown[] | undefined) ?? [];
        // The API adds `timeframe` as a leading dimension on some answers: keep the audience ones.
        const group = values.filter((_, i) => keys[i] !== 'timeframe').map(String).join(',');
        const value = result['value'];
        rows.push({ AccountId: account, Metric: metric, AudienceType: type, Timeframe: timeframe, AudienceGroup: group, Value: typeof value === 'number' ? value : null });
      }
    }
  }
  return rows;
}
