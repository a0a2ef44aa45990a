/**
 * The fault-injection middleware. It runs inside the rate limits (a faulty answer still counts
 * and carries usage headers) and before routing. Graph-error faults answer with Meta's envelope;
 * socket faults take over the HTTP response. In a batch, a socket fault on an operation makes
 * that operation `null` (reset: it did not complete) or late (slow-body: it waits `stallMs`).
 */
import type { RequestContext, SandboxApp } from '../context.js';
import { graphError } from '../graph-error.js';
import { reply, type GraphResponse } from '../http/reply.js';
import { callScope } from '../rate-limits/call-scope.js';
import { rateLimiterOf } from '../rate-limits/install-rate-limits.js';
import { throttleError, type ThrottleCode } from '../rate-limits/throttle-errors.js';
import { expiredToken } from '../tokens/token-errors.js';
import type { Fault } from './fault-options.js';
import { FaultInjector } from './fault-injector.js';
import { resetMidBody, slowBody } from './socket-faults.js';

const KEY = 'ops.faults';

export const UNKNOWN_ERROR = 'An unknown error has occurred.';
export const UNEXPECTED_ERROR = 'An unexpected error has occurred. Please retry your request later.';

/** The app's fault injector (undefined when the feature is not installed). */
export function faultInjectorOf(app: SandboxApp): FaultInjector | undefined {
  return app.state.get(KEY) as FaultInjector | undefined;
}

function tokenFault(ctx: RequestContext, fault: Fault): never {
  const { tokens } = ctx.app;
  const token = ctx.token;
  if (token !== undefined && tokens.lookup(token) !== undefined) {
    if (fault.kind === 'token-expired') tokens.expire(token);
    else tokens.invalidate(token, fault.reason);
    throw tokens.problem(token)!;
  }
  throw expiredToken(ctx.clock.now(), ctx.clock.now());
}

function rateLimitFault(ctx: RequestContext, fault: Fault): never {
  const code = fault.code as ThrottleCode;
  const scope = callScope(ctx, { calls: 1 }) ?? { tokenType: 'USER', app: true, userId: undefined, pageId: undefined, accounts: [], calls: 1 };
  const headers = rateLimiterOf(ctx.app)?.headers(scope, { code, regainMinutes: fault.regainMinutes }) ?? {};
  throw throttleError(code, headers);
}

async function apply(ctx: RequestContext, fault: Fault, next: () => Promise<GraphResponse>): Promise<GraphResponse> {
  switch (fault.kind) {
    case 'server-error':
      throw fault.code === 2 ? graphError({ code: 2, message: UNEXPECTED_ERROR }) : graphError({ code: 1, message: UNKNOWN_ERROR, isTransient: false });
    case 'transient':
      throw graphError({ code: 2, message: UNEXPECTED_ERROR, isTransient: true });
    case 'unavailable': {
      const response = reply.text('Service Unavailable', 503);
      if (ctx.source === 'http') {
        response.send = (res, body) => void res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) }).end(body);
      }
      return response;
    }
    case 'token-expired':
    case 'token-invalidated':
      return tokenFault(ctx, fault);
    case 'rate-limit':
      return rateLimitFault(ctx, fault);
    case 'reset': {
      const response = await next();
      response.send = resetMidBody(response, fault.afterBytes);
      return response;
    }
    case 'slow-body': {
      const response = await next();
      if (ctx.source === 'http') response.send = slowBody(response, fault.stallMs, fault.afterBytes);
      else await new Promise((resolve) => setTimeout(resolve, fault.stallMs));
      return response;
    }
  }
}

export function installFaults(app: SandboxApp): void {
  const injector = new FaultInjector(app.options.faults, app.options.seed);
  app.state.set(KEY, injector);
  app.use(async (ctx, next) => {
    const fault = injector.choose(ctx);
    return fault === undefined ? next() : apply(ctx, fault, next);
  });
}
