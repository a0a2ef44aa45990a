/**
 * Hash aggregate: GROUP BY expressions and COUNT(*), COUNT(x), COUNT(DISTINCT x), SUM, AVG, MIN,
 * MAX. NULLs are ignored by the aggregates; SUM/AVG/MIN/MAX of no value is NULL, COUNT is 0; with
 * no GROUP BY an empty input still gives one row.
 */
import type { SqlValue } from '../../schema/types.js';
import type { AggregateSpec } from '../bound.js';
import { compile } from '../evaluate.js';
import { layoutOf, type Evaluator } from '../evaluate-types.js';
import type { AggregateNode } from '../plan-types.js';
import { compareForOrder, rowKey, toNumber, valueKey, type StaticType } from '../values.js';
import { throwIfAborted, type Batch, type Operator, type RunEnv } from './operator.js';

class State {
  count = 0;
  sum = 0;
  value: SqlValue = null;
  seen: Set<unknown> | undefined = undefined;
}

interface Aggregator {
  readonly type: StaticType;
  readonly arg: Evaluator | undefined;
  step(state: State, v: SqlValue): void;
  result(state: State): SqlValue;
}

function aggregator(spec: AggregateSpec, arg: Evaluator | undefined, argType: StaticType): Aggregator {
  const numeric = (v: SqlValue): number => (typeof v === 'number' ? v : toNumber(v!, spec.text));
  const distinct = (state: State, v: SqlValue): boolean => {
    state.seen ??= new Set();
    const k = valueKey(v);
    if (state.seen.has(k)) return false;
    state.seen.add(k);
    return true;
  };
  switch (spec.fn) {
    case 'COUNT':
      return {
        type: 'Integer', arg,
        step: (s, v) => {
          if (arg === undefined || (v !== null && (!spec.distinct || distinct(s, v)))) s.count++;
        },
        result: (s) => s.count,
      };
    case 'SUM':
    case 'AVG':
      return {
        type: spec.fn === 'AVG' ? 'Double' : argType === 'Integer' || argType === 'Boolean' ? 'Integer' : argType === 'Any' ? 'Any' : 'Double',
        arg,
        step: (s, v) => {
          if (v === null || (spec.distinct && !distinct(s, v))) return;
          s.sum += numeric(v);
          s.count++;
        },
        result: (s) => (s.count === 0 ? null : spec.fn === 'AVG' ? s.sum / s.count : s.sum),
      };
    case 'MIN':
    case 'MAX': {
      const better = spec.fn === 'MIN' ? (c: number): boolean => c < 0 : (c: number): boolean => c > 0;
      return {
        type: argType, arg,
        step: (s, v) => {
          if (v === null) return;
          if (s.count === 0 || better(compareForOrder(v, s.value))) s.value = v;
          s.count++;
        },
        result: (s) => s.value,
      };
    }
  }
}

export function aggregateOperator(node: AggregateNode, input: Operator, env: RunEnv): Operator {
  const groups = node.groups.map((g) => compile(g, input.layout, env.compile));
  const aggs = node.aggregates.map((spec) => {
    const arg = spec.arg && compile(spec.arg, input.layout, env.compile);
    return aggregator(spec, arg?.fn, arg?.type ?? 'Integer');
  });
  const groupFns = groups.map((g) => g.fn);
  const layout = layoutOf(node.layout, [...groups.map((g) => g.type), ...aggs.map((a) => a.type)]);
  const nAggs = aggs.length;

  return {
    layout,
    async *open() {
      const table = new Map<unknown, { values: SqlValue[]; states: State[] }>();
      const newGroup = (values: SqlValue[]): { values: SqlValue[]; states: State[] } => ({
        values, states: Array.from({ length: nAggs }, () => new State()),
      });
      const single = groupFns.length === 1 ? groupFns[0]! : undefined;
      for await (const batch of input.open()) {
        throwIfAborted(env.signal);
        for (const row of batch) {
          let group;
          if (single) {
            const v = single(row);
            const k = valueKey(v);
            group = table.get(k);
            if (!group) table.set(k, (group = newGroup([v])));
          } else {
            const values = groupFns.map((g) => g(row));
            const k = groupFns.length === 0 ? '' : rowKey(values);
            group = table.get(k);
            if (!group) table.set(k, (group = newGroup(values)));
          }
          const states = group.states;
          for (let i = 0; i < nAggs; i++) {
            const a = aggs[i]!;
            a.step(states[i]!, a.arg ? a.arg(row) : null);
          }
        }
      }
      if (table.size === 0 && groupFns.length === 0) table.set('', newGroup([]));
      const out: Batch = [];
      for (const group of table.values()) {
        const row = group.values.slice();
        for (let i = 0; i < nAggs; i++) row.push(aggs[i]!.result(group.states[i]!));
        out.push(row);
        if (out.length >= 1000) {
          yield out.splice(0, out.length);
        }
      }
      if (out.length > 0) yield out;
    },
  };
}
