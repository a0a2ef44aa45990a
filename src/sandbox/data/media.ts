/**
 * Lazy media generation: media i of account a (0 = newest), its carousel children and the account's
 * stories are pure functions of (seed, a, i). Nothing is stored; `world.counters.media` counts builds.
 */
import { CDN_ORIGIN, type IgAccountRecord, type World } from './world.js';
import type { MediaProductType, MediaRecord, MediaStats, MediaType } from './media-record.js';
import { commentTotalFor } from './comment-counts.js';
import { rngFor, unitFor, type Rng } from './rng.js';
import { captionFor, shortcodeOf } from './text.js';

const IG_EPOCH_MS = 1314220021721;
const HOUR = 3600_000;

/** The Instagram pk of a media posted at `timestampMs` (time-ordered, as real pks are). */
export function igPk(timestampMs: number, salt: number): bigint {
  return (BigInt(Math.max(0, timestampMs - IG_EPOCH_MS)) << 23n) | BigInt(salt & 0x7fffff);
}

/** Timestamp of media i of an account: strictly decreasing in i, newest just before the anchor. */
export function mediaTimestamp(world: World, account: IgAccountRecord, index: number): number {
  const offset = 0.05 + 0.9 * unitFor(world.seed, 'media-time', account.index, index);
  return world.anchorMs - Math.round(((index + offset) * account.gapMs) / 1000) * 1000;
}

