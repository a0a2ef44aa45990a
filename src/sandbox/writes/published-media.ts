/**
 * The media a published container becomes: an overlay `MediaRecord` (kind `overlay`) with the
 * fields generated media have (Instagram pk, shortcode, permalink, CDN URLs, zero counts), put in the
 * overlay and listed first in the account's `/media` (or `/stories`). Carousels get child records
 * listed in the album's `/children`, in the order of the `children` parameter.
 */
import type { SandboxApp } from '../context.js';
import type { MediaRecord, MediaStats } from '../data/media-record.js';
import { igPk } from '../data/media.js';
import { shortcodeOf } from '../data/text.js';
import { CDN_ORIGIN, type IgAccountRecord } from '../data/world.js';
import type { ContainerRecord } from './containers.js';

const ZERO: MediaStats = {
  likes: 0, comments: 0, saved: 0, shares: 0, reposts: 0, reach: 0, views: 0, follows: 0, profileVisits: 0, replies: 0,
  linkClicks: 0, avgWatchTimeMs: 0, totalWatchTimeMs: 0, skipRate: 0, facebookViews: 0,
};

interface Built { record: MediaRecord; children: MediaRecord[] }

function urls(isVideo: boolean, pk: string): { mediaUrl: string; thumbnailUrl?: string } {
  return isVideo
    ? { mediaUrl: `${CDN_ORIGIN}/o1/v/t16/f2/m86/${pk}_n.mp4`, thumbnailUrl: `${CDN_ORIGIN}/v/t51.29350-15/${pk}_thumb_n.jpg` }
    : { mediaUrl: `${CDN_ORIGIN}/v/t51.29350-15/${pk}_n.jpg` };
}

function build(app: SandboxApp, container: ContainerRecord, account: IgAccountRecord, timestampMs: number, salt: number, parentId?: string): MediaRecord {
  const pk = igPk(timestampMs, salt).toString();
  const shortcode = shortcodeOf(BigInt(pk));
  const story = container.type === 'STORIES';
  const reel = container.type === 'REELS';
  const child = parentId !== undefined;
  return {
    kind: child ? 'child' : 'overlay', id: app.data.overlay.newId(), accountIndex: account.index, index: -1,
    ...(child ? { parentId } : {}),
    mediaType: container.type === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : container.isVideo ? 'VIDEO' : 'IMAGE',
    productType: story ? 'STORY' : reel ? 'REELS' : 'FEED', timestampMs, caption: container.caption, igId: pk, shortcode,
    permalink: story ? `https://instagram.com/stories/${account.username}/${pk}/` : `https://www.instagram.com/${reel ? 'reel' : 'p'}/${shortcode}/`,
    ...urls(container.isVideo, pk), altText: container.altText, isCommentEnabled: !child,
    isSharedToFeed: reel ? container.shareToFeed : undefined, likesHidden: false, countsHidden: false, sharedToFacebook: false,
    childCount: container.children.length, stats: child ? undefined : ZERO,
  };
}

/** Builds, stores and lists the media for a FINISHED container; returns the new media id. */
export function publishContainer(app: SandboxApp, container: ContainerRecord, account: IgAccountRecord, nowMs: number, containers: ReadonlyMap<string, ContainerRecord>): string {
  const timestampMs = Math.floor(nowMs / 1000) * 1000;
  const salt = app.data.world.counters.media + container.createdMs;
  const built: Built = { record: build(app, container, account, timestampMs, salt), children: [] };
  container.children.forEach((childId, i) => {
    const child = containers.get(childId)!;
    built.children.push(build(app, child, account, timestampMs - 1000, salt + i + 1, built.record.id));
  });
  let record = built.record;
  if (built.children.length > 0) record = { ...record, mediaUrl: built.children[0]!.mediaUrl, thumbnailUrl: undefined };
  const { overlay } = app.data;
  overlay.put(record.id, 'IGMedia', record);
  overlay.prepend(`${account.id}/${container.type === 'STORIES' ? 'stories' : 'media'}`, record.id);
  for (const child of [...built.children].reverse()) {
    overlay.put(child.id, 'IGMedia', child);
    overlay.prepend(`${record.id}/children`, child.id);
  }
  container.children.forEach((childId, i) => {
    containers.get(childId)!.publishedMediaId = built.children[i]!.id;
  });
  container.publishedMediaId = record.id;
  return record.id;
}
