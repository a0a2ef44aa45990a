/**
 * `POST /{ig-user-id}/media_publish?creation_id=<container-id>` → `{id}` of the new media, and the
 * `content_publishing_limit` edge that counts what was published.
 *
 * The container must belong to the account (else 24/2207006) and be FINISHED: IN_PROGRESS, ERROR or
 * PUBLISHED → 9007/2207027 `Media ID is not available`; EXPIRED → -2/2207020 (IGERR's row for an
 * expired container). Carousel items are published through their CAROUSEL container. Each publish
 * counts toward the quota (`publishingQuota`, default 50 per 86400 s; carousels count once, stories
 * count); over it → 9/2207042.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import type { MediaRecord } from '../data/media-record.js';
import { arraySource } from '../data/list-source.js';
import type { IgAccountRecord } from '../data/world.js';
import { missingParameter, noPermission } from '../graph-error.js';
import { edge } from '../nodes/define.js';
import { timeWindow } from '../paging/time.js';
import { containerStatus, publishingState } from './containers.js';
import { publishContainer } from './published-media.js';
import { writeErrors } from './write-errors.js';

const DAY_MS = 86_400_000;

/**
 * Posts published by the account in [sinceMs, nowMs]: every media_publish (even if the post was
 * deleted since), plus overlay media put in `/media` directly (stage 1's hook for tests).
 */
export function publishedCount(app: SandboxApp, account: IgAccountRecord, sinceMs: number, nowMs: number): number {
  const { published } = publishingState(app);
  const logged = new Set(published.filter((p) => p.igUserId === account.id).map((p) => p.mediaId));
  let count = published.filter((p) => p.igUserId === account.id && p.atMs >= sinceMs && p.atMs <= nowMs).length;
  for (const id of app.data.overlay.listed(`${account.id}/media`)) {
    if (logged.has(id)) continue;
    const media = app.data.lookup(id)?.record as MediaRecord | undefined;
    if (media?.kind === 'overlay' && media.timestampMs >= sinceMs && media.timestampMs <= nowMs) count++;
  }
  return count;
}

function mediaPublish(ctx: RequestContext): { id: string } {
  const viewer = ctx.viewer();
  if (!viewer.hasScope('instagram_content_publish')) throw noPermission();
  const account = ctx.node!.record as IgAccountRecord;
  const creationId = ctx.params['creation_id'];
  if (creationId === undefined || creationId === '') throw missingParameter('creation_id');
  const state = publishingState(ctx.app);
  const container = state.containers.get(creationId);
  if (container === undefined || container.igUserId !== account.id) throw writeErrors.mediaNotFound(creationId);
  if (container.isCarouselItem) throw writeErrors.carouselItemAlone();
  const now = ctx.clock.now();
  const status = containerStatus(ctx.app, container, now);
  if (status.code === 'EXPIRED') throw writeErrors.expired();
  if (status.code !== 'FINISHED') throw writeErrors.notReady();
  if (publishedCount(ctx.app, account, now - DAY_MS, now) >= ctx.app.options.publishingQuota) throw writeErrors.publishLimit();
  const id = publishContainer(ctx.app, container, account, now, state.containers);
  state.published.push({ igUserId: account.id, mediaId: id, atMs: now });
  return { id };
}

export function installMediaPublish(app: SandboxApp): void {
  app.router.post('/{ig-user-id}/media_publish', mediaPublish);
  app.nodes.addEdge<IgAccountRecord>('IGUser', 'content_publishing_limit', edge<IgAccountRecord>({
    itemType: 'ContentPublishingLimit', defaultFields: 'quota_usage', paging: 'none',
    list: (account, ctx) => {
      const now = app.clock.now();
      const since = timeWindow(ctx.params, now).sinceMs ?? now - DAY_MS;
      return arraySource([{ quotaUsage: publishedCount(app, account, since, now), quotaTotal: app.options.publishingQuota, quotaDuration: 86_400 }]);
    },
  }));
}