/** [start, end) of the media indices with since ≤ timestamp ≤ until (epoch ms, either optional). */
export function mediaIndexRange(world: World, account: IgAccountRecord, sinceMs?: number, untilMs?: number): [number, number] {
  const n = account.mediaTotal;
  const firstAtOrBefore = (limit: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (mediaTimestamp(world, account, mid) <= limit) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const start = untilMs === undefined ? 0 : firstAtOrBefore(untilMs);
  const end = sinceMs === undefined ? n : firstAtOrBefore(sinceMs - 1);
  return [start, Math.max(start, end)];
}

function kindAt(rng: Rng, account: IgAccountRecord, index: number): [MediaType, MediaProductType] {
  const forced: [MediaType, MediaProductType][] = [['IMAGE', 'FEED'], ['CAROUSEL_ALBUM', 'FEED'], ['VIDEO', 'REELS'], ['VIDEO', 'FEED']];
  const draw = rng.next();
  if (account.managed && index < forced.length) return forced[index]!;
  if (draw < 0.42) return ['IMAGE', 'FEED'];
  if (draw < 0.62) return ['CAROUSEL_ALBUM', 'FEED'];
  if (draw < 0.72) return ['VIDEO', 'FEED'];
  return ['VIDEO', 'REELS'];
}

export function statsFor(rng: Rng, followers: number, product: MediaProductType, comments: number, sharedToFacebook: boolean): MediaStats {
  const reel = product === 'REELS';
  const story = product === 'STORY';
  const reach = Math.max(1, Math.round(followers * (story ? 0.02 + rng.next() * 0.08 : (0.04 + rng.next() * 0.31) * (reel ? 1 + rng.next() * 2 : 1))));
  const views = Math.round(reach * (1.1 + rng.next() * 0.8));
  const likes = story ? 0 : Math.round(reach * (0.03 + rng.next() * 0.09));
  const shares = Math.round((story ? reach * 0.01 : likes) * rng.next() * 0.12);
  const avgWatchTimeMs = reel ? 3000 + rng.int(22000) : 0;
  return {
    likes, comments, saved: story ? 0 : Math.round(likes * (0.02 + rng.next() * 0.18)), shares,
    reposts: Math.round(shares * rng.next() * 0.3), reach, views,
    follows: Math.round(reach * rng.next() * 0.004), profileVisits: Math.round(reach * (0.005 + rng.next() * 0.025)),
    replies: story ? rng.int(6) : 0, linkClicks: story ? rng.int(12) : 0,
    avgWatchTimeMs, totalWatchTimeMs: avgWatchTimeMs * views, skipRate: reel ? Math.round(2000 + rng.next() * 4000) / 100 : 0,
    facebookViews: sharedToFacebook ? Math.round(views * (0.05 + rng.next() * 0.25)) : 0,
  };
}

function urls(mediaType: MediaType, igId: string): { mediaUrl: string; thumbnailUrl?: string } {
  if (mediaType === 'VIDEO') {
    return { mediaUrl: `${CDN_ORIGIN}/o1/v/t16/f2/m86/${igId}_n.mp4`, thumbnailUrl: `${CDN_ORIGIN}/v/t51.29350-15/${igId}_thumb_n.jpg` };
  }
  return { mediaUrl: `${CDN_ORIGIN}/v/t51.29350-15/${igId}_n.jpg` };
}

/**
 * Recently built media by world and (account, index): an `ids=` read of media a page just listed
 * does not build them again. Records are never mutated (patches copy), so sharing them is safe;
 * `counters.media` still counts every request for one.
 */
const recentMedia = new WeakMap<World, Map<number, MediaRecord>>();
const RECENT_MEDIA = 4096;

export function mediaAt(world: World, account: IgAccountRecord, index: number): MediaRecord {
  world.counters.media++;
  let recent = recentMedia.get(world);
  if (recent === undefined) recentMedia.set(world, (recent = new Map()));
  const key = account.index * 100_000_000 + index;
  let record = recent.get(key);
  if (record === undefined) {
    record = buildMedia(world, account, index);
    if (recent.size >= RECENT_MEDIA) recent.delete(recent.keys().next().value!);
    recent.set(key, record);
  }
  return record;
}

function buildMedia(world: World, account: IgAccountRecord, index: number): MediaRecord {
  const rng = rngFor(world.seed, 'media', account.index, index);
  const [mediaType, productType] = kindAt(rng, account, index);
  const timestampMs = mediaTimestamp(world, account, index);
  const pk = igPk(timestampMs, rng.int(0x7fffff));
  const igId = pk.toString();
  const shortcode = shortcodeOf(pk);
  const reel = productType === 'REELS';
  const childCount = mediaType === 'CAROUSEL_ALBUM' ? rng.between(2, 10) : 0;
  const sharedToFacebook = rng.chance(reel ? 0.35 : 0.15);
  const id = world.ids.encode('media', account.index * 100_000_000 + index);
  const copyrighted = reel && rng.chance(0.15);
  const own = urls(mediaType === 'CAROUSEL_ALBUM' ? 'IMAGE' : mediaType, igId);
  const firstChildUrl = childCount > 0 ? childAt(world, account, index, 0, { id, timestampMs, countsOnly: true }).mediaUrl : undefined;
  const caption = rng.chance(0.9) ? captionFor(rng) : undefined;
  const altText = mediaType === 'IMAGE' && rng.chance(0.3) ? 'Photo of a cup of coffee on a wooden table.' : undefined;
  return {
    kind: 'media', id, accountIndex: account.index, index, mediaType, productType, timestampMs, caption, igId, shortcode,
    permalink: `https://www.instagram.com/${reel ? 'reel' : 'p'}/${shortcode}/`,
    mediaUrl: copyrighted ? undefined : firstChildUrl ?? own.mediaUrl, thumbnailUrl: own.thumbnailUrl, altText,
    isCommentEnabled: !rng.chance(0.05), isSharedToFeed: reel ? rng.chance(0.8) : undefined,
    likesHidden: rng.chance(account.managed ? 0.05 : 0.1) && !(account.managed && index < 4), countsHidden: rng.chance(0.05), sharedToFacebook, childCount,
    stats: statsFor(rng, account.followersCount, productType, commentTotalFor(world, account, index), sharedToFacebook),
  };
}

interface ParentInfo { id: string; timestampMs: number; countsOnly?: boolean }

/** Child c (0-based) of carousel media i. */
export function childAt(world: World, account: IgAccountRecord, index: number, child: number, parent?: ParentInfo): MediaRecord {
  const info = parent ?? { id: world.ids.encode('media', account.index * 100_000_000 + index), timestampMs: mediaTimestamp(world, account, index) };
  if (parent?.countsOnly !== true) world.counters.media++;
  const rng = rngFor(world.seed, 'child', account.index, index, child);
  const mediaType: MediaType = rng.chance(0.8) ? 'IMAGE' : 'VIDEO';
  const timestampMs = info.timestampMs - 1000;
  const pk = igPk(timestampMs, rng.int(0x7fffff));
  const shortcode = shortcodeOf(pk);
  return {
    kind: 'child', id: world.ids.encode('child', (account.index * 100_000_000 + index) * 10 + child), accountIndex: account.index,
    index: child, parentId: info.id, mediaType, productType: 'FEED', timestampMs, igId: pk.toString(), shortcode,
    permalink: `https://www.instagram.com/p/${shortcode}/`, ...urls(mediaType, pk.toString()),
    isCommentEnabled: false, likesHidden: false, countsHidden: false, sharedToFacebook: false, childCount: 0, stats: undefined,
  };
}

/** Story s of an account (0 = newest), posted in the 24 h before the anchor. */
export function storyAt(world: World, account: IgAccountRecord, story: number): MediaRecord {
  world.counters.media++;
  const rng = rngFor(world.seed, 'story', account.index, story);
  const timestampMs = world.anchorMs - Math.round((story * 4 * HOUR + 30 * 60_000 + rng.next() * 3 * HOUR) / 1000) * 1000;
  const mediaType: MediaType = rng.chance(0.7) ? 'IMAGE' : 'VIDEO';
  const pk = igPk(timestampMs, rng.int(0x7fffff));
  const stats = statsFor(rng, account.followersCount, 'STORY', 0, false);
  return {
    kind: 'story', id: world.ids.encode('story', account.index * 1_000_000 + story), accountIndex: account.index, index: story,
    mediaType, productType: 'STORY', timestampMs, caption: rng.chance(0.3) ? captionFor(rng) : undefined, igId: pk.toString(),
    shortcode: shortcodeOf(pk), permalink: `https://instagram.com/stories/${account.username}/${pk.toString()}`,
    ...urls(mediaType, pk.toString()), isCommentEnabled: true, likesHidden: false, countsHidden: false, sharedToFacebook: false,
    childCount: 0,
    // Story 2 of every account has fewer than 5 viewers: its insights answer (#10) Not enough viewers.
    stats: story === 2 ? { ...stats, reach: 3, views: 4 } : stats,
  };
}
