/**
 * `POST /{ig-user-id}/media`: creates a media container and answers `{id}`.
 *
 *   image_url                              image (JPEG; other file extensions → 36001/2207005)
 *   media_type=REELS + video_url           reel (share_to_feed, default true)
 *   media_type=STORIES + image_url|video_url
 *   is_carousel_item=true + image_url, or media_type=VIDEO + video_url   carousel item
 *   media_type=CAROUSEL + children=<2..10 carousel-item container ids>
 *   caption ≤ 2200 characters, ≤ 30 hashtags, ≤ 20 @-mentions (36004/2207010); alt_text ≤ 1000
 *
 * Needs instagram_content_publish; at most `publishing.containersPerDay` (400) per account in 24 h.
 * URLs must be absolute http(s) (else 9004/2207052). A video whose file extension is not .mp4/.mov
 * processes into ERROR (2207026) instead of FINISHED.
 */
import type { RequestContext } from '../context.js';
import type { IgAccountRecord } from '../data/world.js';
import { invalidParameter, missingParameter, noPermission } from '../graph-error.js';
import { parseAbsolute } from '../oauth/redirect-uris.js';
import { CONTAINER_LIFETIME_MS, publishingState, type ContainerRecord, type ContainerType } from './containers.js';
import {
  booleanParam, CAPTION_MAX_CHARS, CAPTION_MAX_HASHTAGS, CAPTION_MAX_MENTIONS, CAROUSEL_MAX_CHILDREN, CAROUSEL_MIN_CHILDREN, writeErrors,
} from './write-errors.js';

const TYPES: ReadonlySet<string> = new Set(['IMAGE', 'VIDEO', 'REELS', 'STORIES', 'CAROUSEL']);
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'mov']);
const VIDEO_FORMAT_SUBCODE = 2207026;
const DAY_MS = 24 * 3600_000;

function extensionOf(url: URL): string | undefined {
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(url.pathname);
  return match?.[1]?.toLowerCase();
}

