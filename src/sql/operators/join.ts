/**
 * Hash join (on the ON clause's equalities) and nested-loop join (otherwise): inner, left, full and
 * cross. The right input is read into memory (hashed by its keys); the left streams.
 */
import type { SqlValue } from '../../schema/types.js';
import { compile, compileCondition } from '../evaluate.js';
import { layoutOf } from '../evaluate-types.js';
import type { JoinNode } from '../plan-types.js';
import { compositeKey, joinKeyFns, nulls, throwIfAborted, type Batch, type EngineRow, type Operator, type RunEnv } from './operator.js';

export function joinOperator(node: JoinNode, left: Operator, right: Operator, env: RunEnv): Operator {
  const layout = layoutOf(node.layout, [...left.layout.types, ...right.layout.types]);
  const leftKeys = node.leftKeys.map((k) => compile(k, left.layout, env.compile));
  const rightKeys = node.rightKeys.map((k) => compile(k, right.layout, env.compile));
  const keyFns = leftKeys.map((l, i) => joinKeyFns(l.type, rightKeys[i]!.type));
  const condition = node.condition && compileCondition(node.condition, layout, env.compile);
  const leftWidth = left.layout.types.length;
  const rightWidth = right.layout.types.length;
  const hashed = leftKeys.length > 0;
  const keyOf = (row: EngineRow, keys: typeof leftKeys, side: 0 | 1): SqlValue | undefined => {
    const values: SqlValue[] = keys.map((k, i) => keyFns[i]![side](k.fn(row)));
    return compositeKey(values);
  };

  return {
    layout,
    async *open() {
      const rightRows: EngineRow[] = [];
      for await (const batch of right.open()) {
        throwIfAborted(env.signal);
        for (const row of batch) rightRows.push(row);
      }
      let table: Map<SqlValue, number[]> | undefined;
      if (hashed) {
        table = new Map();
        rightRows.forEach((row, index) => {
          const key = keyOf(row, rightKeys, 1);
          if (key === undefined) return;
          const list = table!.get(key);
          if (list) list.push(index);
          else table!.set(key, [index]);
        });
      }
      const matchedRight = node.type === 'full' ? new Uint8Array(rightRows.length) : undefined;
      const all = rightRows.map((_, i) => i);
      for await (const batch of left.open()) {
        throwIfAborted(env.signal);
        const out: Batch = [];
        for (const l of batch) {
          let candidates: readonly number[] | undefined;
          if (table) {
            const key = keyOf(l, leftKeys, 0);
            candidates = key === undefined ? undefined : table.get(key);
          } else {
            candidates = all;
          }
          let matched = false;
          for (const index of candidates ?? []) {
            const combined = l.concat(rightRows[index]!);
            if (condition && condition(combined) !== true) continue;
            matched = true;
            if (matchedRight) matchedRight[index] = 1;
            out.push(combined);
          }
          if (!matched && (node.type === 'left' || node.type === 'full')) out.push(l.concat(nulls(rightWidth)));
        }
        if (out.length > 0) yield out;
      }
      if (matchedRight) {
        const out: Batch = [];
        rightRows.forEach((row, i) => {
          if (matchedRight[i] === 0) out.push(nulls(leftWidth).concat(row));
        });
        if (out.length > 0) yield out;
      }
    },
  };
}
