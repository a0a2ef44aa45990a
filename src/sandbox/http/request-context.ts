/**
 * Builds the RequestContext a handler receives from a parsed request. `auth()` and `viewer()` are
 * computed on first use and cached for the request.
 */
import type { RequestContext, SandboxApp, Viewer } from '../context.js';
import type { TokenRecord } from '../tokens/token-registry.js';
import { resolveViewer } from '../viewer.js';
import type { ParsedRequest } from './parse-request.js';

export function createRequestContext(app: SandboxApp, parsed: ParsedRequest, traceId: string, source = 'internal'): RequestContext {
  let token: TokenRecord | undefined;
  let viewer: Viewer | undefined;
  const ctx: RequestContext = {
    app, method: parsed.method, path: parsed.path, segments: parsed.segments, version: parsed.version,
    versionNumber: parsed.versionNumber, params: parsed.params, paramOrder: parsed.paramOrder, headers: parsed.headers,
    token: parsed.token, traceId, source, pathParams: {}, node: undefined, endpoint: `${parsed.method} (unrouted)`,
    clock: app.clock, data: app.data,
    auth() {
      token ??= app.tokens.validate(parsed.token);
      return token;
    },
    viewer() {
      viewer ??= resolveViewer(ctx, ctx.auth());
      return viewer;
    },
  };
  return ctx;
}
