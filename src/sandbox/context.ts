/**
 * The types every handler, field getter and middleware sees. `SandboxApp` is the sandbox's core
 * (registries, data, tokens, clock); `RequestContext` is one request against it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from './clock.js';
import type { DataStore, GraphNode } from './data/data-store.js';
import type { PageRecord, UserRecord } from './data/world.js';
import type { GraphResponse, DispatchInit } from './http/reply.js';
import type { NodeRegistry } from './nodes/node-registry.js';
import type { ResolvedOptions } from './options.js';
import type { RequestLog } from './request-log.js';
import type { Router } from './router.js';
import type { TokenRecord, TokenRegistry } from './tokens/token-registry.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** `(ctx, next) => response`: runs around every request (latency, request log; stage 2: faults, rate limits). */
export type Middleware = (ctx: RequestContext, next: () => Promise<GraphResponse>) => Promise<GraphResponse>;

/** A feature module: registers routes, node types, fields, edges and middleware on the app. */
export type Installer = (app: SandboxApp) => void;

export interface SandboxApp {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly data: DataStore;
  readonly tokens: TokenRegistry;
  readonly nodes: NodeRegistry;
  readonly router: Router;
  readonly log: RequestLog;
  /** `http://127.0.0.1:<port>` once listening (used for absolute paging URLs). */
  origin: string;
  /** Free-form server-side state for features (recent_media positions, stage 2 counters). */
  readonly state: Map<string, unknown>;
  /** Adds a middleware; the first added runs outermost (after the request log). */
  use(middleware: Middleware): void;
  /** Runs one request through middleware and routes, without HTTP (stage 2's batch items use it). */
  dispatch(init: DispatchInit): Promise<GraphResponse>;
}

/** Who is calling: the token's subject and what it may see. */
export interface Viewer {
  readonly token: TokenRecord;
  /** The node `/me` stands for (User for USER/SYSTEM_USER tokens, Page for PAGE tokens); none for APP. */
  readonly me: GraphNode | undefined;
  /** USER / SYSTEM_USER tokens: the user. */
  readonly user: UserRecord | undefined;
  /** Pages the token can act on, with the user's tasks on each. */
  readonly pages: readonly { page: PageRecord; tasks: readonly string[] }[];
  /** Ids of the IG accounts linked to those pages (whose media are "owned" by the app user). */
  readonly igAccountIds: ReadonlySet<string>;
  hasScope(scope: string): boolean;
}

export interface RequestContext {
  readonly app: SandboxApp;
  readonly method: HttpMethod;
  /** Normalised path without the version prefix: `/17841…/media`, `/me`, `/`. */
  readonly path: string;
  readonly segments: readonly string[];
  /** The version that serves the request (`v25.0`), echoed in `facebook-api-version`. */
  readonly version: string;
  readonly versionNumber: number;
  /** Query string and body parameters merged (body wins), in arrival order. */
  readonly params: Readonly<Record<string, string>>;
  readonly paramOrder: readonly string[];
  readonly headers: IncomingHttpHeaders;
  /** The access token from `access_token` or `Authorization: Bearer|OAuth`, unvalidated. */
  readonly token: string | undefined;
  readonly traceId: string;
  /** Where the request came from: `http` (the server), `batch` (an item of a batch request), `internal`. */
  readonly source: string;
  /** Path parameters of the matched route (`{ 'ig-media-id': '179…' }`). */
  pathParams: Record<string, string>;
  /** The node bound by the route's first typed placeholder (`{ig-media-id}`), if any. */
  node: GraphNode | undefined;
  /** The matched route's pattern for the request log, with `me` kept literal (`/me/accounts`). */
  endpoint: string;
  readonly clock: Clock;
  readonly data: DataStore;
  /** Validates the token (throws 104 / 190) and returns its record. */
  auth(): TokenRecord;
  /** auth() plus the subject, pages and IG accounts behind the token. */
  viewer(): Viewer;
}
