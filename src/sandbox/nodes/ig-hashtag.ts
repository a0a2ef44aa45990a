/**
 * IG hashtags (graph-api.md §1.7): `/{hashtag-id}?fields=id,name` and the public `top_media` /
 * `recent_media` edges, which need `user_id` (one of the caller's IG accounts), allow at most 50
 * per page, never return `username`, and page with an `after` cursor only (`recent_media`: the
 * same cursor every time, positions kept server-side).
 */
import type { SandboxApp } from '../context.js';
import type { HashtagRecord } from '../data/hashtags.js';
import { noPermission } from '../graph-error.js';
import { edge, scalar } from './define.js';
import type { EdgeContext } from './node-registry.js';

function checkUser(ctx: EdgeContext): void {
  const userId = ctx.params['user_id'];
  if (userId !== undefined && userId !== '' && !ctx.req.viewer().igAccountIds.has(userId)) throw noPermission();
}

export function defineIgHashtagType(app: SandboxApp): void {
  app.nodes.define<HashtagRecord>({
    name: 'IGHashtag', graphName: 'ShadowIGHashtag', pathParam: 'hashtag-id', defaultFields: 'id',
    canRead: (_tag, viewer) => {
      if (!viewer.hasScope('instagram_basic')) throw noPermission();
      return true;
    },
    fields: { name: scalar((t) => t.name) },
    edges: {
      top_media: edge<HashtagRecord>({
        itemType: 'IGMedia', defaultFields: 'id', maxLimit: 50, paging: 'after-only', reach: 'hashtag', requiredParams: ['user_id'],
        list: (tag, ctx) => {
          checkUser(ctx);
          return app.data.topMedia(tag);
        },
      }),
      recent_media: edge<HashtagRecord>({
        itemType: 'IGMedia', defaultFields: 'id', maxLimit: 50, paging: 'constant-after', reach: 'hashtag', requiredParams: ['user_id'],
        list: (tag, ctx) => {
          checkUser(ctx);
          return app.data.recentMedia(tag, app.clock.now());
        },
      }),
    },
  });
}
