/**
 * MediaInsights (wide: one row per media, one column per metric, NULL where a metric does not
 * apply) and CData's per-surface variants MediaInsightsPost, MediaInsightsPostAlbum,
 * MediaInsightsReels and MediaInsightsStory.
 */
import { defineView, type KeyColumn } from '../define-view.js';
import { ordered } from '../fetch-helpers.js';
import { col, lowerSet, path, toDate, type GraphColumn } from '../graph-columns.js';
import { fetchMediaMetrics, record, type MediaHeader, type MetricValues } from '../insights/media-insights-fetch.js';
import { MEDIA_METRICS, surfaceOf, type MediaMetric, type MediaSurface } from '../insights/media-metrics.js';
import { nestableMetrics, nodesWithInsights } from '../insights/nested-insights.js';
import { acrossAccounts, inRange, pushedRange, pushedValues, rangeParams } from '../pushed.js';
import { edgeNodes, nodesByIds } from '../scan.js';
import type { Row, SqlValue } from '../types.js';
import type { GraphNode, ViewApi, ViewContext } from '../view-api.js';

interface Variant {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly surfaces: readonly MediaSurface[];
  /** Stories are not on the /media edge. */
  readonly edge: 'media' | 'stories';
}

const HEADER_FIELDS = 'id,media_type,media_product_type,timestamp';

function makeView(variant: Variant) {
  const metrics = MEDIA_METRICS.filter((m) => m.surfaces.some((s) => variant.surfaces.includes(s)));
  const columns: GraphColumn[] = [
    col('MediaId', 'String', 'The media id (joins Media.Id).', { key: true }),
    col('AccountId', 'String', 'The account that published the media (a pushed filter).'),
    col('MediaType', 'String', 'IMAGE, VIDEO or CAROUSEL_ALBUM.'),
    col('MediaProductType', 'String', 'FEED, REELS or STORY.'),
    col('Timestamp', 'Datetime', 'When the media was published (a pushed filter: since/until).'),
    ...metrics.map((m) => col(m.column, m.type, `${m.description}${surfaceNote(m.surfaces, variant.surfaces)}`)),
  ];
  const keyColumns: KeyColumn[] = [
    { column: 'MediaId', operators: ['=', 'in'], require: 'optional' },
    { column: 'AccountId', operators: ['=', 'in'], require: 'optional' },
    { column: 'Timestamp', operators: ['=', '<', '<=', '>', '>='], require: 'optional' },
  ];
  return defineView<ViewApi>({
    name: variant.name,
    aliases: variant.aliases,
    description: variant.description,
    columns,
    keyColumns,
    examples: [
      { description: 'Reach and views of recent media', sql: `SELECT MediaId, Reach, Views FROM ${variant.name} WHERE Timestamp >= '2026-10-01'` },
      { description: 'Insights next to the media', sql: `SELECT m.Caption, i.Reach FROM Media m JOIN ${variant.name} i ON i.MediaId = m.Id ORDER BY i.Reach DESC LIMIT 10` },
    ],
    notes: [
      'Needs instagram_basic and instagram_manage_insights.',
      'Each media is asked only for the metrics its surface has (feed post, album, reel, story), in grouped reads of 50 media; a metric the API refuses for one media leaves that cell NULL and never fails the query.',
      'Story metrics exist for 24 hours only; stories with fewer than 5 viewers have NULL metrics.',
      'Impressions, Plays and VideoViews were retired by Meta: their columns stay, always NULL, so older queries still run.',
    ],
    list: (ctx) => listInsights(ctx, variant, metrics),
    describe(ctx) {
      const separate = 'POST / batch=[GET ?ids={up to 50 media of one surface}&fields=insights.metric({that surface\'s metrics})] (per page)';
      if (pushedValues(ctx, 'MediaId')) {
        // Metrics every covered media type has come nested in the read by id (nested-insights.ts).
        const wantedColumns = lowerSet(ctx.columns);
        const nested = nestableMetrics(ctx, metrics.filter((m) => m.retired === undefined && wantedColumns.has(m.column.toLowerCase())), variant.surfaces);
        if (nested) return [`GET /?ids={up to 50 media ids}&fields=${HEADER_FIELDS},owner,insights.metric(${nested.join(',')}) (a group the API refuses is read again without insights, then its insights per surface in a batch)`];
        return [`GET /?ids={up to 50 media ids}&fields=${HEADER_FIELDS},owner`, separate];
      }
      return [`GET /{ig-user-id}/${variant.edge}?fields=${HEADER_FIELDS}&limit=${ctx.api.pageSize} (per account, following paging.next)`, separate];
    },
  });
}

function surfaceNote(metricSurfaces: readonly MediaSurface[], viewSurfaces: readonly MediaSurface[]): string {
  if (viewSurfaces.length === 1 || viewSurfaces.every((s) => metricSurfaces.includes(s))) return '';
  const names: Record<MediaSurface, string> = { FEED: 'posts', ALBUM: 'albums', REELS: 'reels', STORY: 'stories' };
  return ` (${metricSurfaces.map((s) => names[s]).join(', ')} only)`;
}

