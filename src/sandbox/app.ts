/**
 * The sandbox core without HTTP: registries, data, tokens, middleware and `dispatch`, which runs one
 * request through parsing, middleware and the route table and always produces a GraphResponse
 * (GraphErrors become Meta's error envelope; unexpected exceptions become code 1 with HTTP 500).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Middleware, RequestContext, SandboxApp } from './context.js';
import { DataStore } from './data/data-store.js';
import { activeTokenRequired, graphError, isGraphError, type GraphError } from './graph-error.js';
import { parseRequest, requestUrl } from './http/parse-request.js';
import { isGraphResponse, reply, type DispatchInit, type GraphResponse } from './http/reply.js';
import { createRequestContext } from './http/request-context.js';
import { NodeRegistry } from './nodes/node-registry.js';
import type { ResolvedOptions } from './options.js';
import { RequestLog } from './request-log.js';
import { Router } from './router.js';
import { TokenRegistry } from './tokens/token-registry.js';

/** Random bytes for trace ids and x-fb-debug, cut from a pooled buffer (one syscall per ~60 requests). */
let pool = Buffer.alloc(0);
let poolUsed = 0;

function randomChunk(size: number): Buffer {
  if (poolUsed + size > pool.length) {
    pool = randomBytes(4096);
    poolUsed = 0;
  }
  poolUsed += size;
  return pool.subarray(poolUsed - size, poolUsed);
}

function traceId(): string {
  return randomChunk(17).toString('base64url').slice(0, 23);
}

export function errorResponse(error: GraphError, trace: string): GraphResponse {
  return reply.json(error.envelope(trace), error.status, error.headers());
}

export function createSandboxApp(options: ResolvedOptions): SandboxApp {
  const clock = options.clock;
  const data = new DataStore({ seed: options.seed, size: options.size, media: options.media, comments: options.comments, anchorMs: clock.now() });
  const nodes = new NodeRegistry();
  const router = new Router(nodes);
  const log = new RequestLog();
  const tokens = new TokenRegistry(clock, options.seed, data.world.app);
  log.addSecret(data.world.app.secret);
  const middleware: Middleware[] = [];
  const rev = String(1_000_000_000 + (options.seed % 100_000_000));

  const terminal = async (ctx: RequestContext): Promise<GraphResponse> => {
    const match = router.match(ctx, (segment) => {
      const viewer = ctx.viewer();
      if (segment === 'me') {
        if (viewer.me === undefined) throw activeTokenRequired();
        return viewer.me;
      }
      const node = data.lookup(segment);
      return node !== undefined && nodes.canRead(node, viewer, ctx) ? node : undefined;
    }, () => void ctx.auth());
    ctx.pathParams = match.pathParams;
    ctx.node = match.node;
    ctx.endpoint = match.endpoint;
    const result = await match.handler(ctx);
    return isGraphResponse(result) ? result : reply.json(result);
  };

  const run = async (ctx: RequestContext, index: number): Promise<GraphResponse> => {
    try {
      const mw = middleware[index];
      return mw === undefined ? await terminal(ctx) : await mw(ctx, () => run(ctx, index + 1));
    } catch (error) {
      if (isGraphError(error)) return errorResponse(error, ctx.traceId);
      throw error;
    }
  };

  const app: SandboxApp = {
    options, clock, data, tokens, nodes, router, log, origin: 'http://127.0.0.1', state: new Map(),
    use(mw) {
      middleware.push(mw);
    },
    async dispatch(init: DispatchInit): Promise<GraphResponse> {
      const startedAt = clock.now();
      const started = performance.now();
      const trace = traceId();
      let ctx: RequestContext | undefined;
      let response: GraphResponse;
      let internalError: string | undefined;
      try {
        ctx = createRequestContext(app, parseRequest(init, options.defaultVersion), trace, init.source ?? 'internal');
        response = await run(ctx, 0);
      } catch (error) {
        if (!isGraphError(error)) internalError = error instanceof Error ? error.stack ?? error.message : String(error);
        response = errorResponse(isGraphError(error) ? error : graphError({ code: 1, message: 'An unknown error has occurred.', isTransient: false }), trace);
      }
      const version = ctx?.version ?? `v${options.defaultVersion}.0`;
      response.headers = {
        'facebook-api-version': version, 'x-fb-trace-id': trace, 'x-fb-rev': rev, 'x-fb-debug': randomChunk(48).toString('base64'),
        'Cache-Control': 'private, no-cache, no-store, must-revalidate', Pragma: 'no-cache', Expires: 'Sat, 01 Jan 2000 00:00:00 GMT',
        'Access-Control-Allow-Origin': '*', ...response.headers,
      };
      if (ctx !== undefined && ctx.params['suppress_response_codes'] === 'true' && response.status !== 200 && response.json !== undefined) {
        response.status = 200;
      }
      const error = (response.json as { error?: { code?: unknown; error_subcode?: unknown } } | undefined)?.error;
      const url = requestUrl(init.url);
      log.record({
        at: startedAt, method: ctx?.method ?? init.method.toUpperCase(), path: url.pathname, version,
        endpoint: ctx?.endpoint ?? `${init.method.toUpperCase()} (unrouted)`, params: log.scrub(ctx?.params ?? {}),
        status: response.status, traceId: trace, durationMs: performance.now() - started, source: init.source ?? 'internal',
        ...(typeof error?.code === 'number' ? { errorCode: error.code } : {}),
        ...(typeof error?.error_subcode === 'number' ? { errorSubcode: error.error_subcode } : {}),
        ...(internalError === undefined ? {} : { internalError }),
      });
      return response;
    },
  };
  return app;
}
