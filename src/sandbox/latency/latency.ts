/**
 * The latency knob: every request takes `latencyMs` plus a seeded random share of `jitterMs`
 * (uniform in [0, jitterMs]). A batch request waits once, for the whole HTTP call: its items
 * (source `batch`) do not wait again. `sandbox.setLatency(ms, jitterMs?)` changes both at run time.
 *
 * A read (a Graph GET, or a batch of GETs only) is answered at arrival + latency, or when its answer
 * is ready if that is later: the latency stands for the whole round trip, the API's own work
 * included, as a client measures it. Rendering a 1 MB page costs the sandbox ~20 ms of CPU, which
 * the real API spends on its own servers; added on top of the latency it would count against the
 * client in every round. Anything else (writes, OAuth, a batch with a write) waits first and is
 * handled after, so a request cancelled during its latency has changed nothing.
 */
import type { SandboxApp } from '../context.js';
import type { RequestContext } from '../context.js';
import { isBatchRequest, parseBatch } from '../batch/batch-request.js';
import { rngFor } from '../data/rng.js';

export function checkLatency(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number of milliseconds, got ${String(value)}`);
}

export type Sleep = (ms: number) => Promise<void>;

const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Installs the latency middleware (`wait` is for tests: it receives each delay). */
export function installLatency(app: SandboxApp, wait: Sleep = sleep): void {
  const rng = rngFor(app.options.seed, 'latency');
  app.use(async (ctx, next) => {
    if (ctx.source === 'batch') return next();
    const { latencyMs, jitterMs } = app.options;
    const ms = latencyMs + (jitterMs > 0 ? rng.next() * jitterMs : 0);
    if (ms <= 0) return next();
    if (!isRead(ctx)) {
      await wait(ms);
      return next();
    }
    const waited = wait(ms);
    try {
      return await next();
    } finally {
      await waited;
    }
  });
}

/**
 * Whether the request only reads Graph data: a GET off the OAuth paths (`/oauth/access_token`
 * spends a code, `/dialog/oauth` shows a consent page), or a batch whose operations are all GETs.
 */
function isRead(ctx: RequestContext): boolean {
  if (ctx.method === 'GET') return ctx.segments[0] !== 'oauth' && ctx.segments[0] !== 'dialog';
  if (!isBatchRequest(ctx)) return false;
  try {
    return parseBatch(ctx.params['batch']!).every((op) => op.method === 'GET');
  } catch {
    return false; // a batch refused as a whole is refused after the wait, as before
  }
}
