import { defineView } from '../define-view.js';
import { col, graphFields, path, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { acrossAccounts, namedAccount, pushedValues } from '../pushed.js';
import { mapPages } from '../fetch-helpers.js';
import { rowsLazily, type RowParent } from '../nested-rest.js';
import { rowsAsAnswered } from '../nested-stream.js';
import { edgeNodes, nestedField, nodesByIds } from '../scan.js';
import type { Row } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';
import { accountIdColumn } from './media-columns.js';

/** The comments edge returns at most 50 per page. */
export const COMMENTS_MAX = 50;

/**
 * How many comments (or replies) to ask nested in each parent: 50, or fewer under a pushed LIMIT
 * of fewer rows (`LIMIT 5` never needs more than 5 of one media's; its remaining ones are
 * continued only if the rows run short). A media page of 100 media then weighs ~10× less.
 */
export function nestedLimit(ctx: ViewContext): number {
  return ctx.limit === undefined ? COMMENTS_MAX : Math.max(1, Math.min(COMMENTS_MAX, ctx.limit));
}

/** Columns shared by Comments and Replies. */
export const commentColumns = {
  Id: col('Id', 'String', 'The comment id.', { field: 'id', key: true }),
  Text: col('Text', 'String', 'The comment text.', { field: 'text' }),
  Timestamp: col('Timestamp', 'Datetime', 'When the comment was posted (UTC).', { field: 'timestamp', aliases: ['Created'] }),
  Username: col('Username', 'String', 'Username of the commenter (needs instagram_manage_comments).', { field: 'username' }),
  UserId: col('UserId', 'String', 'Instagram-scoped id of the commenter.', { field: 'from', read: (n) => path(n, 'from', 'id') }),
  LikeCount: col('LikeCount', 'Integer', 'Number of likes on the comment.', { field: 'like_count', aliases: ['Likes'] }),
  Hidden: col('Hidden', 'Boolean', 'Whether the comment is hidden.', { field: 'hidden' }),
} satisfies Record<string, GraphColumn>;

const columns: GraphColumn[] = [
  commentColumns.Id,
  col('MediaId', 'String', 'The media the comment is on.', { field: 'media', read: (n) => path(n, 'media', 'id') }),
  accountIdColumn,
  commentColumns.Text,
  commentColumns.Timestamp,
  commentColumns.Username,
  commentColumns.UserId,
  commentColumns.LikeCount,
  commentColumns.Hidden,
];

export const commentsView = defineView<ViewApi>({
  name: 'Comments',
  aliases: ['Comment', 'IGComments'],
  description: 'Top-level comments on the media of the account(s) (replies are in Replies). Each media\'s comments come newest first.',
  columns,
  keyColumns: [
    { column: 'Id', operators: ['=', 'in'], require: 'optional' },
    { column: 'MediaId', operators: ['=', 'in'], require: 'optional' },
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
  ],
  examples: [
    { description: 'Comments on one media', sql: "SELECT Username, Text, LikeCount FROM Comments WHERE MediaId = '17918920912340654'" },
    { description: 'Comments per media', sql: 'SELECT MediaId, COUNT(*) AS N FROM Comments GROUP BY MediaId ORDER BY N DESC' },
    { description: 'Hidden comments with their media', sql: 'SELECT m.Permalink, c.Text FROM Comments c JOIN Media m ON c.MediaId = m.Id WHERE c.Hidden = true' },
  ],
  notes: [
    'Needs instagram_basic and instagram_manage_comments.',
    'Without MediaId, comments come nested in the media pages (one request per 100 media), not one request per media.',
    'The API cannot filter comments by time: Timestamp filters run in igsql.',
    'A full scan hands on each answer as it arrives, so the comments of different media interleave (each media\'s stay newest first); ORDER BY gives a fixed order. Under LIMIT, media by media.',
  ],
  list: listComments,
  describe(ctx) {
    const fields = commentFields(ctx).join(',');
    if (pushedValues(ctx, 'Id')) return [`GET /?ids={comment ids}&fields=${fields},media`];
    const nested = nestedField('comments', nestedLimit(ctx), [fields]);
    if (pushedValues(ctx, 'MediaId')) return [`GET /?ids={up to 50 media ids}&fields=owner,${nested}`];
    return [`GET /{ig-user-id}/media?fields=id,${nested}&limit=${ctx.api.pageSize} (per account, following paging.next; then /{media-id}/comments for media with more than ${nestedLimit(ctx)})`];
  },
});

function commentFields(ctx: ViewContext): string[] {
  return graphFields(columns.filter((c) => c.name !== 'MediaId'), ctx.columns);
}

async function* listComments(ctx: ViewContext): AsyncGenerator<Row[]> {
  const active = selectColumns(columns, ctx.columns);
  const fields = commentFields(ctx);
  const ids = pushedValues(ctx, 'Id');
  if (ids !== undefined) {
    const extra = { AccountId: namedAccount(ctx) };
    for await (const nodes of nodesByIds(ctx, ids, { fields: [...fields, 'media'].join(',') })) {
      yield nodes.map((node) => toRow(active, node, extra));
    }
    return;
  }
  const expansion = nestedField('comments', nestedLimit(ctx), fields);
  const mediaIds = pushedValues(ctx, 'MediaId');
  const mediaFields = ctx.api.grouping ? `id,${expansion}` : 'id'; // grouping off: one call per media
  // Pages of media, each media the parent of its comments' rows (with its MediaId and AccountId).
  const fallback = namedAccount(ctx);
  const parentOf = (media: GraphNode, account: string | undefined): RowParent => ({ node: media, extra: { MediaId: String(media['id']), AccountId: account ?? fallback } });
  const parentPages: AsyncIterable<RowParent[]> = mediaIds !== undefined
    ? mapPages(nodesByIds(ctx, mediaIds, { fields: `owner,${expansion}` }), (media) => parentOf(media, path(media, 'owner', 'id') as string | undefined))
    : acrossAccounts(ctx, (account) => mapPages(edgeNodes(ctx, `/${account.id}/media`, { fields: mediaFields, limit: ctx.api.pageSize }, false, true), (media) => parentOf(media, account.id)));
  // A full scan hands each answer's comments on as it arrives, every media's rest continued in
  // shared batches (nested-stream.ts); under a pushed LIMIT, media by media, each continued only
  // as far as read.
  if (ctx.limit === undefined) yield* rowsAsAnswered(ctx, parentPages, [{ edge: 'comments', fields: fields.join(',') }], COMMENTS_MAX, active);
  else for await (const parents of parentPages) yield* rowsLazily(ctx, parents, 'comments', fields.join(','), COMMENTS_MAX, active);
}
