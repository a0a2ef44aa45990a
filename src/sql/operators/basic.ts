/** Values, Filter, Project, Distinct, Limit and Union. */
import { IgsqlError } from '../../errors.js';
import type { SqlValue } from '../../schema/types.js';
import type { BExpr } from '../bound.js';
import { compile, compileCondition } from '../evaluate.js';
import { layoutOf, type CompileEnv } from '../evaluate-types.js';
import { commonType } from '../functions/misc.js';
import type { DistinctNode, FilterNode, ProjectNode, UnionNode } from '../plan-types.js';
import { describeValue, parseNumber, rowKey } from '../values.js';
import { throwIfAborted, type Batch, type EngineRow, type Operator, type RunEnv } from './operator.js';

export function valuesOperator(): Operator {
  return {
    layout: layoutOf([], []),
    async *open() {
      yield [[]];
    },
  };
}

export function filterOperator(node: FilterNode, input: Operator, env: RunEnv): Operator {
  const test = compileCondition(node.predicate, input.layout, env.compile);
  return {
    layout: input.layout,
    async *open() {
      for await (const batch of input.open()) {
        throwIfAborted(env.signal);
        const out: Batch = [];
        for (const row of batch) if (test(row) === true) out.push(row);
        if (out.length > 0) yield out;
      }
    },
  };
}

export function projectOperator(node: ProjectNode, input: Operator, env: RunEnv): Operator {
  const compiled = node.exprs.map((e) => compile(e, input.layout, env.compile));
  const slots = node.exprs.map((e) => (e.kind === 'Column' ? input.layout.slots.get(e.key) : undefined));
  const onlyColumns = slots.every((s) => s !== undefined);
  const fns = compiled.map((c) => c.fn);
  const width = fns.length;
  // `SELECT *` of one view: the input rows are already the output rows (no copy a row)
  const identity = onlyColumns && width === input.layout.types.length && slots.every((s, i) => s === i);
  return {
    layout: layoutOf(node.layout, compiled.map((c) => c.type)),
    async *open() {
      if (identity) {
        yield* input.open();
        return;
      }
      for await (const batch of input.open()) {
        const out: Batch = new Array<EngineRow>(batch.length);
        for (let r = 0; r < batch.length; r++) {
          const row = batch[r]!;
          const next = new Array<SqlValue>(width);
          if (onlyColumns) for (let i = 0; i < width; i++) next[i] = row[slots[i]!]!;
          else for (let i = 0; i < width; i++) next[i] = fns[i]!(row);
          out[r] = next;
        }
        yield out;
      }
    },
  };
}

export function distinctOperator(node: DistinctNode, input: Operator, env: RunEnv): Operator {
  return {
    layout: input.layout,
    async *open() {
      const seen = new Set<string>();
      for await (const batch of input.open()) {
        throwIfAborted(env.signal);
        const out: Batch = [];
        for (const row of batch) {
          const key = rowKey(node.width === row.length ? row : row.slice(0, node.width));
          if (!seen.has(key)) {
            seen.add(key);
            out.push(row);
          }
        }
        if (out.length > 0) yield out;
      }
    },
  };
}

/** A LIMIT/OFFSET/TOP value: a non-negative whole number; NULL or negative means no limit (as SQLite). */
export function countValue(e: BExpr | undefined, env: CompileEnv, clause: string): number | undefined {
  if (e === undefined) return undefined;
  const v: SqlValue = compile(e, layoutOf([], []), env).fn([]);
  if (v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumber(v) : undefined;
  if (n === undefined || !Number.isFinite(n)) throw new IgsqlError('execution', `${clause} must be a number, got ${describeValue(v)}`);
  return n < 0 ? undefined : Math.floor(n);
}

export interface LimitSpec {
  readonly limit: number | undefined;
  readonly offset: number;
}

export function limitOperator(spec: LimitSpec, input: Operator, env: RunEnv): Operator {
  return {
    layout: input.layout,
    async *open() {
      let skip = spec.offset;
      let left = spec.limit ?? Infinity;
      if (left <= 0) return;
      for await (const batch of input.open()) {
        throwIfAborted(env.signal);
        let from = 0;
        if (skip > 0) {
          from = Math.min(skip, batch.length);
          skip -= from;
        }
        const take = Math.min(batch.length - from, left);
        if (take > 0) {
          yield from === 0 && take === batch.length ? batch : batch.slice(from, from + take);
          left -= take;
        }
        if (left <= 0) return;
      }
    },
  };
}

export function unionOperator(node: UnionNode, left: Operator, right: Operator, env: RunEnv): Operator {
  const leftSlots = node.leftOutput.map((k) => left.layout.slots.get(k)!);
  const rightSlots = node.rightOutput.map((k) => right.layout.slots.get(k)!);
  const types = leftSlots.map((s, i) => commonType([left.layout.types[s]!, right.layout.types[rightSlots[i]!]!]));
  return {
    layout: layoutOf(node.layout, types),
    async *open() {
      const seen = node.all ? undefined : new Set<string>();
      for (const [input, slots] of [[left, leftSlots], [right, rightSlots]] as const) {
        for await (const batch of input.open()) {
          throwIfAborted(env.signal);
          const out: Batch = [];
          for (const row of batch) {
            const picked = slots.map((s) => row[s]!);
            if (seen) {
              const key = rowKey(picked);
              if (seen.has(key)) continue;
              seen.add(key);
            }
            out.push(picked);
          }
          if (out.length > 0) yield out;
        }
      }
    },
  };
}
