/**
 * Media read by id *with* their insights in the same grouped read
 * (`?ids=...&fields=id,media_type,...,insights.metric(reach,views)`), when every wanted metric is
 * one the API serves for every kind of media the view covers: then no metric can be refused for
 * one media type, and the separate insights round trip is saved. A group the API refuses (one
 * media without insights, `(#10) Not enough viewers`) is read again without insights, and those
 * media get their metrics the usual way (media-insights-fetch.ts, media by media on refusal).
 */
import { GraphApiError } from '../../errors.js';
import { chunk, ordered } from '../fetch-helpers.js';
import { BATCH_MAX, IDS_MAX, multiRead, nodesByIds } from '../scan.js';
import type { GraphNode, GraphParams, ViewContext } from '../view-api.js';
import { servedFor, type MediaMetric, type MediaSurface } from './media-metrics.js';

/** The metric names to nest, or undefined when nesting could make the API refuse a whole group. */
export function nestableMetrics(ctx: ViewContext, wanted: readonly MediaMetric[], surfaces: readonly MediaSurface[]): string[] | undefined {
  if (!ctx.api.grouping || wanted.length === 0 || surfaces.includes('STORY')) return undefined;
  const all = wanted.every((w) => !w.alone && surfaces.every((s) => servedFor(w, s, ctx.api.version)));
  return all ? wanted.map((w) => w.metric) : undefined;
}

/**
 * Nodes of `ids` (in order, missing ids skipped) with `insights` nested; nodes of a refused group
 * come without `insights`.
 */
export async function* nodesWithInsights(ctx: ViewContext, ids: readonly string[], fields: string, metrics: readonly string[]): AsyncGenerator<GraphNode[]> {
  const params: GraphParams = { fields: `${fields},insights.metric(${metrics.join(',')})` };
  yield* ordered(chunk(chunk(ids, IDS_MAX), BATCH_MAX), ctx.api.concurrency, async (groups) => {
    const answers = await multiRead(ctx, groups.map((group) => ({ ids: group, params })));
    const nodes: GraphNode[] = [];
    for (let i = 0; i < groups.length; i++) {
      const answer = answers[i]!;
      if (answer instanceof GraphApiError) {
        if (answer.isTransient || answer.graphCode === 190) throw answer;
        for await (const plain of nodesByIds(ctx, groups[i]!, { fields })) nodes.push(...plain);
      } else {
        for (const id of groups[i]!) if (answer[id] !== undefined) nodes.push(answer[id]!);
      }
    }
    return nodes;
  });
}
