/**
 * IG comments and replies (graph-api.md §1.5). `username` needs `instagram_manage_comments`; `user`
 * appears only on comments the app user (the media owner) wrote; `parent_id` only on replies; the
 * `replies` edge lists replies oldest first.
 */
import { graphTimestamp } from '../clock.js';
import type { SandboxApp } from '../context.js';
import type { CommentRecord } from '../data/comments.js';
import { emptySource } from '../data/list-source.js';
import { noPermission } from '../graph-error.js';
import { edge, nodeRef, scalar } from './define.js';
import { canReadMedia, mediaOfComment } from './ig-media.js';

export function defineIgCommentType(app: SandboxApp): void {
  app.nodes.define<CommentRecord>({
    name: 'IGComment', graphName: 'IGComment', pathParam: 'ig-comment-id', defaultFields: 'timestamp,text,id',
    canRead: (comment, viewer, req) => {
      if (!viewer.hasScope('instagram_basic')) throw noPermission();
      const media = mediaOfComment(req, comment);
      return media !== undefined && canReadMedia(app, media, viewer);
    },
    fields: {
      text: scalar((c) => c.text),
      timestamp: scalar((c) => graphTimestamp(c.timestampMs)),
      username: scalar((c, ctx) => (ctx.req.viewer().hasScope('instagram_manage_comments') ? c.username : undefined)),
      like_count: scalar((c) => c.likeCount),
      hidden: scalar((c) => c.hidden),
      parent_id: scalar((c) => c.parentId),
      from: scalar((c) => ({ id: c.fromId, username: c.username })),
      media: nodeRef((c) => c.mediaId),
      user: nodeRef((c) => {
        if (!c.byOwner) return undefined;
        return app.data.igAccount(c.accountIndex)?.id;
      }),
      legacy_instagram_comment_id: scalar((c) => c.id),
    },
    edges: {
      replies: edge<CommentRecord>({
        itemType: 'IGComment', defaultFields: 'timestamp,text,id', maxLimit: 50, paging: 'after-only',
        list: (c) => (c.reply === 0 ? app.data.replies(c) : emptySource<CommentRecord>()),
      }),
    },
  });
}
