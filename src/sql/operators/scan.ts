/** Scan: calls a view's `list` with the pushed predicates, columns and limit, and lays out its rows. */
import type { FetchContext, PushedPredicate } from '../../schema/define-view.js';
import type { Row, SqlValue } from '../../schema/types.js';
import { layoutOf } from '../evaluate-types.js';
import type { ScanNode } from '../plan-types.js';
import { parseDatetime } from '../values.js';
import { throwIfAborted, type Batch, type EngineRow, type Operator, type RunEnv } from './operator.js';
import { cachedPage, correlatedTemplate, prefetchRows, type PrefetchCache } from './correlated-prefetch.js';
import { resolvePushes } from './push-values.js';

export interface ScanOperator extends Operator {
  /** The most rows anyone above will read (set by a Limit before opening). */
  limit: number | undefined;
  /** A filter fused into the scan: rows it rejects are never copied out of the view's pages. */
  test: ((row: EngineRow) => boolean | null) | undefined;
  /** Opens with extra predicates (a lookup join's keys). */
  openWith(extra: readonly PushedPredicate[]): AsyncGenerator<Batch, void, undefined>;
  /** Rows read ahead for a batch of a correlated subquery's outer values (correlated-prefetch.ts). */
  prefetched: PrefetchCache | undefined;
  /** Reads ahead the rows of `values` when the scan is pinned to `outerKey` (`c.MediaId = m.Id`); false when it is not. */
  prefetch(outerKey: string, values: readonly SqlValue[]): Promise<boolean>;
}

export function scanOperator(node: ScanNode, env: RunEnv, subqueryValues: (id: number) => readonly SqlValue[]): ScanOperator {
  const names = node.columns.map((c) => c.name);
  const width = names.length;
  const dates = node.columns.map((c) => c.type === 'Datetime');
  const anyDates = dates.some(Boolean);
  const columnSet: ReadonlySet<string> = new Set(names);
  const op: ScanOperator = {
    layout: layoutOf(node.layout, node.columns.map((c) => c.type)),
    limit: undefined,
    test: undefined,
    prefetched: undefined,
    async prefetch(outerKey, values) {
      const template = correlatedTemplate(node, outerKey);
      if (!template) return false;
      op.prefetched = await prefetchRows(node, template, values, env, subqueryValues);
      return true;
    },
    open: () => op.openWith([]),
    async *openWith(extra) {
      throwIfAborted(env.signal);
      const { calls } = resolvePushes(node.view, node.pushed, env.compile, subqueryValues, extra);
      let remaining = op.limit ?? Infinity;
      for (const predicates of calls) {
        if (remaining <= 0) return;
        // an input-only column echoes its pushed `=` value when the view leaves it empty
        const echo = node.columns.map((c) => (c.pseudo ? predicates.find((p) => p.op === '=' && p.column.toLowerCase() === c.name.toLowerCase())?.value : undefined));
        const hasEcho = echo.some((v) => v !== undefined);
        const ctx: FetchContext<unknown> = {
          columns: columnSet, predicates, limit: remaining === Infinity ? undefined : remaining, signal: env.signal, api: env.api,
        };
        const cached = extra.length === 0 ? cachedPage(op.prefetched, predicates) : undefined;
        for await (const page of cached ? [cached] : node.view.list(ctx)) {
          throwIfAborted(env.signal);
          const test = op.test;
          const batch: Batch = [];
          let row: EngineRow = new Array<SqlValue>(width);
          for (let r = 0; r < page.length && batch.length < remaining; r++) {
            const source: Row = page[r]!;
            for (let i = 0; i < width; i++) {
              const v = source[names[i]!];
              row[i] = v === undefined ? null : v;
            }
            if (anyDates) for (let i = 0; i < width; i++) if (dates[i] && typeof row[i] === 'string') row[i] = parseDatetime(row[i] as string) ?? row[i]!;
            if (hasEcho) for (let i = 0; i < width; i++) if (row[i] === null && echo[i] !== undefined) row[i] = echo[i] as SqlValue;
            if (test !== undefined && test(row) !== true) continue; // reuse the array for the next row
            batch.push(row);
            row = new Array<SqlValue>(width);
          }
          remaining -= batch.length;
          if (batch.length > 0) yield batch;
          if (remaining <= 0) return;
        }
      }
    },
  };
  return op;
}
