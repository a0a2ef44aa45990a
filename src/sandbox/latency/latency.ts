/**
 * The latency knob: every request waits `latencyMs` plus a seeded random share of `jitterMs`
 * (uniform in [0, jitterMs]) before it is handled. A batch request waits once, for the whole HTTP
 * call: its items (source `batch`) do not wait again. `sandbox.setLatency(ms, jitterMs?)` changes
 * both at run time.
 */
import type { SandboxApp } from '../context.js';
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
    if (ms > 0) await wait(ms);
    return next();
  });
}
