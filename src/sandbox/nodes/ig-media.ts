/**
 * IG media (feed posts, reels, carousel albums and their children, stories, public hashtag media).
 * Omission rules (graph-api.md §1.3): no caption / counts / is_comment_enabled on carousel children;
 * thumbnail_url on videos only; is_shared_to_feed on reels only; `owner` only for the caller's own
 * media (others get `username`); `like_count` left out when the owner hides likes and the media is
 * reached through an edge; `view_count` only through business discovery; no `username` on hashtag media.
 */
import { graphTimestamp } from '../clock.js';
import type { RequestContext, SandboxApp, Viewer } from '../context.js';
import type { CommentRecord } from '../data/comments.js';
import { emptySource } from '../data/list-source.js';
import type { MediaRecord } from '../data/media-record.js';
import { noPermission } from '../graph-error.js';
import { edge, nodeRef, scalar } from './define.js';
import type { FieldContext } from './node-registry.js';

function ownerId(app: SandboxApp, media: MediaRecord): string | undefined {
  return media.accountIndex === undefined ? undefined : app.data.igAccount(media.accountIndex)?.id;
}

/** True when the media belongs to one of the caller's IG accounts. */
export function ownsMedia(app: SandboxApp, media: MediaRecord, viewer: Viewer): boolean {
  const owner = ownerId(app, media);
  return owner !== undefined && viewer.igAccountIds.has(owner);
}

export function canReadMedia(app: SandboxApp, media: MediaRecord, viewer: Viewer): boolean {
  if (!viewer.hasScope('instagram_basic')) throw noPermission();
  if (media.accountIndex === undefined) return true; // public hashtag media and their children
  const account = app.data.igAccount(media.accountIndex);
  return account !== undefined && (!account.managed || viewer.igAccountIds.has(account.id)) && (media.kind !== 'story' || ownsMedia(app, media, viewer));
}

const topLevel = (m: MediaRecord): boolean => m.kind !== 'child';
const counts = (m: MediaRecord): boolean => topLevel(m) && !m.countsHidden && m.stats !== undefined;

export function defineIgMediaType(app: SandboxApp): void {
  const username = (m: MediaRecord, ctx: FieldContext): string | undefined =>
    m.accountIndex === undefined || ctx.reach === 'hashtag' ? undefined : m.accountIndex === undefined ? undefined : app.data.igAccount(m.accountIndex)?.username;
  app.nodes.define<MediaRecord>({
    name: 'IGMedia', graphName: 'ShadowIGMedia', pathParam: 'ig-media-id', defaultFields: 'id',
    canRead: (media, viewer) => canReadMedia(app, media, viewer),
    fields: {
      caption: scalar((m) => (topLevel(m) ? m.caption : undefined)),
      media_type: scalar((m) => m.mediaType),
      media_product_type: scalar((m) => m.productType),
      media_url: scalar((m) => m.mediaUrl),
      permalink: scalar((m) => m.permalink),
      thumbnail_url: scalar((m) => (m.mediaType === 'VIDEO' ? m.thumbnailUrl : undefined)),
      timestamp: scalar((m) => graphTimestamp(m.timestampMs)),
      username: scalar(username),
      owner: nodeRef((m, ctx) => (ownsMedia(app, m, ctx.req.viewer()) ? ownerId(app, m) : undefined)),
      like_count: scalar((m, ctx) => (!topLevel(m) || (m.likesHidden && ctx.reach !== 'direct') ? undefined : m.stats?.likes)),
      comments_count: scalar((m) => (topLevel(m) ? m.stats?.comments : undefined)),
      is_comment_enabled: scalar((m) => (topLevel(m) ? m.isCommentEnabled : undefined)),
      shortcode: scalar((m) => m.shortcode),
      is_shared_to_feed: scalar((m) => (m.productType === 'REELS' ? m.isSharedToFeed : undefined)),
      alt_text: scalar((m) => (m.mediaType === 'IMAGE' ? m.altText : undefined)),
      legacy_instagram_media_id: scalar((m) => m.igId),
      ig_id: scalar((m) => m.igId),
      view_count: scalar((m, ctx) => (ctx.reach === 'discovery' && m.productType === 'REELS' ? m.stats?.views : undefined)),
      reposts_count: scalar((m) => (counts(m) ? m.stats!.reposts : undefined)),
      saved_count: scalar((m) => (counts(m) ? m.stats!.saved : undefined)),
      shares_count: scalar((m) => (counts(m) ? m.stats!.shares : undefined)),
      total_like_count: scalar((m) => (counts(m) ? m.stats!.likes + Math.round(m.stats!.facebookViews * 0.04) : undefined)),
      total_comments_count: scalar((m) => (counts(m) ? m.stats!.comments : undefined)),
      total_views_count: scalar((m) => (counts(m) ? m.stats!.views + m.stats!.facebookViews : undefined)),
      boost_eligibility_info: scalar((m) => (topLevel(m) && m.productType !== 'STORY' ? { eligible_to_boost: m.mediaUrl !== undefined } : undefined)),
      copyright_check_information: scalar((m) => (m.mediaType === 'VIDEO' && topLevel(m) ? { status: { status: 'completed', matches_found: m.mediaUrl === undefined } } : undefined)),
    },
    edges: {
      children: edge<MediaRecord>({
        itemType: 'IGMedia', defaultFields: 'id', paging: 'none', defaultLimit: 10, maxLimit: 10,
        list: (m) => app.data.children(m),
      }),
      comments: edge<MediaRecord>({
        itemType: 'IGComment', defaultFields: 'timestamp,text,id', maxLimit: 50, paging: 'after-only',
        list: (m) => {
          if (m.kind === 'hashtagMedia' || m.kind === 'child') throw noPermission();
          return app.data.comments(m);
        },
      }),
      collaborators: edge<MediaRecord>({ itemType: 'IGUser', defaultFields: 'id,username', list: () => emptySource<unknown>() }),
      product_tags: edge<MediaRecord>({ itemType: 'IGMedia', defaultFields: 'id', paging: 'none', list: () => emptySource<unknown>() }),
    },
  });
}

/** The media a comment belongs to (for visibility checks). */
export function mediaOfComment(req: RequestContext, comment: CommentRecord): MediaRecord | undefined {
  const node = req.data.lookup(comment.mediaId);
  return node?.type === 'IGMedia' ? (node.record as MediaRecord) : undefined;
}
