import { GraphApiError } from '../../errors.js';
import { defineView } from '../define-view.js';
import { col, graphFields, path, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { pushedValues } from '../pushed.js';
import { edgeRows, nodesByIds, pageLimit } from '../scan.js';
import type { Row } from '../types.js';
import type { ViewApi, ViewContext } from '../view-api.js';

const IG = 'instagram_business_account{id,username}';

const columns: GraphColumn[] = [
  col('Id', 'String', 'The Facebook Page id.', { field: 'id', key: true, aliases: ['PageId'] }),
  col('Name', 'String', 'The Page name.', { field: 'name', aliases: ['PageName'] }),
  col('Category', 'String', 'The Page category.', { field: 'category' }),
  col('Tasks', 'String', 'What the token\'s user may do on the Page, comma-separated (e.g. ANALYZE,ADVERTISE,MODERATE,CREATE_CONTENT,MANAGE).', {
    field: 'tasks',
    read: (n) => (Array.isArray(n['tasks']) ? (n['tasks'] as unknown[]).join(',') : undefined),
  }),
  col('InstagramBusinessAccountId', 'String', 'The id of the Instagram professional account linked to the Page (NULL when none is linked): the id to use as BusinessAccountId or AccountId.', {
    field: IG,
    read: (n) => path(n, 'instagram_business_account', 'id'),
  }),
  col('InstagramUsername', 'String', 'The username of the linked Instagram account.', {
    field: IG,
    read: (n) => path(n, 'instagram_business_account', 'username'),
  }),
];

export const pageView = defineView<ViewApi>({
  name: 'Page',
  aliases: ['Pages', 'InstagramPages'],
  description:
    'The Facebook Pages the token can see, with the Instagram professional account linked to each: the way to find the account ids.',
  columns,
  keyColumns: [{ column: 'Id', operators: ['=', 'in'], require: 'optional' }],
  examples: [
    { description: 'Find your Instagram account ids', sql: 'SELECT Name, InstagramBusinessAccountId, InstagramUsername FROM Page' },
    { description: 'Pages without a linked Instagram account', sql: 'SELECT Id, Name FROM Page WHERE InstagramBusinessAccountId IS NULL' },
  ],
  notes: [
    'Needs pages_show_list (and business_management for Pages reached through Business Manager).',
    'With a Page access token, the view shows that Page only.',
  ],
  list: listPages,
  describe(ctx) {
    const fields = graphFields(columns, ctx.columns).join(',');
    if (pushedValues(ctx, 'Id')) return [`GET /?ids={page ids}&fields=${fields}`];
    return [`GET /me/accounts?fields=${fields}&limit=${pageLimit(ctx, 100)} (following paging.next)`];
  },
});

async function* listPages(ctx: ViewContext): AsyncGenerator<Row[]> {
  const active = selectColumns(columns, ctx.columns);
  const fields = graphFields(columns, ctx.columns).join(',');
  const ids = pushedValues(ctx, 'Id');
  if (ids !== undefined) {
    for await (const nodes of nodesByIds(ctx, ids, { fields })) yield nodes.map((node) => toRow(active, node));
    return;
  }
  let started = false;
  try {
    for await (const rows of edgeRows(ctx, '/me/accounts', { fields, limit: pageLimit(ctx, 100) }, (node) => toRow(active, node))) {
      started = true;
      yield rows;
    }
  } catch (error) {
    // A Page token's /me is the Page itself, which has no `accounts` edge.
    if (started || !(error instanceof GraphApiError) || error.graphCode !== 100) throw error;
    const page = await ctx.api.graph.get('/me', { fields }, { signal: ctx.signal });
    yield [toRow(active, page)];
  }
}
