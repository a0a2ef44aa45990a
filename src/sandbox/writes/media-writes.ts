/**
 * Writes on media objects:
 *
 *   POST /{ig-media-id}?comment_enabled=true|false  → {success:true}   (instagram_manage_comments)
 *   DELETE /{ig-media-id}                           → {success:true}   (instagram_manage_contents)
 *
 * Only media of the caller's IG accounts. Carousel children support neither (Meta's children
 * reference: "Deleting: this operation is not supported"), so they get the generic
 * `Unsupported delete request` 100/33; stories cannot have comments toggled but can be deleted.
 * Deleting an album deletes its children; its comments become unreachable with it, and media_count
 * and the /media edge shrink.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import type { MediaRecord } from '../data/media-record.js';
import { missingParameter, noPermission, unsupportedRequest } from '../graph-error.js';
import { ownsMedia } from '../nodes/ig-media.js';
import { writableMedia } from './comment-writes.js';
import { booleanParam } from './write-errors.js';

function setCommentEnabled(ctx: RequestContext): { success: true } {
  if (!ctx.viewer().hasScope('instagram_manage_comments')) throw noPermission();
  const media = writableMedia(ctx, ctx.node!.record as MediaRecord, ctx.node!.id);
  const enabled = booleanParam(ctx.params, 'comment_enabled');
  if (enabled === undefined) throw missingParameter('comment_enabled');
  ctx.data.overlay.patch(media.id, { isCommentEnabled: enabled });
  return { success: true };
}

function deleteMedia(ctx: RequestContext): { success: true } {
  if (!ctx.viewer().hasScope('instagram_manage_contents')) throw noPermission();
  const media = ctx.node!.record as MediaRecord;
  if (!ownsMedia(ctx.app, media, ctx.viewer()) || media.kind === 'child') throw unsupportedRequest(ctx.method, media.id);
  if (media.mediaType === 'CAROUSEL_ALBUM') {
    const children = ctx.data.children(media);
    for (const child of children.slice(0, children.total)) ctx.data.overlay.remove(child.id);
  }
  ctx.data.overlay.remove(media.id);
  return { success: true };
}

export function installMediaWrites(app: SandboxApp): void {
  app.router.post('/{ig-media-id}', setCommentEnabled);
  app.router.delete('/{ig-media-id}', deleteMedia);
}
