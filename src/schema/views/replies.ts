import { defineView } from '../define-view.js';
import { col, graphFields, path, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { acrossAccounts, pushedValues } from '../pushed.js';
import { ordered } from '../fetch-helpers.js';
import { nestedEdgeLazily, nestedEdges, rowsByParent, rowsLazily, type RowParent } from '../nested-rest.js';
import { edgeNodes, nestedField, nodesByIds } from '../scan.js';
import type { Row, SqlValue } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';
import { COMMENTS_MAX, nestedLimit, commentColumns } from './comments.js';
import { accountIdColumn } from './media-columns.js';

const columns: GraphColumn[] = [
  commentColumns.Id,
  col('CommentId', 'String', 'The top-level comment this reply answers.', { field: 'parent_id', aliases: ['ParentId'] }),
  col('MediaId', 'String', 'The media the conversation is on.'),
  accountIdColumn,
  commentColumns.Text,
  commentColumns.Timestamp,
  commentColumns.Username,
  commentColumns.UserId,
  commentColumns.LikeCount,
  commentColumns.Hidden,
];

export const repliesView = defineView<ViewApi>({
  name: 'Replies',
  aliases: ['Reply', 'CommentReplies'],
  description: 'Replies to comments (one level deep, as Instagram allows) on the media of the account(s).',
  columns,
  keyColumns: [
    { column: 'Id', operators: ['=', 'in'], require: 'optional' },
    { column: 'CommentId', operators: ['=', 'in'], require: 'optional' },
    { column: 'MediaId', operators: ['=', 'in'], require: 'optional' },
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
  ],
  examples: [
    { description: 'Replies to one comment', sql: "SELECT Username, Text FROM Replies WHERE CommentId = '17870913679156914'" },
    { description: 'Comments with their replies', sql: 'SELECT c.Text AS Comment, r.Text AS Reply FROM Comments c LEFT JOIN Replies r ON r.CommentId = c.Id' },
  ],
  notes: [
    'Needs instagram_basic and instagram_manage_comments.',
    'Without a filter, replies come nested in the media pages (media → comments → replies); comments beyond 50 a media and replies beyond 50 a comment continue in batch requests for the whole page, not one request per media or comment.',
  ],
  list: listReplies,
  describe(ctx) {
    const fields = replyFields(ctx).join(',');
    const replies = nestedField('replies', nestedLimit(ctx), [fields]);
    if (pushedValues(ctx, 'Id')) return [`GET /?ids={reply ids}&fields=${fields}`];
    if (pushedValues(ctx, 'CommentId')) return [`GET /?ids={up to 50 comment ids}&fields=media,${replies}`];
    const comments = nestedField('comments', COMMENTS_MAX, ['id', replies]);
    if (pushedValues(ctx, 'MediaId')) return [`GET /?ids={up to 50 media ids}&fields=owner,${comments}`];
    return [`GET /{ig-user-id}/media?fields=id,${comments}&limit=${ctx.api.pageSize} (per account, following paging.next)`];
  },
});

function replyFields(ctx: ViewContext): string[] {
  return graphFields(columns, new Set([...ctx.columns, 'CommentId']));
}

async function* listReplies(ctx: ViewContext): AsyncGenerator<Row[]> {
  const active = selectColumns(columns, ctx.columns);
  const fields = replyFields(ctx);
  const account = pushedValues(ctx, 'AccountId');
  const fixedAccount: SqlValue = account?.length === 1 ? account[0]! : null;
  const ids = pushedValues(ctx, 'Id');
  if (ids !== undefined) {
    for await (const nodes of nodesByIds(ctx, ids, { fields: fields.join(',') })) {
      yield nodes.map((node) => toRow(active, node, { AccountId: fixedAccount }));
    }
    return;
  }
  const replies = nestedField('replies', nestedLimit(ctx), fields);
  const replyFieldList = fields.join(',');
  const commentIds = pushedValues(ctx, 'CommentId');
  if (commentIds !== undefined) {
    for await (const comments of nodesByIds(ctx, commentIds, { fields: `media,${replies}` })) {
      const parents = comments.map((comment) => replyParent(comment, { MediaId: (path(comment, 'media', 'id') as string | undefined) ?? null, AccountId: fixedAccount }));
      if (ctx.limit !== undefined) yield* rowsLazily(ctx, parents, 'replies', replyFieldList, COMMENTS_MAX, active);
      else yield* rowsByParent(parents, await nestedEdges(ctx, comments, 'replies', replyFieldList, COMMENTS_MAX), active);
    }
    return;
  }
  const comments = nestedField('comments', COMMENTS_MAX, ['id', replies]);
  const mediaIds = pushedValues(ctx, 'MediaId');
  const medias = mediaIds !== undefined
    ? nodesByIds(ctx, mediaIds, { fields: `owner,${comments}` })
    : allMedia(ctx, comments);
  // As in Comments: the continuations of a media page (its comments beyond 50 a media, then the
  // replies beyond 50 a comment, each a round of batches) overlap the next media page; rows keep
  // the page order. Under a pushed LIMIT, media by media and comment by comment, only as far as read.
  if (ctx.limit !== undefined) {
    for await (const page of medias) {
      for (const media of page) {
        const extra = { MediaId: String(media['id']), AccountId: accountOfMedia(media) ?? fixedAccount };
        for await (const comments of nestedEdgeLazily(ctx, media, 'comments', `id,${replies}`, COMMENTS_MAX)) {
          yield* rowsLazily(ctx, comments.map((comment) => replyParent(comment, extra)), 'replies', replyFieldList, COMMENTS_MAX, active);
        }
      }
    }
    return;
  }
  for await (const done of ordered(medias, PAGES_IN_FLIGHT, (page) => repliesOfPage(ctx, page, replies, replyFieldList))) {
    yield* rowsByParent(done.parents.map((parent) => replyParent(parent.comment, { MediaId: parent.media, AccountId: parent.account ?? fixedAccount })), done.replies, active);
  }
}

/** Media pages whose continuations run at once (see Comments' PAGES_IN_FLIGHT). */
const PAGES_IN_FLIGHT = 2;

interface PageReplies {
  /** Every comment of the page's media, in media order, with its media and account. */
  readonly parents: readonly { comment: GraphNode; media: string; account: string | undefined }[];
  /** Comment id → every reply. */
  readonly replies: Map<string, GraphNode[]>;
}

/**
 * The replies under a page of media: the comments beyond the nested 50 a media (each continued
 * with its own nested replies), then the replies beyond the nested 50 a comment, each in rounds of
 * batches for all parents of the page at once (nestedEdges), not one request per media or comment.
 */
async function repliesOfPage(ctx: ViewContext, medias: readonly GraphNode[], replies: string, fields: string): Promise<PageReplies> {
  const commentsOf = await nestedEdges(ctx, medias, 'comments', `id,${replies}`, COMMENTS_MAX);
  const parents: { comment: GraphNode; media: string; account: string | undefined }[] = [];
  for (const media of medias) {
    const id = String(media['id']);
    const account = accountOfMedia(media);
    for (const comment of commentsOf.get(id) ?? []) parents.push({ comment, media: id, account });
  }
  return { parents, replies: await nestedEdges(ctx, parents.map((p) => p.comment), 'replies', fields, COMMENTS_MAX) };
}

function accountOfMedia(media: GraphNode): string | undefined {
  return (path(media, 'owner', 'id') as string | undefined) ?? (media['__account'] as string | undefined);
}

/** A comment as the parent of its replies' rows: its media and account, and its id as CommentId. */
function replyParent(comment: GraphNode, extra: Readonly<Record<string, SqlValue>>): RowParent {
  return { node: comment, extra: { ...extra, CommentId: String(comment['id']) } };
}

async function* allMedia(ctx: ViewContext, comments: string): AsyncGenerator<GraphNode[]> {
  yield* acrossAccounts(ctx, async function* (account): AsyncGenerator<GraphNode[]> {
    for await (const page of edgeNodes(ctx, `/${account.id}/media`, { fields: `id,${comments}`, limit: ctx.api.pageSize }, false, true)) {
      yield page.map((media) => ({ ...media, __account: account.id }));
    }
  });
}
