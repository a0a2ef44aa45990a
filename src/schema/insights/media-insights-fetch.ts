/**
 * Fetching media insights in as few requests as the API allows, without letting one media or one
 * metric spoil the rest:
 * - media are grouped by surface (feed, album, reel, story), each surface asking only for the
 *   metrics it has (so `(#100) ... not supported for this media product type` never happens);
 * - each surface group is one `?ids=...&fields=insights.metric(...)` read of up to 50 media, and
 *   all the groups of a page travel in one batch request;
 * - a group that fails is re-read media by media; a media the API refuses (`(#10) Not enough
 *   viewers`, a deleted media) gets NULL metrics and a warning; a metric it refuses for one media
 *   is dropped for that media and the others are kept.
 */
import { GraphApiError } from '../../errors.js';
import { chunk, ordered } from '../fetch-helpers.js';
import { BATCH_MAX, IDS_MAX, multiRead } from '../scan.js';
import type { GraphNode, ViewContext } from '../view-api.js';
import { servedFor, type MediaMetric, type MediaSurface } from './media-metrics.js';
import { refusedMetric } from './refused-metric.js';

export interface MediaHeader {
  readonly id: string;
  readonly surface: MediaSurface;
}

/** media id → metric name → value (absent: NULL). */
export type MetricValues = Map<string, Map<string, number>>;

/** Metric values of the given media for the wanted metrics. */
export async function fetchMediaMetrics(ctx: ViewContext, media: readonly MediaHeader[], wanted: readonly MediaMetric[]): Promise<MetricValues> {
  const values: MetricValues = new Map();
  const version = ctx.api.version;
  const requests: { ids: string[]; metrics: string[] }[] = [];
  const bySurface = new Map<MediaSurface, string[]>();
  for (const m of media) {
    const list = bySurface.get(m.surface) ?? [];
    list.push(m.id);
    bySurface.set(m.surface, list);
  }
  for (const [surface, ids] of bySurface) {
    const grouped = wanted.filter((w) => !w.alone && servedFor(w, surface, version)).map((w) => w.metric);
    if (grouped.length > 0) for (const group of chunk(ids, IDS_MAX)) requests.push({ ids: group, metrics: grouped });
    // Metrics the API refuses for media that do not qualify are asked media by media.
    for (const w of wanted.filter((x) => x.alone && servedFor(x, surface, version))) {
      for (const id of ids) requests.push({ ids: [id], metrics: [w.metric] });
    }
  }
  if (!ctx.api.grouping) {
    const single = requests.flatMap((r) => r.ids.map((id) => ({ id, metrics: r.metrics })));
    for await (const _ of ordered(single, ctx.api.concurrency, (r) => perMedia(ctx, r.id, r.metrics, values))) void _;
    return values;
  }
  for await (const _ of ordered(chunk(requests, BATCH_MAX), ctx.api.concurrency, (batch) => grouped(ctx, batch, values))) void _;
  return values;
}

async function grouped(ctx: ViewContext, batch: readonly { ids: string[]; metrics: string[] }[], values: MetricValues): Promise<void> {
  const answers = await multiRead(ctx, batch.map((r) => ({ ids: r.ids, params: { fields: insightsField(r.metrics) } })));
  const retries: Promise<void>[] = [];
  batch.forEach((request, i) => {
    const answer = answers[i]!;
    if (answer instanceof GraphApiError) {
      // One media spoiled the group: ask each media alone.
      for (const id of request.ids) retries.push(perMedia(ctx, id, request.metrics, values));
      return;
    }
    for (const id of request.ids) {
      const node = answer[id];
      if (node) record(values, id, node['insights']);
    }
  });
  await Promise.all(retries);
}

function insightsField(metrics: readonly string[]): string {
  return `insights.metric(${metrics.join(',')})`;
}

/** One media's insights; drops metrics the API refuses for it, NULLs when it has none (isMediaRefusal). */
async function perMedia(ctx: ViewContext, id: string, metrics: readonly string[], values: MetricValues): Promise<void> {
  let asked = [...metrics];
  while (asked.length > 0) {
    try {
      const answer = await ctx.api.graph.get(`/${id}/insights`, { metric: asked.join(',') }, { signal: ctx.signal });
      record(values, id, answer);
      return;
    } catch (error) {
      if (!isMediaRefusal(error)) throw error;
      const refused = refusedMetric(error.message, asked);
      if (error.graphCode === 100 && refused !== undefined && asked.length > 1) {
        ctx.api.warn(`media ${id}: the API refused metric ${refused}; reading the others`, { metric: refused });
        asked = asked.filter((m) => m !== refused);
        continue;
      }
      ctx.api.warn(`media ${id}: no insights (${error.message})`, { code: error.graphCode });
      return;
    }
  }
}

/** Stores `{ data: [{ name, values: [{ value }] | total_value: { value } }] }` into `values`. */
export function record(values: MetricValues, id: string, insights: unknown): void {
  const data = (insights as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return;
  const forMedia = values.get(id) ?? new Map<string, number>();
  for (const entry of data as GraphNode[]) {
    const name = entry['name'];
    const first = (entry['values'] as { value?: unknown }[] | undefined)?.[0]?.value;
    const total = (entry['total_value'] as { value?: unknown } | undefined)?.value;
    const value = typeof first === 'number' ? first : typeof total === 'number' ? total : undefined;
    if (typeof name === 'string' && value !== undefined) forMedia.set(name, value);
  }
  values.set(id, forMedia);
}

/**
 * The API's "no insights for this media" answers: a 100 (metric not for this media type, album
 * child, not shared to Facebook…) or 10 "Not enough viewers". They give NULLs for that media; any
 * other error (permissions, rate limits, server errors) fails the query rather than hide its rows' values.
 */
function isMediaRefusal(error: unknown): error is GraphApiError {
  if (!(error instanceof GraphApiError) || error.isTransient) return false;
  return error.graphCode === 100 || (error.graphCode === 10 && /not enough viewers/i.test(error.message));
}
