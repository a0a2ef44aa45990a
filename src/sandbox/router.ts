/**
 * The route table. Register with `router.get|post|delete(pattern, handler, options?)`.
 *
 * A pattern is a path without version: `/ig_hashtag_search`, `/{ig-user-id}/media`, `/{id}/{edge}`.
 *   - a literal segment must match exactly;
 *   - `{id}` matches any existing object the token may see (and `me`), bound to `ctx.node`;
 *   - `{<path-param>}` where a node type declares that pathParam (`{ig-media-id}`, `{page-id}`,
 *     `{ig-user-id}`, `{user-id}`, `{ig-comment-id}`, `{hashtag-id}`) matches only objects of that type;
 *   - any other `{name}` matches any segment, bound to `ctx.pathParams[name]`.
 * More literal routes win over typed ones, typed over `{id}`, then registration order. Tokens are
 * validated before matching unless the route says `{ auth: false }` (stage 2's OAuth endpoints).
 */
import type { HttpMethod, RequestContext } from './context.js';
import type { GraphNode } from './data/data-store.js';
import { unknownAlias, unsupportedRequest } from './graph-error.js';
import type { NodeRegistry } from './nodes/node-registry.js';

export type Handler = (ctx: RequestContext) => unknown;

export interface RouteOptions {
  /** Validate the access token before the handler runs (default true). */
  auth?: boolean;
}

interface Route {
  readonly method: HttpMethod;
  readonly pattern: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
  readonly auth: boolean;
  readonly rank: number[];
  readonly order: number;
}

export interface RouteMatch {
  readonly route: { readonly pattern: string; readonly auth: boolean };
  readonly handler: Handler;
  readonly pathParams: Record<string, string>;
  readonly node: GraphNode | undefined;
  readonly endpoint: string;
}

function placeholder(segment: string): string | undefined {
  return /^\{([a-z0-9_-]+)\}$/i.exec(segment)?.[1];
}

export class Router {
  readonly #nodes: NodeRegistry;
  readonly #routes: Route[] = [];

  constructor(nodes: NodeRegistry) {
    this.#nodes = nodes;
  }

  get(pattern: string, handler: Handler, options?: RouteOptions): void {
    this.add('GET', pattern, handler, options);
  }

  post(pattern: string, handler: Handler, options?: RouteOptions): void {
    this.add('POST', pattern, handler, options);
  }

  delete(pattern: string, handler: Handler, options?: RouteOptions): void {
    this.add('DELETE', pattern, handler, options);
  }

  add(method: HttpMethod, pattern: string, handler: Handler, options: RouteOptions = {}): void {
    const segments = pattern.split('/').filter((s) => s !== '');
    const rank = segments.map((s) => {
      const name = placeholder(s);
      if (name === undefined) return 3;
      return name === 'id' ? 1 : this.#nodes.byPathParam(name) !== undefined ? 2 : 0;
    });
    this.#routes.push({ method, pattern, segments, handler, auth: options.auth ?? true, rank, order: this.#routes.length });
    this.#routes.sort((a, b) => {
      for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
        const d = (b.rank[i] ?? -1) - (a.rank[i] ?? -1);
        if (d !== 0) return d;
      }
      return a.order - b.order;
    });
  }

  /** Routes (method and pattern) in matching order, for documentation and tests. */
  list(): { method: HttpMethod; pattern: string }[] {
    return this.#routes.map((r) => ({ method: r.method, pattern: r.pattern }));
  }

  /**
   * The route for this request. `resolve(segment)` finds the object a segment names (handling `me`
   * and visibility); it is called lazily and only for placeholder segments. Throws 100/33 (numeric
   * id) or 803 (alias) when nothing matches.
   */
  match(ctx: RequestContext, resolve: (segment: string) => GraphNode | undefined, authenticate: () => void): RouteMatch {
    const { method, segments } = ctx;
    const cache = new Map<string, GraphNode | undefined>();
    const lookup = (segment: string): GraphNode | undefined => {
      if (!cache.has(segment)) cache.set(segment, resolve(segment));
      return cache.get(segment);
    };
    let authenticated = false;
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      if (!route.segments.every((s, i) => placeholder(s) !== undefined || s === segments[i])) continue;
      if (route.auth && !authenticated) {
        authenticate();
        authenticated = true;
      }
      const match = this.#tryRoute(route, segments, route.auth ? lookup : () => undefined);
      if (match !== undefined) return match;
    }
    const first = segments[0];
    if (first === undefined) throw unsupportedRequest(method, '');
    if (!authenticated) authenticate();
    if (first !== 'me' && !/^\d+$/.test(first) && lookup(first) === undefined) throw unknownAlias(first);
    throw unsupportedRequest(method, first === 'me' ? (lookup(first)?.id ?? first) : first);
  }

  #tryRoute(route: Route, segments: readonly string[], lookup: (s: string) => GraphNode | undefined): RouteMatch | undefined {
    const pathParams: Record<string, string> = {};
    const endpoint: string[] = [];
    let node: GraphNode | undefined;
    for (let i = 0; i < segments.length; i++) {
      const pattern = route.segments[i]!;
      const segment = segments[i]!;
      const name = placeholder(pattern);
      if (name === undefined) {
        if (pattern !== segment) return undefined;
        endpoint.push(segment);
        continue;
      }
      const type = name === 'id' ? undefined : this.#nodes.byPathParam(name);
      if (name !== 'id' && type === undefined) {
        pathParams[name] = segment;
        endpoint.push(segment);
        continue;
      }
      const found = lookup(segment);
      if (found === undefined || (type !== undefined && found.type !== type.name)) return undefined;
      pathParams[name] = found.id;
      node ??= found;
      endpoint.push(segment === 'me' ? 'me' : `{${this.#nodes.get(found.type)?.pathParam ?? 'id'}}`);
    }
    return { route, handler: route.handler, pathParams, node, endpoint: `${route.method} /${endpoint.join('/')}` };
  }
}
