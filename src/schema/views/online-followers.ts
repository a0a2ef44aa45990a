import { defineView } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col, toDate } from '../graph-columns.js';
import { windows } from '../insights/account-insights-fetch.js';
import { accountsInScope, pushedRange } from '../pushed.js';
import type { Row } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';

const columns = [
  col('AccountId', 'String', 'The IG account (a pushed filter).'),
  col('EndTime', 'Datetime', 'The end of the day the counts describe (a pushed filter: since/until; default the last 7 days).'),
  col('Hour', 'Integer', 'Hour of the day, 0–23, in the account\'s time zone as the API reports it.'),
  col('Value', 'Integer', 'Followers online during that hour.'),
];

export const onlineFollowersView = defineView<ViewApi>({
  name: 'OnlineFollowers',
  aliases: ['OnlineFollower'],
  description: 'When the followers are online: one row per day and hour (the API keeps the last 30 days).',
  columns,
  keyColumns: [
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
    { column: 'EndTime', operators: ['<', '<=', '>', '>='], require: 'optional' },
  ],
  examples: [{ description: 'Best hour to post', sql: 'SELECT Hour, AVG(Value) AS Online FROM OnlineFollowers GROUP BY Hour ORDER BY Online DESC LIMIT 3' }],
  notes: ['Needs instagram_manage_insights and an account with 100+ followers.'],
  list: listOnline,
  describe: () => ['GET /{ig-user-id}/insights?metric=online_followers&period=lifetime&since=…&until=… (per account)'],
});

async function* listOnline(ctx: ViewContext): AsyncGenerator<Row[]> {
  const range = pushedRange(ctx, 'EndTime');
  const until = Math.floor((range.until ?? ctx.api.now()).getTime() / 1000);
  const since = range.since ? Math.floor(range.since.getTime() / 1000) : until - 7 * 86400;
  const jobs = (await accountsInScope(ctx)).flatMap((account) => windows(since, until).map((w) => ({ account: account.id, w })));
  const answers = ordered(jobs, ctx.api.concurrency, async (job) => {
    const answer = await ctx.api.graph.get(
      `/${job.account}/insights`,
      { metric: 'online_followers', period: 'lifetime', since: job.w.since, until: job.w.until },
      { signal: ctx.signal },
    );
    return rowsOf(answer, job.account);
  });
  for await (const rows of answers) if (rows.length > 0) yield rows;
}

function rowsOf(answer: GraphNode, account: string): Row[] {
  const rows: Row[] = [];
  for (const entry of (answer['data'] as GraphNode[] | undefined) ?? []) {
    for (const point of (entry['values'] as GraphNode[] | undefined) ?? []) {
      const byHour = point['value'];
      if (byHour === null || typeof byHour !== 'object') continue;
      const end = toDate(point['end_time']);
      for (const [hour, value] of Object.entries(byHour as Record<string, unknown>)) {
        rows.push({ AccountId: account, EndTime: end, Hour: Number(hour), Value: typeof value === 'number' ? value : null });
      }
    }
  }
  return rows;
}
