/**
 * Comment moderation through the overlay (graph-api.md §1.5 "Writes"). All need
 * instagram_manage_comments (else (#10)) and media of one of the caller's IG accounts (others'
 * media, carousel children and stories → `Unsupported post request` 100/33, as Meta answers for an
 * operation an object does not support).
 *
 *   POST /{ig-media-id}/comments?message=       → {id}; not when comments are disabled
 *   POST /{ig-comment-id}/replies?message=      → {id}; a reply to a reply joins the top-level
 *                                                  comment; hidden comments cannot be replied to
 *   POST /{ig-comment-id}?hide=true|false       → {success:true}; comments by the media owner stay visible
 *   DELETE /{ig-comment-id}                     → {success:true}; a top-level comment goes with its replies
 *
 * `message` comes from the query string, a form or a JSON body; at most 2200 characters. New
 * comments are written by the IG account (byOwner: `user` is set, they cannot be hidden).
 * comments_count and the parent's reply count follow every write.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import type { CommentRecord } from '../data/comments.js';
import type { MediaRecord } from '../data/media-record.js';
import { missingParameter, noPermission, unsupportedRequest } from '../graph-error.js';
import { mediaOfComment, ownsMedia } from '../nodes/ig-media.js';
import { booleanParam, COMMENT_MAX_CHARS, writeErrors } from './write-errors.js';

/** The media a write may touch: own, top-level, not a story. */
export function writableMedia(ctx: RequestContext, media: MediaRecord | undefined, id: string): MediaRecord {
  if (media === undefined || !ownsMedia(ctx.app, media, ctx.viewer()) || media.kind === 'child' || media.productType === 'STORY') {
    throw unsupportedRequest(ctx.method, id);
  }
  return media;
}

function requireManageComments(ctx: RequestContext): void {
  if (!ctx.viewer().hasScope('instagram_manage_comments')) throw noPermission();
}

function message(ctx: RequestContext): string {
  const text = ctx.params['message'];
  if (text === undefined) throw missingParameter('message');
  if (text.trim() === '') throw writeErrors.emptyMessage();
  if ([...text].length > COMMENT_MAX_CHARS) throw writeErrors.messageTooLong();
  return text;
}

function newComment(ctx: RequestContext, media: MediaRecord, text: string, parent: CommentRecord | undefined): CommentRecord {
  const account = ctx.app.data.igAccount(media.accountIndex!)!;
  const record: CommentRecord = {
    id: ctx.data.overlay.newId(), accountIndex: account.index, mediaIndex: -1, mediaId: media.id,
    comment: parent?.comment ?? -1, reply: parent === undefined ? 0 : 1, parentId: parent?.id, text,
    timestampMs: Math.floor(ctx.clock.now() / 1000) * 1000, username: account.username, fromId: account.id,
    byOwner: true, likeCount: 0, hidden: false, replyCount: 0,
  };
  ctx.data.overlay.put(record.id, 'IGComment', record);
  return record;
}

function postComment(ctx: RequestContext): { id: string } {
  requireManageComments(ctx);
  const media = writableMedia(ctx, ctx.node!.record as MediaRecord, ctx.node!.id);
  if (!media.isCommentEnabled) throw writeErrors.commentsDisabled();
  const comment = newComment(ctx, media, message(ctx), undefined);
  ctx.data.overlay.prepend(`${media.id}/comments`, comment.id);
  ctx.data.overlay.adjust(media.id, 'comments', 1);
  return { id: comment.id };
}

function commentAndMedia(ctx: RequestContext): { comment: CommentRecord; media: MediaRecord } {
  requireManageComments(ctx);
  const comment = ctx.node!.record as CommentRecord;
  return { comment, media: writableMedia(ctx, mediaOfComment(ctx, comment), comment.id) };
}

function postReply(ctx: RequestContext): { id: string } {
  const { comment, media } = commentAndMedia(ctx);
  const top = comment.reply === 0 ? comment : (ctx.data.lookup(comment.parentId ?? '')?.record as CommentRecord | undefined);
  if (top === undefined) throw unsupportedRequest(ctx.method, comment.id);
  if (comment.hidden || top.hidden) throw writeErrors.hiddenComment();
  if (!media.isCommentEnabled) throw writeErrors.commentsDisabled();
  const reply = newComment(ctx, media, message(ctx), top);
  ctx.data.overlay.prepend(`${top.id}/replies`, reply.id);
  ctx.data.overlay.adjust(top.id, 'replies', 1);
  ctx.data.overlay.adjust(media.id, 'comments', 1);
  return { id: reply.id };
}

function hideComment(ctx: RequestContext): { success: true } {
  const { comment } = commentAndMedia(ctx);
  const hide = booleanParam(ctx.params, 'hide');
  if (hide === undefined) throw missingParameter('hide');
  if (!comment.byOwner) ctx.data.overlay.patch(comment.id, { hidden: hide });
  return { success: true };
}

function deleteComment(ctx: RequestContext): { success: true } {
  const { comment, media } = commentAndMedia(ctx);
  const { overlay } = ctx.data;
  if (comment.reply === 0) {
    const replies = ctx.data.replies(comment);
    for (const reply of replies.slice(0, replies.total)) overlay.remove(reply.id);
    overlay.adjust(media.id, 'comments', -(1 + replies.total));
  } else {
    if (comment.parentId !== undefined) overlay.adjust(comment.parentId, 'replies', -1);
    overlay.adjust(media.id, 'comments', -1);
  }
  overlay.remove(comment.id);
  return { success: true };
}

export function installCommentWrites(app: SandboxApp): void {
  app.router.post('/{ig-media-id}/comments', postComment);
  app.router.post('/{ig-comment-id}/replies', postReply);
  app.router.post('/{ig-comment-id}', hideComment);
  app.router.delete('/{ig-comment-id}', deleteComment);
}
