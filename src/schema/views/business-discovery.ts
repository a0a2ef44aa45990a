/**
 * BusinessDiscovery (another professional account's public profile, by username) and
 * BusinessDiscoveryMedia (its public media), through the `business_discovery.username(x)` field.
 */
import { defineView } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col, graphFields, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { actingAccount, pushedValues } from '../pushed.js';
import { pageLimit } from '../scan.js';
import type { Row } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';
import { mediaColumns } from './media-columns.js';

const usernameColumn = col('Username', 'String', 'The account to look up (required: Username = ... or IN (...)).');
const asColumn = col('AccountId', 'String', 'The account the lookup is made as (default: the first in scope).');

const profile: GraphColumn[] = [
  col('Id', 'String', 'The looked-up account\'s id.', { field: 'id', key: true }),
  col('Name', 'String', 'Profile name.', { field: 'name' }),
  col('Biography', 'String', 'Profile biography.', { field: 'biography' }),
  col('Website', 'String', 'Website.', { field: 'website' }),
  col('ProfilePictureUrl', 'String', 'Profile picture URL.', { field: 'profile_picture_url' }),
  col('FollowersCount', 'Integer', 'Followers.', { field: 'followers_count' }),
  col('FollowsCount', 'Integer', 'Accounts followed.', { field: 'follows_count' }),
  col('MediaCount', 'Integer', 'Media published.', { field: 'media_count' }),
];

const media: GraphColumn[] = [
  ...mediaColumns('Id', 'Caption', 'MediaType', 'MediaProductType', 'MediaUrl', 'Permalink', 'Timestamp', 'LikeCount', 'CommentsCount'),
  col('ViewCount', 'Integer', 'Views of a reel (reels only).', { field: 'view_count' }),
];

const keyColumns = [
  { column: 'Username', operators: ['=', 'in'] as const, require: 'required' as const },
  { column: 'AccountId', operators: ['='] as const, require: 'optional' as const },
];

export const businessDiscoveryView = defineView<ViewApi>({
  name: 'BusinessDiscovery',
  aliases: ['BusinessDiscoveryProfile'],
  description: 'The public profile of another Instagram professional account, by username.',
  columns: [usernameColumn, ...profile, asColumn],
  keyColumns,
  examples: [{ description: 'Compare competitors', sql: "SELECT Username, FollowersCount, MediaCount FROM BusinessDiscovery WHERE Username IN ('bluebottle', 'metricsaurus')" }],
  notes: ['Only public fields of professional accounts; age-gated accounts return nothing.', 'Uses platform rate limits (200 calls per user per hour).'],
  list: async function* (ctx) {
    const account = await actingAccount(ctx, 'BusinessDiscovery');
    const active = selectColumns(profile, ctx.columns);
    const fields = graphFields(profile, ctx.columns).join(',');
    yield* ordered(pushedValues(ctx, 'Username') ?? [], ctx.api.concurrency, async (username) => {
      const node = await discover(ctx, account, username, fields);
      return node ? [toRow(active, node, { Username: username, AccountId: account })] : [];
    });
  },
  describe: (ctx) => [`GET /{ig-user-id}?fields=business_discovery.username({username}){${graphFields(profile, ctx.columns).join(',')}} (per username)`],
});

export const businessDiscoveryMediaView = defineView<ViewApi>({
  name: 'BusinessDiscoveryMedia',
  aliases: [],
  description: 'The public media of another Instagram professional account, by username, newest first.',
  columns: [usernameColumn, ...media, asColumn],
  keyColumns,
  examples: [{ description: 'A competitor\'s most liked recent posts', sql: "SELECT Permalink, LikeCount FROM BusinessDiscoveryMedia WHERE Username = 'bluebottle' ORDER BY LikeCount DESC LIMIT 5" }],
  notes: ['Media pages come nested in business_discovery and are followed with media.after(cursor).'],
  list: async function* (ctx) {
    const account = await actingAccount(ctx, 'BusinessDiscoveryMedia');
    const active = selectColumns(media, ctx.columns);
    const fields = graphFields(media, ctx.columns).join(',');
    for (const username of pushedValues(ctx, 'Username') ?? []) {
      let after: string | undefined;
      do {
        const cursor = after === undefined ? '' : `.after(${after})`;
        const node = await discover(ctx, account, username, `media${cursor}.limit(${pageLimit(ctx, 100)}){${fields}}`);
        const edge = node?.['media'] as { data?: GraphNode[]; paging?: { cursors?: { after?: string } } } | undefined;
        const rows: Row[] = (edge?.data ?? []).map((m) => toRow(active, m, { Username: username, AccountId: account }));
        if (rows.length > 0) yield rows;
        after = rows.length > 0 ? edge?.paging?.cursors?.after : undefined;
      } while (after !== undefined);
    }
  },
  describe: (ctx) => [`GET /{ig-user-id}?fields=business_discovery.username({username}){media.limit(${pageLimit(ctx, 100)}){${graphFields(media, ctx.columns).join(',')}}} (per username, then media.after(cursor))`],
});

async function discover(ctx: ViewContext, account: string, username: string, fields: string): Promise<GraphNode | undefined> {
  const answer = await ctx.api.graph.get(`/${account}`, { fields: `business_discovery.username(${username}){${fields}}` }, { signal: ctx.signal });
  return answer['business_discovery'] as GraphNode | undefined;
}
