/**
 * Insights (graph-api.md §2): the `insights` edge of IG media and IG users, registered with
 * `installInsights` (features.ts). Media: `GET /{ig-media-id}/insights?metric=…` and the nested
 * `insights.metric(a,b)` in `fields` (so it works in `?ids=` reads and `/media` expansions). Accounts:
 * `GET /{ig-user-id}/insights?metric=…&period=…` with since/until time paging, and the nested form
 * (without paging). The metric tables are data: media-metrics.ts and account-metrics.ts.
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { arraySource } from '../data/list-source.js';
import type { MediaRecord } from '../data/media-record.js';
import type { IgAccountRecord } from '../data/world.js';
import { noPermission } from '../graph-error.js';
import { edge } from '../nodes/define.js';
import { renderNode, requestedFields, defaultSelection } from '../fields/render.js';
import { accountInsights } from './account-insights.js';
import { parseAccountRequest, type AccountRequest } from './account-request.js';
import { defineInsightType, INSIGHT_FIELDS, type InsightRecord } from './insight-record.js';
import { mediaInsights } from './media-insights.js';

export { MEDIA_METRICS, type MediaMetricRow, type MediaSurface } from './media-metrics.js';
export { ACCOUNT_METRICS, type AccountMetricRow } from './account-metrics.js';
export { hasTooFewViewers, isCrossposted, surfaceOf } from './media-gates.js';

const PAGING_EXCLUDED = new Set(['access_token', 'since', 'until']);

/** `paging.previous` / `next`: the same request over the window before / after, as recorded (no cursors). */
export function timePaging(req: RequestContext, accountId: string, request: AccountRequest): { previous: string; next: string } {
  const length = request.until - request.since;
  const link = (since: number, until: number): string => {
    const query = new URLSearchParams();
    if (req.token !== undefined) query.set('access_token', req.token);
    for (const key of req.paramOrder) if (!PAGING_EXCLUDED.has(key)) query.set(key, req.params[key]!);
    query.set('since', String(since));
    query.set('until', String(until));
    return `${req.app.origin}/${req.version}/${accountId}/insights?${query.toString()}`;
  };
  return { previous: link(request.since - 1 - length, request.since - 1), next: link(request.until + 1, request.until + 1 + length) };
}

function accountEntries(req: RequestContext, account: IgAccountRecord, params: Readonly<Record<string, string>>): { entries: InsightRecord[]; request: AccountRequest } {
  if (!req.viewer().hasScope('instagram_manage_insights')) throw noPermission();
  const request = parseAccountRequest(req, params);
  return { entries: accountInsights(req, account, request), request };
}

export function installInsights(app: SandboxApp): void {
  defineInsightType(app);
  const insightsEdge = <R>(list: (record: R, req: RequestContext, params: Readonly<Record<string, string>>) => InsightRecord[]) =>
    edge<R>({
      itemType: 'InsightsResult', defaultFields: INSIGHT_FIELDS, paging: 'none', defaultLimit: 100, maxLimit: 100,
      list: (record, ctx) => arraySource(list(record, ctx.req, ctx.params)),
    });
  app.nodes.addEdge('IGMedia', 'insights', insightsEdge<MediaRecord>((media, req, params) => mediaInsights(req, media, params)));
  app.nodes.addEdge('IGUser', 'insights', insightsEdge<IgAccountRecord>((account, req, params) => accountEntries(req, account, params).entries));

  app.router.get('/{ig-user-id}/insights', (ctx) => {
    const node = ctx.node!;
    const { entries, request } = accountEntries(ctx, node.record as IgAccountRecord, ctx.params);
    const fields = requestedFields(ctx.params) ?? defaultSelection(INSIGHT_FIELDS);
    const data = entries.map((entry) => renderNode({ type: 'InsightsResult', id: entry.id, record: entry }, fields, ctx, 'edge'));
    const body: Record<string, unknown> = { data };
    if (request.rows.some((row) => row.source !== 'demographics')) body['paging'] = timePaging(ctx, node.id, request);
    return body;
  });
}
