/**
 * One entry of an insights answer, `{ name, period, values?, title, description, total_value?, id }`,
 * and its node type `InsightsResult` so that `fields=` and nested expansions render it like any
 * other object (key order as recorded: name, period, values, title, description, total_value, id).
 */
import type { SandboxApp } from '../context.js';
import { scalar } from '../nodes/define.js';

export interface InsightRecord {
  /** `<object-id>/insights/<metric>/<period>`. */
  readonly id: string;
  readonly name: string;
  readonly period: string;
  /** `[{ value }]` (media), `[{ value, end_time }]` (time series); absent on total_value answers. */
  readonly values?: readonly unknown[];
  readonly title: string;
  readonly description: string;
  /** `{ value?, breakdowns? }`; absent on time series (and on some follows_and_unfollows answers). */
  readonly totalValue?: unknown;
}

export const INSIGHT_FIELDS = 'name,period,values,title,description,total_value';

export function defineInsightType(app: SandboxApp): void {
  app.nodes.define<InsightRecord>({
    name: 'InsightsResult', graphName: 'InsightsResult', pathParam: '', defaultFields: INSIGHT_FIELDS,
    fields: {
      name: scalar((r) => r.name),
      period: scalar((r) => r.period),
      values: scalar((r) => r.values),
      title: scalar((r) => r.title),
      description: scalar((r) => r.description),
      total_value: scalar((r) => r.totalValue),
    },
    edges: {},
  });
}