/** Throws the caption limit that is exceeded (characters, hashtags, @-mentions). */
export function checkCaption(caption: string): void {
  const chars = [...caption].length;
  if (chars > CAPTION_MAX_CHARS) throw writeErrors.captionTooLong(`The caption has ${chars} characters; the maximum is ${CAPTION_MAX_CHARS}.`);
  const hashtags = caption.match(/#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  if (hashtags > CAPTION_MAX_HASHTAGS) throw writeErrors.captionTooLong(`The caption has ${hashtags} hashtags; the maximum is ${CAPTION_MAX_HASHTAGS}.`);
  const mentions = caption.match(/(?<![\w@])@[A-Za-z0-9._]+/g)?.length ?? 0;
  if (mentions > CAPTION_MAX_MENTIONS) throw writeErrors.captionTooLong(`The caption has ${mentions} @-mentions; the maximum is ${CAPTION_MAX_MENTIONS}.`);
}

function containerType(ctx: RequestContext, isCarouselItem: boolean): ContainerType {
  const p = ctx.params;
  const raw = p['media_type'];
  if (raw === undefined || raw === '') {
    if (p['video_url'] !== undefined && p['image_url'] === undefined) {
      if (isCarouselItem) return 'VIDEO';
      throw writeErrors.videoNotForFeed();
    }
    return 'IMAGE';
  }
  const type = raw.toUpperCase();
  if (!TYPES.has(type)) throw writeErrors.unknownMediaType(raw);
  if (type === 'VIDEO' && !isCarouselItem) throw writeErrors.videoNotForFeed();
  if (isCarouselItem && type !== 'IMAGE' && type !== 'VIDEO') throw writeErrors.carousel(`A carousel item must be an image or a video (media_type=VIDEO), not ${type}.`);
  return type as ContainerType;
}

/** The media URL of the container and whether it is a video; validates presence, form and format. */
function mediaUrl(ctx: RequestContext, type: ContainerType): { url: string; isVideo: boolean; failure: number | undefined } | undefined {
  const image = ctx.params['image_url'];
  const video = ctx.params['video_url'];
  if (type === 'CAROUSEL') return undefined;
  if (image !== undefined && video !== undefined) throw writeErrors.bothUrls();
  const wantsVideo = type === 'VIDEO' || type === 'REELS' || (type === 'STORIES' && video !== undefined);
  const given = wantsVideo ? video : image;
  if (given === undefined || given === '') throw missingParameter(type === 'STORIES' ? 'image_url or video_url' : wantsVideo ? 'video_url' : 'image_url');
  const url = parseAbsolute(given);
  if (url === undefined) throw writeErrors.unfetchableUri(given);
  const ext = extensionOf(url);
  if (!wantsVideo && ext !== undefined && !IMAGE_EXTENSIONS.has(ext)) throw writeErrors.unsupportedImageFormat();
  const failure = wantsVideo && ext !== undefined && !VIDEO_EXTENSIONS.has(ext) ? VIDEO_FORMAT_SUBCODE : undefined;
  return { url: given, isVideo: wantsVideo, failure };
}

function carouselChildren(ctx: RequestContext, account: IgAccountRecord, nowMs: number): ContainerRecord[] {
  const text = ctx.params['children'];
  if (text === undefined || text === '') throw missingParameter('children');
  const ids = text.replace(/^\[|\]$/g, '').split(',').map((s) => s.trim().replace(/^"|"$/g, '')).filter((s) => s !== '');
  if (ids.length < CAROUSEL_MIN_CHILDREN || ids.length > CAROUSEL_MAX_CHILDREN) {
    throw writeErrors.carousel(`children has ${ids.length} container ids; a carousel needs ${CAROUSEL_MIN_CHILDREN} to ${CAROUSEL_MAX_CHILDREN}.`);
  }
  const containers = publishingState(ctx.app).containers;
  return ids.map((id) => {
    const child = containers.get(id);
    if (child === undefined || child.igUserId !== account.id || !child.isCarouselItem) {
      throw writeErrors.carousel(`${id} is not a carousel item container (is_carousel_item=true) of this account.`);
    }
    if (nowMs >= child.createdMs + CONTAINER_LIFETIME_MS) throw writeErrors.carousel(`The carousel item container ${id} has expired.`);
    if (child.publishedMediaId !== undefined) throw writeErrors.carousel(`The carousel item container ${id} was already used.`);
    return child;
  });
}

export function createContainer(ctx: RequestContext): { id: string } {
  const viewer = ctx.viewer();
  if (!viewer.hasScope('instagram_content_publish')) throw noPermission();
  const account = ctx.node!.record as IgAccountRecord;
  const { containers } = publishingState(ctx.app);
  const now = ctx.clock.now();
  const limit = ctx.app.options.publishing.containersPerDay;
  let recent = 0;
  for (const c of containers.values()) if (c.igUserId === account.id && c.createdMs > now - DAY_MS) recent++;
  if (recent >= limit) throw writeErrors.tooManyContainers(limit);

  const p = ctx.params;
  const isCarouselItem = booleanParam(p, 'is_carousel_item') ?? false;
  const type = containerType(ctx, isCarouselItem);
  const media = mediaUrl(ctx, type);
  const children = type === 'CAROUSEL' ? carouselChildren(ctx, account, now) : [];
  const caption = p['caption'];
  if (caption !== undefined) checkCaption(caption);
  const altText = p['alt_text'];
  if (altText !== undefined && [...altText].length > 1000) throw invalidParameter('Param alt_text must be at most 1000 characters long');
  const processing = media?.isVideo === true ? ctx.app.options.publishing.videoProcessingSeconds * 1000 : 0;
  const record: ContainerRecord = {
    id: ctx.data.overlay.newId(), igUserId: account.id, accountIndex: account.index, type, isVideo: media?.isVideo ?? false,
    mediaUrl: media?.url, caption: isCarouselItem || type === 'STORIES' ? undefined : caption, altText: media?.isVideo === false ? altText : undefined,
    isCarouselItem, children: children.map((c) => c.id), shareToFeed: booleanParam(p, 'share_to_feed') ?? true,
    createdMs: now, readyMs: Math.max(now + processing, ...children.map((c) => c.readyMs)), failureSubcode: media?.failure,
    publishedMediaId: undefined,
  };
  containers.set(record.id, record);
  ctx.data.overlay.put(record.id, 'IGContainer', record);
  return { id: record.id };
}
