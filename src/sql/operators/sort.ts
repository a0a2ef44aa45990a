/**
 * ORDER BY: keys computed once per row, NULLs first ascending and last descending unless NULLS
 * FIRST/LAST says otherwise, ties kept in input order. With a LIMIT above (`limit` set before
 * opening) only the best `limit` rows are kept, in a bounded heap (top-N).
 */
import type { SqlValue } from '../../schema/types.js';
import { compile } from '../evaluate.js';
import type { SortNode } from '../plan-types.js';
import { compareForOrder } from '../values.js';
import { throwIfAborted, type Batch, type EngineRow, type Operator, type RunEnv } from './operator.js';

interface Keyed {
  readonly keys: SqlValue[];
  readonly seq: number;
  readonly row: EngineRow;
}

export interface SortOperator extends Operator {
  limit: number | undefined;
}

export function sortOperator(node: SortNode, input: Operator, env: RunEnv): SortOperator {
  const keys = node.keys.map((k) => ({ fn: compile(k.expr, input.layout, env.compile).fn, desc: k.desc, nullsFirst: k.nullsFirst }));
  const compare = (a: Keyed, b: Keyed): number => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      const k = keys[i]!;
      if (x === null || y === null) {
        if (x === y) continue;
        return x === null ? (k.nullsFirst ? -1 : 1) : k.nullsFirst ? 1 : -1;
      }
      const c = compareForOrder(x, y);
      if (c !== 0) return k.desc ? -c : c;
    }
    return a.seq - b.seq;
  };
  const op: SortOperator = {
    layout: input.layout,
    limit: undefined,
    async *open() {
      const limit = op.limit;
      const heap: Keyed[] = [];
      let seq = 0;
      for await (const batch of input.open()) {
        throwIfAborted(env.signal);
        for (const row of batch) {
          const item: Keyed = { keys: keys.map((k) => k.fn(row)), seq: seq++, row };
          if (limit === undefined) heap.push(item);
          else if (limit > 0) pushBounded(heap, item, limit, compare);
        }
      }
      heap.sort(compare);
      for (let i = 0; i < heap.length; i += 1000) {
        const out: Batch = heap.slice(i, i + 1000).map((k) => k.row);
        yield out;
      }
    },
  };
  return op;
}

/** Keeps the `limit` smallest items: a max-heap whose root is the worst item kept. */
function pushBounded(heap: Keyed[], item: Keyed, limit: number, compare: (a: Keyed, b: Keyed) => number): void {
  if (heap.length < limit) {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i]!, heap[parent]!) <= 0) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
    return;
  }
  if (compare(item, heap[0]!) >= 0) return;
  heap[0] = item;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let largest = i;
    if (l < heap.length && compare(heap[l]!, heap[largest]!) > 0) largest = l;
    if (r < heap.length && compare(heap[r]!, heap[largest]!) > 0) largest = r;
    if (largest === i) break;
    [heap[i], heap[largest]] = [heap[largest]!, heap[i]!];
    i = largest;
  }
}