async function* listInsights(ctx: ViewContext, variant: Variant, metrics: typeof MEDIA_METRICS): AsyncGenerator<Row[]> {
  const wantedColumns = lowerSet(ctx.columns);
  const wanted = metrics.filter((m) => m.retired === undefined && wantedColumns.has(m.column.toLowerCase()));
  const pages = ordered(headerPages(ctx, variant, wanted), ctx.api.concurrency, async (headers) => {
    // Media read with their insights nested need no second request.
    const rest = headers.filter((h) => h.insights === undefined);
    const values: MetricValues = wanted.length > 0 && rest.length > 0 ? await fetchMediaMetrics(ctx, rest, wanted) : new Map();
    for (const h of headers) if (h.insights !== undefined) record(values, h.id, h.insights);
    return headers.map((h) => {
      const row: Record<string, SqlValue> = {
        MediaId: h.id,
        AccountId: h.accountId,
        MediaType: h.mediaType,
        MediaProductType: h.productType,
        Timestamp: h.timestamp,
      };
      const forMedia = values.get(h.id);
      for (const m of metrics) row[m.column] = forMedia?.get(m.metric) ?? null;
      return row as Row;
    });
  });
  for await (const rows of pages) if (rows.length > 0) yield rows;
}

interface Header extends MediaHeader {
  readonly accountId: string | null;
  readonly mediaType: string | null;
  readonly productType: string | null;
  readonly timestamp: Date | null;
  /** The `insights` nested in the header read (nested-insights.ts), when they were asked there. */
  readonly insights?: unknown;
}

async function* headerPages(ctx: ViewContext, variant: Variant, wanted: readonly MediaMetric[]): AsyncGenerator<Header[]> {
  const range = pushedRange(ctx, 'Timestamp');
  const keep = (node: GraphNode, accountId: string | null): Header | undefined => {
    const surface = surfaceOf(node['media_type'], node['media_product_type']);
    const timestamp = toDate(node['timestamp']);
    if (!variant.surfaces.includes(surface) || !inRange(range, timestamp)) return undefined;
    return {
      id: String(node['id']),
      surface,
      accountId: (path(node, 'owner', 'id') as string | undefined) ?? accountId,
      mediaType: (node['media_type'] as string | undefined) ?? null,
      productType: (node['media_product_type'] as string | undefined) ?? null,
      timestamp,
      ...(node['insights'] !== undefined ? { insights: node['insights'] } : {}),
    };
  };
  const ids = pushedValues(ctx, 'MediaId');
  if (ids !== undefined) {
    const nested = nestableMetrics(ctx, wanted, variant.surfaces);
    const reads = nested ? nodesWithInsights(ctx, ids, `${HEADER_FIELDS},owner`, nested) : nodesByIds(ctx, ids, { fields: `${HEADER_FIELDS},owner` });
    for await (const nodes of reads) {
      yield nodes.map((n) => keep(n, null)).filter((h): h is Header => h !== undefined);
    }
    return;
  }
  const params = { fields: HEADER_FIELDS, limit: ctx.api.pageSize, ...(variant.edge === 'media' ? rangeParams(range) : {}) };
  yield* acrossAccounts(ctx, async function* (account): AsyncGenerator<Header[]> {
    for await (const nodes of edgeNodes(ctx, `/${account.id}/${variant.edge}`, params)) {
      const headers = nodes.map((n) => keep(n, account.id)).filter((h): h is Header => h !== undefined);
      if (headers.length > 0) yield headers;
    }
  });
}

export const mediaInsightsView = makeView({
  name: 'MediaInsights',
  aliases: ['MediaInsight'],
  description: 'Insights of every post, album and reel: one row per media, one column per metric (NULL where the metric does not apply to that kind of media). Stories are in MediaInsightsStory.',
  surfaces: ['FEED', 'ALBUM', 'REELS'],
  edge: 'media',
});
export const mediaInsightsPostView = makeView({
  name: 'MediaInsightsPost',
  aliases: [],
  description: 'Insights of feed posts (single images and videos): MediaInsights restricted to that surface.',
  surfaces: ['FEED'],
  edge: 'media',
});
export const mediaInsightsPostAlbumView = makeView({
  name: 'MediaInsightsPostAlbum',
  aliases: ['MediaInsightsAlbum'],
  description: 'Insights of carousel albums: MediaInsights restricted to that surface.',
  surfaces: ['ALBUM'],
  edge: 'media',
});
export const mediaInsightsReelsView = makeView({
  name: 'MediaInsightsReels',
  aliases: ['MediaInsightReels'],
  description: 'Insights of reels: MediaInsights restricted to that surface, with the reel-only metrics.',
  surfaces: ['REELS'],
  edge: 'media',
});
export const mediaInsightsStoryView = makeView({
  name: 'MediaInsightsStory',
  aliases: ['StoryInsights'],
  description: 'Insights of the live stories (the last 24 hours): one row per story.',
  surfaces: ['STORY'],
  edge: 'stories',
});
