import { defineView } from '../define-view.js';
import { col, graphFields, path, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { acrossAccounts, pushedValues } from '../pushed.js';
import { nestedEdges } from '../nested-rest.js';
import { edgeNodes, nodesByIds } from '../scan.js';
import type { Row, SqlValue } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';
import { accountIdColumn, mediaColumns } from './media-columns.js';

const childColumns = mediaColumns('Id', 'MediaType', 'MediaUrl', 'Permalink', 'ShortCode', 'ThumbnailUrl', 'Timestamp', 'Username');

const columns: GraphColumn[] = [
  childColumns[0]!,
  col('MediaId', 'String', 'The carousel (CAROUSEL_ALBUM) the item belongs to.'),
  col('Position', 'Integer', 'The 1-based position of the item in the carousel.'),
  accountIdColumn,
  ...childColumns.slice(1),
];

export const mediaChildrenView = defineView<ViewApi>({
  name: 'MediaChildren',
  aliases: ['CarouselChildren', 'MediaChild'],
  description: 'The images and videos inside carousel albums: one row per item, with its carousel in MediaId.',
  columns,
  keyColumns: [
    { column: 'MediaId', operators: ['=', 'in'], require: 'optional' },
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
  ],
  examples: [
    { description: 'Items of one carousel', sql: "SELECT Position, MediaType, MediaUrl FROM MediaChildren WHERE MediaId = '17896129349106152'" },
    { description: 'Carousels with their item count', sql: 'SELECT MediaId, COUNT(*) AS Items FROM MediaChildren GROUP BY MediaId' },
  ],
  notes: ['Children come nested in the media pages or in grouped reads by id: never one request per carousel.', 'Insights are not available for carousel items.'],
  list: listChildren,
  describe(ctx) {
    const expansion = `children{${childFields(ctx).join(',')}}`;
    if (pushedValues(ctx, 'MediaId')) return [`GET /?ids={up to 50 media ids}&fields=owner,${expansion}`];
    return [`GET /{ig-user-id}/media?fields=id,${expansion}&limit=${ctx.api.pageSize} (per account, following paging.next)`];
  },
});

function childFields(ctx: ViewContext): string[] {
  return graphFields(childColumns, ctx.columns);
}

async function* listChildren(ctx: ViewContext): AsyncGenerator<Row[]> {
  const active = selectColumns(columns, ctx.columns);
  const expansion = `children{${childFields(ctx).join(',')}}`;
  const mediaIds = pushedValues(ctx, 'MediaId');
  if (mediaIds !== undefined) {
    for await (const medias of nodesByIds(ctx, mediaIds, { fields: `owner,${expansion}` })) {
      yield medias.flatMap((media) => childrenOf(active, media, (path(media, 'owner', 'id') as string | undefined) ?? null));
    }
    return;
  }
  const mediaFields = ctx.api.grouping ? `id,${expansion}` : 'id,media_type'; // grouping off: one call per album
  yield* acrossAccounts(ctx, async function* (account): AsyncGenerator<Row[]> {
    for await (const page of edgeNodes(ctx, `/${account.id}/media`, { fields: mediaFields, limit: ctx.api.pageSize }, false, true)) {
      const medias = ctx.api.grouping ? page : await childrenOneByOne(ctx, page);
      const rows = medias.flatMap((media) => childrenOf(active, media, account.id));
      if (rows.length > 0) yield rows;
    }
  });
}

/** Grouping off (benchmarks): each album's children by its own GET. */
async function childrenOneByOne(ctx: ViewContext, page: readonly GraphNode[]): Promise<GraphNode[]> {
  const albums = page.filter((m) => m['media_type'] === 'CAROUSEL_ALBUM');
  const children = await nestedEdges(ctx, albums, 'children', childFields(ctx).join(','), 100);
  return albums.map((m) => ({ ...m, children: { data: children.get(String(m['id'])) ?? [] } }));
}

function childrenOf(active: readonly GraphColumn[], media: GraphNode, accountId: SqlValue): Row[] {
  const children = (media['children'] as { data?: GraphNode[] } | undefined)?.data ?? [];
  return children.map((child, i) => toRow(active, child, { MediaId: String(media['id']), Position: i + 1, AccountId: accountId }));
}
