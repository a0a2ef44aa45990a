import { defineView } from '../define-view.js';
import { col, graphFields, path, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { acrossAccounts, namedAccount, pushedValues } from '../pushed.js';
import { mapPages } from '../fetch-helpers.js';
import { nestedEdgeLazily, rowsLazily, type RowParent } from '../nested-rest.js';
import { rowsAsAnswered, type NestedLevel } from '../nested-stream.js';
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
    'Without a filter, replies come nested in the media pages (media → comments → replies); comments beyond 50 a media and replies beyond 50 a comment continue in batch requests (50 to a request), not one request per media or comment.',
    'A full scan hands on each answer as it arrives, so the replies of different comments interleave (each comment\'s stay in order); ORDER BY gives a fixed order. Under LIMIT, comment by comment.',
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
  const fixedAccount = namedAccount(ctx);
  const ids = pushedValues(ctx, 'Id');
  if (ids !== undefined) {
    for await (const nodes of nodesByIds(ctx, ids, { fields: fields.join(',') })) {
      yield nodes.map((node) => toRow(active, node, { AccountId: fixedAccount }));
    }
    return;
  }
  const replies = nestedField('replies', nestedLimit(ctx), fields);
  const replyFieldList = fields.join(',');
  const repliesLevel: NestedLevel = { edge: 'replies', fields: replyFieldList };
  const commentIds = pushedValues(ctx, 'CommentId');
  if (commentIds !== undefined) {
    const comments = mapPages(nodesByIds(ctx, commentIds, { fields: `media,${replies}` }), (comment) =>
      replyParent(comment, { MediaId: (path(comment, 'media', 'id') as string | undefined) ?? null, AccountId: fixedAccount }));
    if (ctx.limit === undefined) yield* rowsAsAnswered(ctx, comments, [repliesLevel], COMMENTS_MAX, active);
    else for await (const parents of comments) yield* rowsLazily(ctx, parents, 'replies', replyFieldList, COMMENTS_MAX, active);
    return;
  }
  const comments = nestedField('comments', COMMENTS_MAX, ['id', replies]);
  const mediaIds = pushedValues(ctx, 'MediaId');
  const medias = mapPages(
    mediaIds !== undefined ? nodesByIds(ctx, mediaIds, { fields: `owner,${comments}` }) : allMedia(ctx, comments),
    (media) => ({ node: media, extra: { MediaId: String(media['id']), AccountId: accountOfMedia(media) ?? fixedAccount } }),
  );
  // As in Comments: a full scan hands each answer's replies on as it arrives (nested-stream.ts),
  // the comments beyond 50 a media and the replies beyond 50 a comment continued in shared
  // batches. Under a pushed LIMIT, media by media and comment by comment, only as far as read.
  if (ctx.limit === undefined) {
    const commentsLevel: NestedLevel = { edge: 'comments', fields: `id,${replies}`, extraOf: (comment, extra) => replyParent(comment, extra).extra };
    yield* rowsAsAnswered(ctx, medias, [commentsLevel, repliesLevel], COMMENTS_MAX, active);
    return;
  }
  for await (const page of medias) {
    for (const { node: media, extra } of page) {
      for await (const comments of nestedEdgeLazily(ctx, media, 'comments', `id,${replies}`, COMMENTS_MAX)) {
        yield* rowsLazily(ctx, comments.map((comment) => replyParent(comment, extra)), 'replies', replyFieldList, COMMENTS_MAX, active);
      }
    }
  }
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
