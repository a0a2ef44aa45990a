/**
 * igsql/sandbox: a local stand-in for graph.facebook.com (Instagram API with Facebook Login) with
 * seeded, lazily generated data. See src/sandbox/README.md.
 *
 *   const sandbox = await startSandbox({ seed: 7, size: 'small' });
 *   fetch(`${sandbox.url}/v25.0/me/accounts?access_token=${sandbox.tokens.longLivedUser}`);
 *   await sandbox.stop();
 */
import { createSandboxApp } from './app.js';
import type { SandboxApp } from './context.js';
import { installFeatures } from './features.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { issueReadyTokens, type SandboxTokens } from './ready-tokens.js';
import type { RequestLogEntry } from './request-log.js';
import { listen } from './server.js';
import { faultInjectorOf } from './faults/install-faults.js';
import type { FaultInjector } from './faults/fault-injector.js';
import { checkLatency } from './latency/latency.js';
import { rateLimiterOf } from './rate-limits/install-rate-limits.js';
import type { RateLimiter } from './rate-limits/rate-limiter.js';
import { httpsServer, sandboxCertificate, type SandboxCertificate } from './tls/certificate.js';

export interface Sandbox {
  /** `http://127.0.0.1:<port>` (`https://…` with `https: true`): use it as the driver's BaseURL. */
  readonly url: string;
  readonly port: number;
  readonly tokens: SandboxTokens;
  /** The sandbox Meta app's credentials (OAuthClientId / OAuthClientSecret). */
  readonly app: { readonly id: string; readonly secret: string; readonly name: string };
  /** Recent requests (latest 10,000), oldest first; tokens and secrets removed. */
  readonly requests: readonly RequestLogEntry[];
  /** Requests per endpoint pattern (`GET /{ig-user-id}/media`) since start or resetCounts(). */
  counts(): Record<string, number>;
  /** Clears counts and the request list. */
  resetCounts(): void;
  /** Changes the per-request latency (and, when given, the jitter), ms. */
  setLatency(ms: number, jitterMs?: number): void;
  /** With `https: true`: the self-signed certificate, to pin (`fingerprint256`) or trust (`cert`). */
  readonly certificate: SandboxCertificate | undefined;
  /** Fault injection: `counts()`, `injected`, `setRate()`, `script()`, `clear()`, `resetCounts()`. */
  readonly faults: FaultInjector;
  /** Rate limits: `usage()`, `configure()`, `reset()`. */
  readonly rateLimits: RateLimiter;
  /** The core (registries, data, tokens, clock): for stage-2 features, tests and benchmarks. */
  readonly core: SandboxApp;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const core = createSandboxApp(resolved);
  installFeatures(core);
  const tokens = issueReadyTokens(core);
  const certificate = resolved.https ? await sandboxCertificate() : undefined;
  const listening = await listen(core, resolved.port, certificate === undefined ? undefined : httpsServer(certificate));
  core.origin = `${certificate === undefined ? 'http' : 'https'}://127.0.0.1:${listening.port}`;
  const { app } = core.data.world;
  let stopped: Promise<void> | undefined;
  return {
    url: core.origin, port: listening.port, tokens, app: { id: app.id, secret: app.secret, name: app.name },
    get requests() {
      return core.log.entries;
    },
    counts: () => core.log.counts(),
    resetCounts: () => core.log.reset(),
    setLatency(ms: number, jitterMs?: number) {
      checkLatency('setLatency: ms', ms);
      if (jitterMs !== undefined) checkLatency('setLatency: jitterMs', jitterMs);
      core.options.latencyMs = ms;
      if (jitterMs !== undefined) core.options.jitterMs = jitterMs;
    },
    certificate, faults: faultInjectorOf(core)!, rateLimits: rateLimiterOf(core)!,
    core,
    stop: () => (stopped ??= listening.close()),
  };
}

export type { SandboxOptions } from './options.js';
export type { SandboxTokens } from './ready-tokens.js';
export type { RequestLogEntry } from './request-log.js';
export { createManualClock, type Clock, type ManualClock } from './clock.js';
export type { SandboxCertificate } from './tls/certificate.js';
export type { FaultOptions, FaultRule, FaultSpec, FaultKind, FaultMatch } from './faults/fault-options.js';
export type { FaultCounts, InjectedFault } from './faults/fault-injector.js';
export type { RateLimitOptions } from './rate-limits/rate-limit-options.js';
export type { Usage, UsageSnapshot } from './rate-limits/rate-limiter.js';
