import { defineView } from '../define-view.js';
import { col, graphFields, path, selectColumns, toRow, type GraphColumn } from '../graph-columns.js';
import { accountsInScope, pushedValues } from '../pushed.js';
import { edgeNodes, nestedEdge, nestedField, nodesByIds } from '../scan.js';
import type { Row, SqlValue } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';
import { COMMENTS_MAX, commentColumns } from './comments.js';
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
  notes: ['Needs instagram_basic and instagram_manage_comments.', 'Without a filter, replies come nested in the media pages (media → comments → replies).'],
  list: listReplies,
  describe(ctx) {
    const fields = replyFields(ctx).join(',');
    const replies = nestedField('replies', COMMENTS_MAX, [fields]);
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
  const replies = nestedField('replies', COMMENTS_MAX, fields);
  const commentIds = pushedValues(ctx, 'CommentId');
  if (commentIds !== undefined) {
    for await (const comments of nodesByIds(ctx, commentIds, { fields: `media,${replies}` })) {
      for (const comment of comments) {
        const extra = { MediaId: (path(comment, 'media', 'id') as string | undefined) ?? null, AccountId: fixedAccount };
        yield* repliesOf(ctx, comment, active, fields, extra);
      }
    }
    return;
  }
  const comments = nestedField('comments', COMMENTS_MAX, ['id', replies]);
  const mediaIds = pushedValues(ctx, 'MediaId');
  const medias = mediaIds !== undefined
    ? nodesByIds(ctx, mediaIds, { fields: `owner,${comments}` })
    : allMedia(ctx, comments);
  for await (const page of medias) {
    for (const media of page) {
      const extra = { MediaId: String(media['id']), AccountId: (path(media, 'owner', 'id') as string | undefined) ?? (media['__account'] as string | undefined) ?? fixedAccount };
      for await (const commentPage of nestedEdge(ctx, media, 'comments', `id,${replies}`, COMMENTS_MAX)) {
        for (const comment of commentPage) yield* repliesOf(ctx, comment, active, fields, extra);
      }
    }
  }
}

async function* allMedia(ctx: ViewContext, comments: string): AsyncGenerator<GraphNode[]> {
  for (const account of await accountsInScope(ctx)) {
    for await (const page of edgeNodes(ctx, `/${account.id}/media`, { fields: `id,${comments}`, limit: ctx.api.pageSize })) {
      yield page.map((media) => ({ ...media, __account: account.id }));
    }
  }
}

async function* repliesOf(
  ctx: ViewContext,
  comment: GraphNode,
  active: readonly GraphColumn[],
  fields: readonly string[],
  extra: Readonly<Record<string, SqlValue>>,
): AsyncGenerator<Row[]> {
  const withParent = { ...extra, CommentId: String(comment['id']) };
  for await (const nodes of nestedEdge(ctx, comment, 'replies', fields.join(','), COMMENTS_MAX)) {
    yield nodes.map((node) => toRow(active, node, withParent));
  }
}
