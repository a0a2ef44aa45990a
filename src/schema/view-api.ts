/**
 * What a view's fetcher may use: the connection's services, as seen from src/schema.
 * The Connection builds one ViewApi per connection and the engine passes it through
 * `FetchContext.api`. Views never build URLs with hosts or tokens: they call `graph` with paths
 * relative to `BaseURL/Version`.
 */
import type { GraphApiError } from '../errors.js';
import type { FetchContext } from './define-view.js';

export type GraphParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** A Graph collection page: `{ data: [...], paging: {...} }`. */
export interface GraphPage {
  readonly data: readonly GraphNode[];
  readonly paging?: {
    readonly cursors?: { readonly before?: string; readonly after?: string };
    readonly next?: string;
    readonly previous?: string;
  };
}

/** A Graph object as JSON: `{ id, field: value, edge: { data, paging } }`. */
export type GraphNode = Readonly<Record<string, unknown>>;

export interface GraphCallOptions {
  readonly signal?: AbortSignal | undefined;
  /** Edges that give cursors but no `next` URL (tags, business discovery): follow `cursors.after`. */
  readonly cursorOnly?: boolean;
}

export interface BatchItem {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly relativeUrl: string;
  readonly body?: string;
}

/** The part of the Graph client that views use (src/http/graph-client.ts implements it). */
export interface GraphRequester {
  get(path: string, params?: GraphParams, options?: GraphCallOptions): Promise<GraphNode>;
  /** Pages of an edge, following `paging.next` (or `cursors.after` on cursor-only edges). */
  paginate(path: string, params?: GraphParams, options?: GraphCallOptions): AsyncIterable<GraphPage>;
  /** Multi-id read `/?ids=` in chunks of at most 50; the answer is keyed by id. */
  ids(ids: readonly string[], params?: GraphParams, options?: GraphCallOptions): Promise<Readonly<Record<string, GraphNode>>>;
  /** Batch request; each item answers with its JSON body or a GraphApiError (not thrown). */
  batch(items: readonly BatchItem[], options?: GraphCallOptions): Promise<readonly (GraphNode | GraphApiError)[]>;
}

/** An Instagram professional account the connection can query. */
export interface AccountRef {
  readonly id: string;
  readonly username?: string;
  readonly pageId?: string;
  readonly pageName?: string;
}

export interface ViewApi {
  readonly graph: GraphRequester;
  /**
   * The IG accounts in scope: `BusinessAccountId` when set, else every IG account linked to a
   * Page the token can see. Resolved once per connection.
   */
  accounts(signal?: AbortSignal): Promise<readonly AccountRef[]>;
  /** The Graph API version in use, e.g. `v25.0`. */
  readonly version: string;
  /** Rows per Graph page (the `Pagesize` property, capped per edge). */
  readonly pageSize: number;
  /** Independent Graph requests a query may have in flight. */
  readonly concurrency: number;
  /** Group per-row sub-requests (nested fields, ids=, batch). Off only for benchmarks. */
  readonly grouping: boolean;
  /** Warnings for the query's log (e.g. a metric the API refused for one media). */
  warn(message: string, details?: Readonly<Record<string, unknown>>): void;
  now(): Date;
}

export type ViewContext = FetchContext<ViewApi>;
