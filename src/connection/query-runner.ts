/**
 * One query's run: its deadline (Timeout bounds the whole query, not just each request), the
 * ViewApi it hands to views, MaxRows, and the log lines of Verbosity 1 (the query, its row count
 * and time, its errors).
 */
import type { ConnectionProperties } from '../connection-string/index.js';
import { IgsqlError } from '../errors.js';
import type { GraphClient } from '../http/graph-client.js';
import type { Clock } from '../http/retry.js';
import type { Logger } from '../logging/logger.js';
import { createGraphViewApi, graphRequester } from '../schema/graph-view-api.js';
import type { ResultColumn, Row } from '../schema/types.js';
import type { ViewApi } from '../schema/view-api.js';
import type { ProcedureAuth } from '../procedures/procedure-api.js';
import type { ExecuteOptions, ResultSet } from '../sql/engine.js';

export interface QueryStreamLike extends AsyncIterable<Row> {
  readonly columns: readonly ResultColumn[];
}

export interface QueryRunner {
  /** `signal` (optional) cancels the query: the stream then throws a `cancelled` error. */
  run(sql: string, start: (options: ExecuteOptions<ViewApi>) => ResultSet, signal?: AbortSignal): QueryStreamLike;
}

export interface QueryRunnerDeps {
  readonly props: Readonly<ConnectionProperties>;
  readonly client: GraphClient;
  readonly logger: Logger;
  readonly grouping: boolean;
  /** The Graph client's clock: the query deadline must be on the same time line as its waits. */
  readonly clock?: Clock;
  /** What the OAuth procedures use (EXEC's api.auth). */
  readonly auth?: ProcedureAuth;
}

export function createQueryRunner(deps: QueryRunnerDeps): QueryRunner {
  const { props, client } = deps;
  const log = deps.logger.module('query');
  // The account lookup is shared by the queries of the connection (run once, cached): its calls
  // are bounded by the deadline of the latest query waiting for it, like that query's own calls.
  let lookupDeadline: number | undefined;
  const base = createGraphViewApi({
    graph: graphRequester(client, () => lookupDeadline),
    businessAccountId: props.BusinessAccountId,
    version: props.Version,
    pageSize: props.Pagesize,
    concurrency: props.MaxConcurrentRequests,
    grouping: deps.grouping,
    warn: (message, details) => log.warn({ ...details }, message),
    // Views' default time windows (AccountInsights: the last days) follow the connection's clock.
    now: () => new Date(deps.clock ? deps.clock.now() : Date.now()),
  });
  let sequence = 0;
  return {
    run(sql, start, signal) {
      const id = ++sequence;
      const now = (): number => (deps.clock ? deps.clock.now() : Date.now());
      const started = now();
      const controller = new AbortController();
      const cancel = (): void => controller.abort(new IgsqlError('cancelled', 'The query was cancelled.'));
      if (signal?.aborted) cancel();
      signal?.addEventListener('abort', cancel, { once: true });
      const timeoutMs = props.Timeout * 1000;
      const deadline = timeoutMs > 0 ? started + timeoutMs : undefined;
      const timer = deadline === undefined ? undefined : setTimeout(() => {
        controller.abort(new IgsqlError('timeout', `The query ran longer than Timeout=${props.Timeout} seconds; narrow the query or raise Timeout (0 = no limit).`));
      }, timeoutMs);
      timer?.unref();
      const api: ViewApi = {
        ...base,
        graph: graphRequester(client, () => deadline),
        accounts: (signal) => {
          lookupDeadline = deadline;
          return base.accounts(signal);
        },
        ...(deps.auth ? { auth: deps.auth } : {}),
      };
      log.log(1, { queryId: id, sql }, 'query started');
      let result: ResultSet;
      try {
        result = start({ api, signal: controller.signal, maxRows: props.MaxRows });
      } catch (error) {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        log.error({ queryId: id, error: (error as Error).message }, 'query failed');
        throw error;
      }
      let used = false;
      let count = 0;
      let closed = false;
      const close = (): void => {
        if (closed) return;
        closed = true;
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        if (!controller.signal.aborted) controller.abort(new IgsqlError('cancelled', 'The query was closed before its end.'));
      };
      const failed = (error: unknown): never => {
        log.error({ queryId: id, rows: count, ms: now() - started, error: (error as Error).message }, 'query failed');
        close();
        throw error;
      };
      return {
        columns: result.columns,
        [Symbol.asyncIterator](): AsyncIterator<Row> {
          // Rows are served from the engine's batches by a plain iterator: an async generator's
          // `yield* batch` costs several promises and a queue turn per row (~1 µs a row in a
          // million-row scan), this costs one resolved promise.
          let batches: AsyncIterator<readonly Row[]> | undefined;
          let batch: readonly Row[] = [];
          let next = 0;
          let pulling: Promise<IteratorResult<Row>> | undefined;
          const pull = async (): Promise<IteratorResult<Row>> => {
            if (!batches) {
              if (used) throw new IgsqlError('usage', 'A query stream can be read once; run the query again to read it again.');
              used = true;
              batches = result.rows[Symbol.asyncIterator]();
            }
            if (closed) return { value: undefined, done: true };
            try {
              for (;;) {
                const r = await batches.next();
                if (r.done) {
                  log.log(1, { queryId: id, rows: count, ms: now() - started }, 'query finished');
                  close();
                  return { value: undefined, done: true };
                }
                count += r.value.length;
                if (r.value.length > 0) {
                  batch = r.value;
                  next = 1;
                  return { value: batch[0]!, done: false };
                }
              }
            } catch (error) {
              return failed(error);
            }
          };
          const iterator: AsyncIterator<Row> = {
            next() {
              if (pulling) return pulling.then(() => iterator.next());
              if (next < batch.length) return Promise.resolve({ value: batch[next++]!, done: false });
              pulling = pull().finally(() => (pulling = undefined));
              return pulling;
            },
            async return() {
              // the consumer left the loop: end the engine's pipeline, then stop the requests
              batch = [];
              try {
                if (!closed) await batches?.return?.();
              } finally {
                close();
              }
              return { value: undefined, done: true };
            },
          };
          return iterator;
        },
      };
    },
  };
}
