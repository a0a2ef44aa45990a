/**
 * Apply: runs a correlated subquery for each input row, with the outer columns it reads bound to
 * that row's values, and appends the result. Results are cached by the outer values, so a subquery
 * runs once per distinct combination (and its pushed predicates, e.g. `MediaId = m.Id`, reach the
 * view with the outer value).
 */
import { IgsqlError } from '../../errors.js';
import type { SqlValue } from '../../schema/types.js';
import { compile } from '../evaluate.js';
import { layoutOf } from '../evaluate-types.js';
import type { ApplyNode } from '../plan-types.js';
import { compareValues, rowKey } from '../values.js';
import { throwIfAborted, type Batch, type Operator, type RunEnv } from './operator.js';
import type { ScanOperator } from './scan.js';

/** `v [NOT] IN (list)` with SQL's NULL rules. */
export function inList(v: SqlValue, list: readonly SqlValue[], negated: boolean): boolean | null {
  if (list.length === 0) return negated;
  if (v === null) return null;
  let sawNull = false;
  for (const w of list) {
    if (w === null) sawNull = true;
    else if (compareValues(v, w) === 0) return !negated;
  }
  return sawNull ? null : negated;
}

export function applyOperator(node: ApplyNode, input: Operator, subquery: Operator, outer: Map<string, SqlValue>, env: RunEnv, scans: readonly ScanOperator[] = []): Operator {
  const outputSlot = subquery.layout.slots.get(node.subquery.outputKey)!;
  const keys = node.subquery.outerKeys;
  const slots = node.sources.map((k) => input.layout.slots.get(k));
  const operand = node.operand && compile(node.operand, input.layout, env.compile).fn;
  const type = node.mode === 'scalar' ? subquery.layout.types[outputSlot] ?? 'Any' : 'Boolean';
  const layout = layoutOf(node.layout, [...input.layout.types, type]);

  async function run(): Promise<SqlValue[]> {
    const values: SqlValue[] = [];
    for await (const batch of subquery.open()) {
      for (const row of batch) {
        values.push(row[outputSlot]!);
        if (node.mode === 'exists') return values;
        if (node.mode === 'scalar' && values.length > 1) {
          throw new IgsqlError('execution', `The subquery (${node.subquery.text}) returned more than one row where one value is needed; add LIMIT 1 or an aggregate`);
        }
      }
    }
    return values;
  }

  /** One outer column read straight from the input: its scans in the subquery can read a batch ahead. */
  const batchable = keys.length === 1 && slots[0] !== undefined && scans.length > 0;
  async function prefetch(batch: Batch, cache: Map<string, SqlValue[]>): Promise<void> {
    const values = new Map<string, SqlValue>();
    for (const row of batch) {
      const v = row[slots[0]!]!;
      if (v !== null && !cache.has(rowKey([v]))) values.set(rowKey([v]), v);
    }
    if (values.size > 1) await Promise.all(scans.map((s) => s.prefetch(keys[0]!, [...values.values()])));
  }

  return {
    layout,
    async *open() {
      const cache = new Map<string, SqlValue[]>();
      for await (const batch of input.open()) {
        throwIfAborted(env.signal);
        if (batchable) await prefetch(batch, cache);
        const out: Batch = [];
        for (const row of batch) {
          const current: SqlValue[] = keys.map((k, i) => {
            const slot = slots[i];
            if (slot !== undefined) outer.set(k, row[slot]!);
            return outer.get(k) ?? null;
          });
          const cacheKey = rowKey(current);
          let values = cache.get(cacheKey);
          if (!values) {
            values = await run();
            cache.set(cacheKey, values);
            for (let i = 0; i < keys.length; i++) if (slots[i] !== undefined) outer.set(keys[i]!, current[i]!);
          }
          const value: SqlValue =
            node.mode === 'scalar' ? values[0] ?? null
            : node.mode === 'exists' ? (values.length > 0) !== node.negated
            : inList(operand!(row), values, node.negated);
          out.push(row.concat([value]));
        }
        if (out.length > 0) yield out;
      }
    },
  };
}
