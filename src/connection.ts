/**
 * A connection: resolved properties, the logger, the dispatcher (proxies, TLS), the Graph client,
 * the token provider and the catalog. Queries run through the SQL engine:
 *
 *   const conn = await connect('OAuthAccessToken=...;BusinessAccountId=1784...');
 *   const { columns, rows, rowCount } = await conn.query('SELECT Id, Caption FROM Media LIMIT 10');
 *   for await (const row of conn.stream('SELECT * FROM Comments')) ...
 *   await conn.close();
 */
import { tokensAsProperties, type AuthDeps, type StoredTokens } from './auth/index.js';
import { resolveConnectionProperties, type ConnectionSettings } from './connection-string/index.js';
import { IgsqlError } from './errors.js';
import { createDispatcher, type IgsqlDispatcher } from './http/dispatcher.js';
import { GraphClient } from './http/graph-client.js';
import type { Clock } from './http/retry.js';
import type { TokenProvider } from './http/token-provider.js';
import { createLogger, type LogSink, type Logger } from './logging/logger.js';
import type { Catalog } from './schema/catalog.js';
import type { ResultColumn, Row } from './schema/types.js';
import type { ViewApi } from './schema/view-api.js';
import { execute, prepare, type Params } from './sql/engine.js';
import { tokenProviderFor } from './connection/auth.js';
import { createProcedureAuth } from './connection/auth-api.js';
import { buildCatalog } from './connection/catalog.js';
import { loggingOptions, networkOptions } from './connection/options.js';
import { createQueryRunner, type QueryRunner } from './connection/query-runner.js';

export interface ConnectOptions {
  /** Where log lines go besides Logfile (the CLI's `-v` passes stderr). */
  readonly logSink?: LogSink;
  /** Replaces the token provider chosen from the properties (tests, custom token sources). */
  readonly tokenProvider?: TokenProvider;
  /** The desktop OAuth flow's hooks: print the consent URL (CLI), open a browser or not. */
  readonly oauthFlow?: AuthDeps['flow'];
  /** The clock token expiry is judged by (tests; default Date.now). */
  readonly now?: () => number;
  /**
   * Group per-row sub-requests (nested fields, `?ids=`, batch). Default true; false only exists so
   * the benchmark can show what grouping saves.
   */
  readonly grouping?: boolean;
  /**
   * Time and randomness for retries, rate-limit waits, pacing and query deadlines (default the
   * system clock). Tests inject a clock whose sleeps return at once.
   */
  readonly clock?: Clock;
}

export interface QueryResult {
  readonly columns: readonly ResultColumn[];
  readonly rows: Row[];
  readonly rowCount: number;
}

/** Rows of a streamed query; `columns` is known before the first row. */
export interface QueryStream extends AsyncIterable<Row> {
  readonly columns: readonly ResultColumn[];
}

export class Connection {
  readonly settings: ConnectionSettings;
  readonly catalog: Catalog<ViewApi>;
  readonly #logger: Logger;
  readonly #dispatcher: IgsqlDispatcher;
  readonly #client: GraphClient;
  readonly #runner: QueryRunner;
  #closed = false;

  /** @internal use connect() */
  constructor(settings: ConnectionSettings, options: ConnectOptions) {
    const props = settings.values;
    this.settings = settings;
    this.#logger = createLogger(loggingOptions(props), options.logSink);
    this.#dispatcher = createDispatcher(networkOptions(props), this.#logger);
    const authDeps = { dispatcher: this.#dispatcher, logger: this.#logger, ...(options.oauthFlow ? { flow: options.oauthFlow } : {}), ...(options.now ? { now: options.now } : {}) };
    const tokens = options.tokenProvider ?? tokenProviderFor(settings, authDeps);
    const clock = options.clock ? { clock: options.clock } : {};
    this.#client = new GraphClient(props, { dispatcher: this.#dispatcher, tokenProvider: tokens, logger: this.#logger, ...clock });
    const auth = createProcedureAuth(settings, tokens, authDeps);
    this.#runner = createQueryRunner({ props, client: this.#client, logger: this.#logger, grouping: options.grouping ?? true, auth, ...clock });
    this.catalog = buildCatalog(settings, () => sessionValues(tokens));
    for (const warning of settings.warnings) this.#logger.module('connection').warn({}, warning);
  }

  /** Runs a statement and collects its rows. */
  async query(sql: string, params?: Params): Promise<QueryResult> {
    const rows: Row[] = [];
    const stream = this.stream(sql, params);
    for await (const row of stream) rows.push(row);
    return { columns: stream.columns, rows, rowCount: rows.length };
  }

  /**
   * Runs a statement and streams its rows: memory stays bounded by what the query's operators
   * hold (a plain scan holds a page). Leaving the loop early stops the Graph requests.
   */
  stream(sql: string, params?: Params): QueryStream {
    this.#assertOpen();
    const prepared = prepare(sql, this.catalog as Catalog<unknown>);
    return this.#runner.run(sql, (options) => execute(prepared, params, options));
  }

  /** The Graph client's counters (requests, retries, waits), for logs and benchmarks. */
  get stats() {
    return this.#client.stats;
  }

  get closed(): boolean {
    return this.#closed;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#dispatcher.close();
    this.#logger.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new IgsqlError('closed', 'This connection is closed; open a new one with connect().');
  }

  toString(): string {
    return `Connection(${this.settings.toString()})`;
  }
}

/** OAuth values the token store holds now (for sys_connection_props), when the provider has a store. */
async function sessionValues(provider: TokenProvider): Promise<Record<string, string>> {
  const withStore = provider as Partial<{ stored(): Promise<StoredTokens | undefined> }>;
  if (typeof withStore.stored !== 'function') return {};
  const tokens = await withStore.stored();
  return tokens ? tokensAsProperties(tokens, Date.now()) : {};
}

/** Opens a connection from a connection string (validated; nothing is sent until a query runs). */
export async function connect(connectionString: string, options: ConnectOptions = {}): Promise<Connection> {
  const settings = resolveConnectionProperties(connectionString);
  return new Connection(settings, options);
}
