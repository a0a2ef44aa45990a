/**
 * Lookup join: reads the left input in chunks, and for each chunk scans the right view once with
 * `column IN (the chunk's distinct keys)` pushed down, so `Media JOIN Comments ON c.MediaId = m.Id`
 * asks the Graph API only for the comments of the media found (a view that takes only `=` gets
 * one call per key). Inner and left joins.
 */
import type { SqlValue } from '../../schema/types.js';
import { compile, compileCondition } from '../evaluate.js';
import { layoutOf } from '../evaluate-types.js';
import type { LookupJoinNode } from '../plan-types.js';
import { valueKey } from '../values.js';
import { joinKeyFns, nulls, throwIfAborted, type Batch, type EngineRow, type Operator, type RunEnv } from './operator.js';
import { coerceTo } from './push-values.js';
import type { ScanOperator } from './scan.js';

/** Largest batch of distinct keys one right-side scan gets (50 `?ids=` reads of 50 in one batch request). */
export const LOOKUP_BATCH_MAX = 2_500;

export function lookupJoinOperator(node: LookupJoinNode, left: Operator, right: ScanOperator, env: RunEnv): Operator {
  const layout = layoutOf(node.layout, [...left.layout.types, ...right.layout.types]);
  const leftKey = compile(node.leftKey, left.layout, env.compile).fn;
  const rightSlot = right.layout.slots.get(node.rightKey)!;
  const column = node.right.columns.find((c) => c.key === node.rightKey)!;
  const [hashKey] = joinKeyFns(column.type, column.type);
  const condition = node.condition && compileCondition(node.condition, layout, env.compile);
  const rightWidth = right.layout.types.length;

  const coerce = (v: SqlValue): SqlValue => {
    if (v === null) return null;
    try {
      return coerceTo(v, column.type, `join on ${node.rightColumn}`);
    } catch {
      return null; // a value that cannot be a key of the right view matches nothing
    }
  };

  async function* flush(chunk: EngineRow[], keys: SqlValue[]): AsyncGenerator<Batch> {
    const table = new Map<SqlValue, EngineRow[]>();
    if (keys.length > 0) {
      for await (const batch of right.openWith([{ column: node.rightColumn, op: 'in', value: keys }])) {
        throwIfAborted(env.signal);
        for (const row of batch) {
          const k = hashKey(row[rightSlot]!);
          if (k === null) continue;
          const list = table.get(k);
          if (list) list.push(row);
          else table.set(k, [row]);
        }
      }
    }
    const out: Batch = [];
    for (const l of chunk) {
      const k = hashKey(coerce(leftKey(l)));
      let matched = false;
      for (const r of (k === null ? undefined : table.get(k)) ?? []) {
        const combined = l.concat(r);
        if (condition && condition(combined) !== true) continue;
        matched = true;
        out.push(combined);
      }
      if (!matched && node.type === 'left') out.push(l.concat(nulls(rightWidth)));
    }
    if (out.length > 0) yield out;
  }

  return {
    layout,
    async *open() {
      let chunk: EngineRow[] = [];
      let keys: SqlValue[] = [];
      let seen = new Set<unknown>();
      // The first batch is small (a LIMIT gets its rows soon); later ones grow ×5 up to
      // LOOKUP_BATCH_MAX, so a long join needs few grouped reads (2,500 ids = one batch of 50 ?ids= reads).
      let size = node.batchSize;
      for await (const batch of left.open()) {
        throwIfAborted(env.signal);
        for (const row of batch) {
          const key = coerce(leftKey(row));
          if (key !== null && !seen.has(valueKey(key))) {
            if (keys.length >= size) {
              yield* flush(chunk, keys);
              [chunk, keys, seen] = [[], [], new Set()];
              size = Math.min(size * 5, Math.max(node.batchSize, LOOKUP_BATCH_MAX));
            }
            seen.add(valueKey(key));
            keys.push(key);
          }
          chunk.push(row);
        }
      }
      if (chunk.length > 0) yield* flush(chunk, keys);
    },
  };
}
