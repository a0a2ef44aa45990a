import { defineView } from '../define-view.js';
import { mergeOrdered } from '../fetch-helpers.js';
import { col, graphFields, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { accountsInScope, inRange, pushedRange, pushedValues, rangeParams } from '../pushed.js';
import { edgeRows, nodesByIds, pageLimit } from '../scan.js';
import type { Row } from '../types.js';
import type { ViewApi, ViewContext } from '../view-api.js';
import { accountIdColumn, MEDIA_FIELDS_ALL, mediaColumns } from './media-columns.js';

const columns: GraphColumn[] = [
  ...mediaColumns(...MEDIA_FIELDS_ALL.slice(0, 1)),
  accountIdColumn,
  ...mediaColumns(...MEDIA_FIELDS_ALL.slice(1)),
  col('ChildrenCount', 'Integer', 'Number of carousel items (CAROUSEL_ALBUM only).', {
    field: 'children{id}',
    read: (n) => (n['children'] as { data?: unknown[] } | undefined)?.data?.length,
  }),
];

/** `/media` returns at most this many per page. */
const EDGE_MAX = 100;

export const mediaView = defineView<ViewApi>({
  name: 'Media',
  aliases: ['IGMedia', 'Medias'],
  description:
    'Every post, reel and carousel published by the Instagram professional account(s), newest first (stories are in Stories). One row per media.',
  columns,
  keyColumns: [
    { column: 'Id', operators: ['=', 'in'], require: 'optional' },
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
    { column: 'Timestamp', operators: ['=', '<', '<=', '>', '>='], require: 'optional' },
  ],
  orderedBy: { column: 'Timestamp', direction: 'desc' },
  examples: [
    { description: 'The ten most liked media of 2026', sql: "SELECT Id, Caption, LikeCount FROM Media WHERE Timestamp >= '2026-01-01' ORDER BY LikeCount DESC LIMIT 10" },
    { description: 'One media by id', sql: "SELECT * FROM Media WHERE Id = '17918920912340654'" },
    { description: 'Media per type', sql: 'SELECT MediaType, MediaProductType, COUNT(*) AS N FROM Media GROUP BY MediaType, MediaProductType' },
  ],
  notes: [
    'Timestamp ranges are sent to the API as since/until, so a date filter reads only the pages it needs.',
    'The API lists at most the 10,000 most recent media of an account.',
    'Id = / IN reads the media directly (50 ids per request).',
  ],
  list: listMedia,
  describe(ctx) {
    if (pushedValues(ctx, 'Id')) return [`GET /?ids={up to 50 ids}&fields=${fieldsFor(ctx, false).join(',')},owner`];
    const range = rangeParams(pushedRange(ctx, 'Timestamp'));
    const extra = Object.entries(range).map(([k, v]) => `&${k}=${v}`).join('');
    const named = pushedValues(ctx, 'AccountId')?.length; // undefined: the connection's accounts, known at run time
    const fields = fieldsFor(ctx, extra !== '' || (named ?? 0) > 1).join(',');
    const merged = named === undefined && !fields.split(',').includes('timestamp') ? '; timestamp too when several accounts are merged' : '';
    return [`GET /{ig-user-id}/media?fields=${fields}&limit=${pageLimit(ctx, EDGE_MAX)}${extra} (per account, following paging.next${merged})`];
  },
});

/**
 * The fields to ask: the columns' and `id`, and `timestamp` when the rows need it besides: a
 * pushed Timestamp range is checked on it, and several accounts' media are merged newest first.
 * Otherwise it is left out, as any unselected column is (~15% of the bytes of `SELECT Id, Caption`).
 */
function fieldsFor(ctx: ViewContext, withTimestamp: boolean): string[] {
  return graphFields(columns, ctx.columns, withTimestamp ? ['id', 'timestamp'] : ['id']);
}

async function* listMedia(ctx: ViewContext): AsyncGenerator<Row[]> {
  const ids = pushedValues(ctx, 'Id');
  if (ids !== undefined) {
    const active = selectColumns(columns, ctx.columns);
    const withOwner = [...new Set([...fieldsFor(ctx, false), 'owner'])].join(',');
    for await (const nodes of nodesByIds(ctx, ids, { fields: withOwner })) {
      yield nodes.map((node) => toRow(active, node, { AccountId: ownerOf(node) }));
    }
    return;
  }
  const range = pushedRange(ctx, 'Timestamp');
  const accounts = await accountsInScope(ctx);
  const withTimestamp = range.since !== undefined || range.until !== undefined || accounts.length > 1;
  const active = selectColumns(columns, withTimestamp ? new Set([...ctx.columns, 'Timestamp']) : ctx.columns);
  const params = { fields: fieldsFor(ctx, withTimestamp).join(','), limit: pageLimit(ctx, EDGE_MAX), ...rangeParams(range) };
  const streams = accounts.map((account) =>
    edgeRows(ctx, `/${account.id}/media`, params, (node) => {
      const row = toRow(active, node, { AccountId: account.id });
      return inRange(range, (row['Timestamp'] as Date | null | undefined) ?? null) ? row : undefined;
    }),
  );
  yield* mergeOrdered(streams, (row) => (row['Timestamp'] as Date | null)?.getTime() ?? 0, true);
}

function ownerOf(node: Readonly<Record<string, unknown>>): string | null {
  const owner = node['owner'] as { id?: unknown } | undefined;
  return typeof owner?.id === 'string' ? owner.id : null;
}
