/**
 * `GET /ig_hashtag_search?user_id=<ig-user-id>&q=<name>` → `{"data":[{"id":"17843…"}]}` (graph-api.md
 * §1.7). The search is remembered for `/{ig-user-id}/recently_searched_hashtags`. The 30-hashtags-per-
 * 7-days limit is not enforced here (stage 2 rate limits may add it).
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { normaliseHashtag } from '../data/hashtags.js';
import { invalidParameter, missingParameter, noPermission } from '../graph-error.js';
import { renderNode, requestedFields } from '../fields/render.js';

function search(ctx: RequestContext): unknown {
  const userId = ctx.params['user_id'];
  const q = ctx.params['q'];
  if (userId === undefined || userId === '') throw missingParameter('user_id');
  if (q === undefined || q === '') throw missingParameter('q');
  const viewer = ctx.viewer();
  if (!viewer.hasScope('instagram_basic')) throw noPermission();
  if (!viewer.igAccountIds.has(userId)) throw noPermission();
  const name = normaliseHashtag(q);
  if (name === undefined) throw invalidParameter(`The parameter q must be a hashtag name (letters, digits and underscores), got "${q}"`);
  const tag = ctx.data.hashtags.intern(name);
  ctx.data.overlay.recordSearch(userId, tag.id, ctx.clock.now());
  return { data: [renderNode({ type: 'IGHashtag', id: tag.id, record: tag }, requestedFields(ctx.params), ctx, 'edge')] };
}

export function installHashtagSearch(app: SandboxApp): void {
  app.router.get('/ig_hashtag_search', search);
}
