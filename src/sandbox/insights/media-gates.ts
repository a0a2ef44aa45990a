/**
 * Reading the media matrix (media-metrics.ts) for one request: which names are valid for an API
 * version at a given instant, and whether a metric is served for a given media. Pure functions of
 * (row, version, now, media), so unit tests can walk the whole matrix.
 */
import type { MediaRecord } from '../data/media-record.js';
import { MEDIA_METRICS, type MediaMetricRow, type MediaSurface } from './media-metrics.js';

export interface Gate {
  /** API version major (21 for v21.0). */
  readonly version: number;
  /** The sandbox clock, epoch ms. */
  readonly nowMs: number;
}

/** Epoch ms of a `YYYY-MM-DD` day (00:00 UTC). */
export function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Served on every version at this instant (not before `addedOn`, not from `retiredOn`). */
export function aliveOn(row: Pick<MediaMetricRow, 'addedOn' | 'retiredOn'>, nowMs: number): boolean {
  return (row.addedOn === undefined || nowMs >= dayMs(row.addedOn)) && (row.retiredOn === undefined || nowMs < dayMs(row.retiredOn));
}

export function inVersions(row: Pick<MediaMetricRow, 'versions'>, version: number): boolean {
  return row.versions === undefined || (version >= row.versions[0] && version <= row.versions[1]);
}

/** Whether `metric=<name>` passes the name check (else `(#100) metric[i] must be one of …`). */
export function isValidName(row: MediaMetricRow, gate: Gate): boolean {
  if (row.addedOn !== undefined && gate.nowMs < dayMs(row.addedOn)) return false;
  if (row.keepListed === true) return true;
  if (!aliveOn(row, gate.nowMs)) return false;
  if (inVersions(row, gate.version)) return true;
  return row.olderVersions === 'unsupported' && row.versions !== undefined && gate.version < row.versions[0];
}

/** The names the "must be one of" message lists, in Meta's order. */
export function validMediaMetricNames(gate: Gate): string[] {
  return MEDIA_METRICS.filter((row) => isValidName(row, gate)).map((row) => row.name);
}

/** The surface of a media; undefined for carousel children (no insights at all). */
export function surfaceOf(media: MediaRecord): MediaSurface | undefined {
  if (media.kind === 'child') return undefined;
  if (media.productType === 'STORY') return 'STORY';
  if (media.productType === 'REELS') return 'REELS';
  if (media.mediaType === 'CAROUSEL_ALBUM') return 'CAROUSEL_ALBUM';
  return media.mediaType === 'VIDEO' ? 'FEED_VIDEO' : 'FEED_IMAGE';
}

export type Support = 'served' | 'unsupported' | 'retired' | 'not-on-facebook';

/** Whether a valid metric is served for this media, and if not, which error answers. */
export function supportFor(row: MediaMetricRow, media: MediaRecord, surface: MediaSurface, gate: Gate): Support {
  const served = aliveOn(row, gate.nowMs) && inVersions(row, gate.version) && row.surfaces.includes(surface)
    && (row.mediaBefore === undefined || media.timestampMs < dayMs(row.mediaBefore));
  if (!served) return row.retiredMessage !== undefined && row.surfaces.includes(surface) ? 'retired' : 'unsupported';
  if (row.facebookOnly === true && !media.sharedToFacebook) return 'not-on-facebook';
  return 'served';
}

/** Stories are crossposted never; feed posts, albums and reels when `sharedToFacebook`. */
export function isCrossposted(media: MediaRecord): boolean {
  return media.sharedToFacebook;
}

/** A story with fewer than 5 viewers (unique accounts reached): its insights answer (#10). */
export function hasTooFewViewers(media: MediaRecord): boolean {
  return media.productType === 'STORY' && media.stats !== undefined && media.stats.reach < 5;
}
