/**
 * `GET /{ig-media-id}/insights?metric=a,b[&breakdown=…]` and the nested `insights.metric(a,b)`:
 * checks in the order the answer depends on them, then one lifetime entry per metric.
 *
 *   1. instagram_manage_insights, and the media is one of the caller's     → (#10) no permission
 *   2. metric present; every name valid for this version and date          → (#100) metric[i] must be one of …
 *   3. not a carousel child                                                → (#100) not available within an album
 *   4. every metric served for this product type (one bad metric fails all) → (#100) … does not support the x metric …
 *   5. facebook_views / crossposted_views only on media shared to Facebook  → (#100) … only available …
 *   6. breakdown taken by every metric                                      → code 1 An unknown error (HTTP 500)
 *   7. story older than 24 h, or no stats yet                               → empty data
 *   8. story with fewer than 5 viewers                                      → (#10) Not enough viewers
 */
import type { RequestContext } from '../context.js';
import type { MediaRecord } from '../data/media-record.js';
import { missingParameter, noPermission } from '../graph-error.js';
import { ownsMedia } from '../nodes/ig-media.js';
import {
  albumChildInsights, impressionsRetired, invalidMetric, metricNotSupported, notEnoughViewers, notSharedToFacebook, unsupportedBreakdown,
} from './insight-errors.js';
import type { InsightRecord } from './insight-record.js';
import { hasTooFewViewers, isValidName, supportFor, surfaceOf, validMediaMetricNames, type Gate } from './media-gates.js';
import { mediaMetricRow, SURFACE_NOUNS, type MediaMetricRow } from './media-metrics.js';
import { mediaBreakdown, mediaValue } from './media-values.js';

const STORY_LIFETIME_MS = 24 * 3600_000;

/** Parsed lists by text: a page of media repeats the same `metric` on every item. */
const lists = new Map<string, readonly string[]>();

/** Comma-separated parameter values, trimmed, empties dropped (cached; do not mutate). */
export function listParam(raw: string | undefined): readonly string[] {
  const text = raw ?? '';
  let list = lists.get(text);
  if (list === undefined) {
    list = Object.freeze(text.split(',').map((s) => s.trim()).filter((s) => s !== ''));
    if (lists.size >= 256) lists.clear();
    lists.set(text, list);
  }
  return list;
}

/** Descriptions with the surface's noun filled in, by row and surface (a few dozen). */
const descriptions = new Map<MediaMetricRow, Map<string, string>>();

function descriptionOf(row: MediaMetricRow, surface: keyof typeof SURFACE_NOUNS): string {
  let bySurface = descriptions.get(row);
  if (bySurface === undefined) descriptions.set(row, (bySurface = new Map()));
  let text = bySurface.get(surface);
  if (text === undefined) bySurface.set(surface, (text = row.description.replaceAll('{noun}', SURFACE_NOUNS[surface])));
  return text;
}

function checkNames(names: readonly string[], gate: Gate): MediaMetricRow[] {
  return names.map((name, index) => {
    const row = mediaMetricRow(name);
    if (row === undefined || !isValidName(row, gate)) throw invalidMetric(index, validMediaMetricNames(gate));
    return row;
  });
}

/** The insight entries of one media for the request (or the expansion's modifiers) `params`. */
export function mediaInsights(req: RequestContext, media: MediaRecord, params: Readonly<Record<string, string>>): InsightRecord[] {
  const viewer = req.viewer();
  if (!viewer.hasScope('instagram_manage_insights') || !ownsMedia(req.app, media, viewer)) throw noPermission();
  const names = listParam(params['metric']);
  if (names.length === 0) throw missingParameter('metric');
  const gate: Gate = { version: req.versionNumber, nowMs: req.clock.now() };
  const rows = checkNames(names, gate).filter((row, i, all) => all.indexOf(row) === i);
  const surface = surfaceOf(media);
  if (surface === undefined) throw albumChildInsights();
  for (const row of rows) {
    const support = supportFor(row, media, surface, gate);
    if (support === 'retired') throw media.mediaType === 'VIDEO' ? metricNotSupported(row.name) : impressionsRetired();
    if (support === 'unsupported') throw metricNotSupported(row.name);
    if (support === 'not-on-facebook') throw notSharedToFacebook(row.name);
  }
  const breakdowns = listParam(params['breakdown']);
  for (const row of rows) for (const b of breakdowns) if (row.breakdown !== b) throw unsupportedBreakdown();
  const stats = media.stats;
  if (stats === undefined) return [];
  if (media.productType === 'STORY' && gate.nowMs - media.timestampMs >= STORY_LIFETIME_MS) return [];
  if (hasTooFewViewers(media)) throw notEnoughViewers();
  const seed = req.app.options.seed;
  return rows.map((row): InsightRecord => {
    const value = mediaValue(row.name, media, stats, seed);
    const entry: InsightRecord = {
      id: `${media.id}/insights/${row.name}/lifetime`, name: row.name, period: 'lifetime', values: [{ value }],
      title: row.title, description: descriptionOf(row, surface),
    };
    if (breakdowns.length === 0 || row.breakdown === undefined) return entry;
    const { results } = mediaBreakdown(row.name, media, stats, seed);
    return {
      ...entry,
      totalValue: { value, breakdowns: [{ dimension_keys: [row.breakdown], results: results.map(([label, v]) => ({ dimension_values: [label], value: v })) }] },
    };
  });
}
