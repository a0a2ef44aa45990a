import { defineView } from '../define-view.js';
import { col, graphFields, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { pushedValues } from '../pushed.js';
import { nodesByIds } from '../scan.js';
import type { Row } from '../types.js';
import type { AccountRef, ViewApi, ViewContext } from '../view-api.js';

const columns: GraphColumn[] = [
  col('Id', 'String', 'The Instagram professional account id (IG user id).', { field: 'id', key: true, aliases: ['InstagramBusinessAccountId', 'AccountId'] }),
  col('Username', 'String', 'The account username.', { field: 'username' }),
  col('Name', 'String', 'The profile name.', { field: 'name', aliases: ['FullName'] }),
  col('Biography', 'String', 'The profile biography.', { field: 'biography', aliases: ['Bio'] }),
  col('Website', 'String', 'The website in the profile.', { field: 'website' }),
  col('ProfilePictureUrl', 'String', 'URL of the profile picture.', { field: 'profile_picture_url' }),
  col('FollowersCount', 'Integer', 'Number of followers.', { field: 'followers_count' }),
  col('FollowsCount', 'Integer', 'Number of accounts it follows.', { field: 'follows_count' }),
  col('MediaCount', 'Integer', 'Number of media published.', { field: 'media_count' }),
  col('PageId', 'String', 'The Facebook Page the account is linked to (when known from the token\'s Pages).'),
  col('PageName', 'String', 'The name of that Page.'),
];

export const accountView = defineView<ViewApi>({
  name: 'Account',
  aliases: ['Accounts', 'InstagramBusinessProfile', 'InstagramAccount'],
  description: 'The Instagram professional account(s) in scope: profile fields and counts. One row per account.',
  columns,
  keyColumns: [{ column: 'Id', operators: ['=', 'in'], require: 'optional' }],
  examples: [
    { description: 'Followers of every account', sql: 'SELECT Username, FollowersCount, MediaCount FROM Account ORDER BY FollowersCount DESC' },
    { description: 'One account', sql: "SELECT * FROM Account WHERE Id = '17841405822304914'" },
  ],
  notes: [
    'Without BusinessAccountId, covers every Instagram account linked to a Page the token can see.',
  ],
  list: listAccounts,
  describe(ctx) {
    return [`GET /?ids={account ids}&fields=${graphFields(columns, ctx.columns).join(',')}`];
  },
});

async function* listAccounts(ctx: ViewContext): AsyncGenerator<Row[]> {
  const active = selectColumns(columns, ctx.columns);
  const named = pushedValues(ctx, 'Id');
  const refs: readonly AccountRef[] = named ? named.map((id) => ({ id })) : await ctx.api.accounts(ctx.signal);
  const byId = new Map(refs.map((ref) => [ref.id, ref]));
  const fields = graphFields(columns, ctx.columns).join(',');
  for await (const nodes of nodesByIds(ctx, refs.map((r) => r.id), { fields })) {
    yield nodes.map((node) => {
      const ref = byId.get(String(node['id']));
      return toRow(active, node, { PageId: ref?.pageId ?? null, PageName: ref?.pageName ?? null });
    });
  }
}
