/**
 * Builds the operators of a plan (compiling every expression once, against its input's layout)
 * and runs them. Uncorrelated subqueries run first, once; then rows stream from the root.
 */
import { IgsqlError } from '../errors.js';
import type { SqlValue } from '../schema/types.js';
import type { Subquery } from './bound.js';
import { compileCondition } from './evaluate.js';
import type { CompileEnv, SubqueryResult } from './evaluate-types.js';
import type { FunctionContext } from './functions/index.js';
import { aggregateOperator } from './operators/aggregate.js';
import { applyOperator } from './operators/apply.js';
import { scanNodesOf } from './operators/correlated-prefetch.js';
import {
  countValue, distinctOperator, filterOperator, limitOperator, projectOperator, unionOperator, valuesOperator,
} from './operators/basic.js';
import { joinOperator } from './operators/join.js';
import { lookupJoinOperator } from './operators/lookup-join.js';
import { throwIfAborted, type Batch, type Operator, type RunEnv } from './operators/operator.js';
import { scanOperator, type ScanOperator } from './operators/scan.js';
import { sortOperator, type SortOperator } from './operators/sort.js';
import type { PlanNode, PlannedQuery, ScanNode } from './plan-types.js';
import type { StaticType } from './values.js';

export interface RunOptions {
  readonly api: unknown;
  readonly signal: AbortSignal;
  readonly maxRows: number;
  readonly now: Date;
  param(name: string | undefined, index: number): SqlValue;
}

export interface Running {
  /** Output column types, in output order. */
  readonly types: readonly StaticType[];
  /** Output rows as arrays, in output order. */
  readonly rows: AsyncIterable<Batch>;
}

type Builders = { readonly [K in PlanNode['kind']]: (node: Extract<PlanNode, { kind: K }>) => Operator };

export class Execution {
  readonly env: RunEnv;
  readonly #subqueries: ReadonlyMap<number, Subquery>;
  readonly #built = new Map<number, { type: StaticType; result: SubqueryResult; run: () => Promise<void> }>();
  readonly #pending: (() => Promise<void>)[] = [];
  readonly #scans = new Map<ScanNode, ScanOperator>();
  /** Values of the outer columns that correlated subqueries read, set by Apply operators. */
  readonly #outer = new Map<string, SqlValue>();

  constructor(subqueries: readonly Subquery[], options: RunOptions) {
    this.#subqueries = new Map(subqueries.map((s) => [s.id, s]));
    const fnContext: FunctionContext = { now: options.now };
    const outerKeys = new Set(subqueries.flatMap((s) => s.outerKeys));
    const compile: CompileEnv = {
      fnContext, param: options.param, subquery: (id) => this.#subquery(id),
      outer: (key) => (outerKeys.has(key) ? () => this.#outer.get(key) ?? null : undefined),
    };
    this.env = { api: options.api, signal: options.signal, maxRows: options.maxRows, compile };
  }

  /** Runs a planned query: subqueries first, then the rows of its output columns. */
  run(planned: PlannedQuery): Running {
    const root = this.build(planned.root);
    const slots = planned.output.map((o) => root.layout.slots.get(o.key)!);
    const types = slots.map((s) => root.layout.types[s]!);
    const identity = slots.every((s, i) => s === i) && slots.length === root.layout.types.length;
    const pending = this.#pending;
    const signal = this.env.signal;
    async function* rows(): AsyncGenerator<Batch> {
      for (const run of pending) await run();
      throwIfAborted(signal);
      for await (const batch of root.open()) {
        yield identity ? batch : batch.map((row) => slots.map((s) => row[s]!));
      }
    }
    return { types, rows: rows() };
  }

  #subquery(id: number): { type: StaticType; result: SubqueryResult } {
    let built = this.#built.get(id);
    if (built) return built;
    const subquery = this.#subqueries.get(id);
    if (!subquery) throw new IgsqlError('internal', `unknown subquery ${id}`);
    const op = this.build(subquery.plan);
    const slot = op.layout.slots.get(subquery.outputKey)!;
    const result: SubqueryResult = { ready: false, values: [] };
    const signal = this.env.signal;
    const run = async (): Promise<void> => {
      if (result.ready) return;
      const values: SqlValue[] = [];
      outer: for await (const batch of op.open()) {
        throwIfAborted(signal);
        for (const row of batch) {
          values.push(row[slot]!);
          if (subquery.mode === 'exists') break outer;
          if (subquery.mode === 'scalar' && values.length > 1) {
            throw new IgsqlError('execution', `The subquery (${subquery.text}) returned more than one row where one value is needed; add LIMIT 1 or an aggregate`);
          }
        }
      }
      result.values = values;
      result.ready = true;
    };
    built = { type: op.layout.types[slot] ?? 'Any', result, run };
    this.#built.set(id, built);
    this.#pending.push(run);
    return built;
  }

  #subqueryValues = (id: number): readonly SqlValue[] => this.#subquery(id).result.values;

  readonly #builders: Builders = {
    Scan: (node) => {
      this.#subqueryDependencies(node);
      const op = scanOperator(node, this.env, this.#subqueryValues);
      this.#scans.set(node, op);
      return op;
    },
    Values: () => valuesOperator(),
    Filter: (node) => {
      const input = this.build(node.input);
      if (node.input.kind === 'Scan') {
        // fused: the scan tests each row before copying it out of the page
        const scan = input as ScanOperator;
        scan.test = compileCondition(node.predicate, scan.layout, this.env.compile);
        return scan;
      }
      return filterOperator(node, input, this.env);
    },
    Project: (node) => projectOperator(node, this.build(node.input), this.env),
    Join: (node) => joinOperator(node, this.build(node.left), this.build(node.right), this.env),
    LookupJoin: (node) => {
      const left = this.build(node.left);
      return lookupJoinOperator(node, left, this.build(node.right) as ScanOperator, this.env);
    },
    Aggregate: (node) => aggregateOperator(node, this.build(node.input), this.env),
    Distinct: (node) => distinctOperator(node, this.build(node.input), this.env),
    Sort: (node) => sortOperator(node, this.build(node.input), this.env),
    Limit: (node) => {
      const input = this.build(node.input);
      let limit = countValue(node.limit, this.env.compile, 'LIMIT');
      const offset = countValue(node.offset, this.env.compile, 'OFFSET') ?? 0;
      if (node.maxRows && this.env.maxRows >= 0) limit = Math.min(limit ?? Infinity, this.env.maxRows);
      if (limit !== undefined) {
        const needed = offset + limit;
        if (node.pushTo) this.#scans.get(node.pushTo)!.limit = needed;
        if (node.input.kind === 'Sort') (input as SortOperator).limit = needed;
      }
      return limitOperator({ limit, offset }, input, this.env);
    },
    Union: (node) => unionOperator(node, this.build(node.left), this.build(node.right), this.env),
    Apply: (node) => {
      const input = this.build(node.input);
      const subquery = this.build(node.subquery.plan);
      const scans = scanNodesOf(node.subquery.plan).map((n) => this.#scans.get(n)).filter((s) => s !== undefined);
      return applyOperator(node, input, subquery, this.#outer, this.env, scans);
    },
  };

  build(node: PlanNode): Operator {
    return (this.#builders[node.kind] as (n: PlanNode) => Operator)(node);
  }

  /** A scan whose pushed IN list comes from a subquery needs the subquery's rows first. */
  #subqueryDependencies(node: ScanNode): void {
    for (const p of node.pushed) if (p.value.kind === 'subquery') this.#subquery(p.value.subquery.id);
  }
}
