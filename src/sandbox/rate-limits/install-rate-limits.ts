/**
 * The rate-limit middleware: counts each request (each `ids=` entry, each batch item) against its
 * scope's counters before it runs, refuses it with code 4 / 17 / 32 / 80002 once a budget is used
 * up, and adds the usage headers to every answer. A batch envelope counts nothing itself (its items
 * do) but carries the app/Page headers as they stand after its items ran.
 */
import type { SandboxApp } from '../context.js';
import type { GraphResponse } from '../http/reply.js';
import { isBatchRequest } from '../batch/batch-request.js';
import { callScope } from './call-scope.js';
import { RateLimiter } from './rate-limiter.js';

const KEY = 'ops.rateLimiter';

/** Adds usage headers the response does not have yet (an injected throttling fault brings its own). */
function addHeaders(response: GraphResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) if (response.headers[name] === undefined) response.headers[name] = value;
}

/** The app's rate limiter (undefined when the feature is not installed). */
export function rateLimiterOf(app: SandboxApp): RateLimiter | undefined {
  return app.state.get(KEY) as RateLimiter | undefined;
}

export function installRateLimits(app: SandboxApp): void {
  const limiter = new RateLimiter(app.clock, app.data.world, app.options.rateLimit);
  app.state.set(KEY, limiter);
  app.use(async (ctx, next) => {
    if (isBatchRequest(ctx)) {
      const response = await next();
      const scope = callScope(ctx, { calls: 0 });
      if (scope !== undefined) addHeaders(response, limiter.headers(scope));
      return response;
    }
    const scope = callScope(ctx);
    if (scope === undefined) return next();
    const refused = limiter.admit(scope);
    if (refused !== undefined) throw refused;
    const response = await next();
    limiter.addCost(scope, response.body.length);
    addHeaders(response, limiter.headers(scope));
    return response;
  });
}
