import { defineView } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col, path } from '../graph-columns.js';
import { accountsInScope } from '../pushed.js';
import type { GraphNode, ViewApi } from '../view-api.js';

export const contentPublishingLimitView = defineView<ViewApi>({
  name: 'ContentPublishingLimit',
  aliases: ['PublishingLimit'],
  description: 'How many posts each account has published through the API in the last 24 hours, and its quota.',
  columns: [
    col('AccountId', 'String', 'The IG account (a pushed filter).', { key: true }),
    col('QuotaUsage', 'Integer', 'Posts published through the API in the current 24-hour window.'),
    col('QuotaTotal', 'Integer', 'Posts allowed per window.'),
    col('QuotaDuration', 'Integer', 'The window, in seconds.'),
  ],
  keyColumns: [{ column: 'AccountId', operators: ['=', 'in'], require: 'optional' }],
  examples: [{ description: 'Room left today', sql: 'SELECT AccountId, QuotaTotal - QuotaUsage AS Left FROM ContentPublishingLimit' }],
  notes: ['Needs instagram_content_publish.'],
  list: async function* (ctx) {
    const accounts = await accountsInScope(ctx);
    yield* ordered(accounts, ctx.api.concurrency, async (account) => {
      const answer = await ctx.api.graph.get(`/${account.id}/content_publishing_limit`, { fields: 'quota_usage,config' }, { signal: ctx.signal });
      const first = ((answer['data'] as GraphNode[] | undefined) ?? [])[0] ?? {};
      const number = (v: unknown) => (typeof v === 'number' ? v : null);
      return [{
        AccountId: account.id,
        QuotaUsage: number(first['quota_usage']),
        QuotaTotal: number(path(first, 'config', 'quota_total')),
        QuotaDuration: number(path(first, 'config', 'quota_duration')),
      }];
    });
  },
  describe: () => ['GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config (per account)'],
});
