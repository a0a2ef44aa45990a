/**
 * Batched correlated subqueries. `EXISTS (SELECT 1 FROM Comments c WHERE c.MediaId = m.Id)` pushes
 * `MediaId = <m.Id>` into the inner scan, so run row by row it costs one Graph request per outer
 * value. Before running the subquery for a batch of outer rows, Apply asks each scan of the
 * subquery that is correlated this way to prefetch: one scan with `MediaId IN (the batch's values)`
 * (which the view groups into `?ids=` reads), its rows kept by value. Each per-value run of the
 * subquery then reads its rows from that cache instead of the Graph API; the answer is unchanged.
 */
import type { PushedPredicate } from '../../schema/define-view.js';
import type { Row, SqlValue } from '../../schema/types.js';
import type { PlanNode, PushTemplate, ScanNode } from '../plan-types.js';
import { valueKey } from '../values.js';
import { coerceTo, keyColumnOf, resolvePushes } from './push-values.js';
import type { RunEnv } from './operator.js';

/** The scans in a (sub)query plan, not looking into nested subqueries. */
export function scanNodesOf(node: PlanNode): ScanNode[] {
  if (node.kind === 'Scan') return [node];
  const out: ScanNode[] = [];
  for (const field of ['input', 'left', 'right'] as const) {
    const child = (node as unknown as Record<string, PlanNode | undefined>)[field];
    if (child && typeof child === 'object' && 'kind' in child) out.push(...scanNodesOf(child));
  }
  return out;
}

/** The `column = <outer column>` template of a scan, when it is the only one reading outer values. */
export function correlatedTemplate(node: ScanNode, outerKey: string): PushTemplate | undefined {
  const reads = (t: PushTemplate) => t.value.kind === 'expr' && JSON.stringify(t.value.expr).includes(JSON.stringify(outerKey));
  const readers = node.pushed.filter(reads);
  const t = readers[0];
  if (readers.length !== 1 || !t || t.op !== '=' || t.value.kind !== 'expr' || t.value.expr.kind !== 'Column' || t.value.expr.key !== outerKey) return undefined;
  return keyColumnOf(node.view, t.column)?.operators.includes('in') ? t : undefined;
}

export interface PrefetchCache {
  readonly column: string;
  readonly rows: Map<unknown, Row[]>;
}

/** Reads the rows of `values` in one scan (IN list), grouped by the value of the correlated column. */
export async function prefetchRows(
  node: ScanNode,
  template: PushTemplate,
  values: readonly SqlValue[],
  env: RunEnv,
  subqueryValues: (id: number) => readonly SqlValue[],
): Promise<PrefetchCache> {
  const coerce = (v: SqlValue): SqlValue => (v === null ? null : coerceTo(v, template.type, `WHERE ${template.text}`));
  const keys = [...new Set(values.map((v) => coerce(v)).filter((v) => v !== null))];
  const rows = new Map<unknown, Row[]>(keys.map((k) => [valueKey(k), []]));
  const others = node.pushed.filter((t) => t !== template);
  const { calls } = resolvePushes(node.view, others, env.compile, subqueryValues, [{ column: template.column, op: 'in', value: keys }]);
  const columns = new Set([...node.columns.map((c) => c.name), template.column]);
  for (const predicates of calls) {
    for await (const page of node.view.list({ columns, predicates, limit: undefined, signal: env.signal, api: env.api })) {
      for (const row of page) {
        const v = row[template.column];
        const list = v === undefined || v === null ? undefined : rows.get(valueKey(coerce(v)));
        if (list) list.push(row);
      }
    }
  }
  return { column: template.column, rows };
}

/** The cached rows for a call whose predicates pin the correlated column to one prefetched value. */
export function cachedPage(cache: PrefetchCache | undefined, predicates: readonly PushedPredicate[]): Row[] | undefined {
  if (!cache) return undefined;
  const p = predicates.find((q) => q.column === cache.column);
  const value = p?.op === '=' ? p.value : p?.op === 'in' && Array.isArray(p.value) && p.value.length === 1 ? p.value[0] : undefined;
  if (value === undefined || value === null) return undefined;
  return cache.rows.get(valueKey(value as SqlValue));
}
