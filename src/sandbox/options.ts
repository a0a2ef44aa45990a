/**
 * `startSandbox(options)`: every knob, its default, and validation with clear errors. Stage 2 adds
 * its knobs here (`https`, `faults`, rate-limit budgets, latency jitter): add the field to
 * SandboxOptions and ResolvedOptions and resolve it in resolveOptions.
 */
import { IgsqlError } from '../errors.js';
import { toClock, type Clock } from './clock.js';
import { NEWEST_VERSION, OLDEST_VERSION, servingVersion } from './http/parse-request.js';
import type { SandboxSize } from './data/world.js';
import {
  resolveOAuthOptions, resolvePublishingOptions, type OAuthOptions, type PublishingOptions,
  type ResolvedOAuthOptions, type ResolvedPublishingOptions,
} from './oauth/oauth-options.js';
import { resolveFaults, type FaultOptions, type ResolvedFaults } from './faults/fault-options.js';
import { resolveRateLimit, type RateLimitOptions, type ResolvedRateLimit } from './rate-limits/rate-limit-options.js';

export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Seed of the generated data (default 42): same seed and clock start, same data and tokens. */
  seed?: number;
  /** `small` (default): the demo, a few Pages and IG accounts and a few dozen media. `large`: 2,400 media with 20 comments each on the first account. */
  size?: SandboxSize;
  /** Media on the first IG account (overrides the size preset), up to 9,999,999. */
  media?: number;
  /** Comments (top-level + replies) across the first IG account's media (overrides the preset). */
  comments?: number;
  /** Delay added to every request, ms (default 0). */
  latencyMs?: number;
  /** Version that serves unversioned paths (default v25.0). */
  defaultVersion?: string;
  /** "Now" for token expiry, stories and the media timeline (default: the system clock). */
  clock?: Clock | (() => number);
  /** Most media `/{ig-user-id}/media` returns in total (Meta: the 10K most recent); default 10000. */
  mediaReadCap?: number;
  /** `content_publishing_limit` quota_total (default 50). */
  publishingQuota?: number;
  /** OAuth dialog, code exchange and appsecret_proof knobs (oauth/oauth-options.ts). */
  oauth?: OAuthOptions;
  /** Content publishing knobs: video processing time, containers per day (oauth/oauth-options.ts). */
  publishing?: PublishingOptions;
  /** Extra random delay per request, uniform in [0, jitterMs] ms, seeded by `seed` (default 0). */
  jitterMs?: number;
  /** Serve HTTPS with a self-signed certificate for localhost/127.0.0.1 generated at start (default false). */
  https?: boolean;
  /** Rate-limit budgets per rolling window (defaults never throttle). */
  rateLimit?: RateLimitOptions;
  /** Fault injection at random (`rate`, `kinds`, `seed`) or by `script`. */
  faults?: FaultOptions;
  /**
   * Followers an IG account needs for follower_count, online_followers and the demographic insights
   * (default 100, as Meta); accounts below it get nothing for those metrics. Raise it (e.g. 5000)
   * to make the demo's `lantern.studio` (3,210 followers) a small account.
   */
  insightsMinFollowers?: number;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly seed: number;
  readonly size: SandboxSize;
  readonly media: number | undefined;
  readonly comments: number | undefined;
  latencyMs: number;
  readonly defaultVersion: number;
  readonly clock: Clock;
  readonly mediaReadCap: number;
  readonly publishingQuota: number;
  readonly oauth: ResolvedOAuthOptions;
  readonly publishing: ResolvedPublishingOptions;
  jitterMs: number;
  readonly https: boolean;
  readonly rateLimit: ResolvedRateLimit;
  readonly faults: ResolvedFaults;
  readonly insightsMinFollowers: number;
}

function usage(message: string): IgsqlError {
  return new IgsqlError('usage', `startSandbox: ${message}`);
}

function nonNegativeInteger(name: string, value: number | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw usage(`${name} must be an integer from 0 to ${max}, got ${String(value)}`);
  return value;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const size = options.size ?? 'small';
  if (size !== 'small' && size !== 'large') throw usage(`size must be 'small' or 'large', got ${JSON.stringify(size)}`);
  const versionText = options.defaultVersion ?? 'v25.0';
  const version = servingVersion(versionText);
  if (typeof version !== 'number' || `v${version}.0` !== versionText) {
    throw usage(`defaultVersion must be one of v${OLDEST_VERSION}.0 … v${NEWEST_VERSION}.0, got ${JSON.stringify(versionText)}`);
  }
  if (options.latencyMs !== undefined && (!Number.isFinite(options.latencyMs) || options.latencyMs < 0)) {
    throw usage(`latencyMs must be a non-negative number, got ${String(options.latencyMs)}`);
  }
  if (options.jitterMs !== undefined && (!Number.isFinite(options.jitterMs) || options.jitterMs < 0)) {
    throw usage(`jitterMs must be a non-negative number, got ${String(options.jitterMs)}`);
  }
  if (options.https !== undefined && typeof options.https !== 'boolean') throw usage(`https must be true or false, got ${String(options.https)}`);
  const cap = options.mediaReadCap ?? 10_000;
  if (!(cap === Infinity || (Number.isInteger(cap) && cap >= 0))) throw usage(`mediaReadCap must be a non-negative integer or Infinity, got ${String(cap)}`);
  return {
    port: nonNegativeInteger('port', options.port, 0, 65535),
    seed: nonNegativeInteger('seed', options.seed, 42, 2 ** 31 - 1),
    size, media: options.media, comments: options.comments, latencyMs: options.latencyMs ?? 0,
    defaultVersion: version, clock: toClock(options.clock), mediaReadCap: cap,
    publishingQuota: nonNegativeInteger('publishingQuota', options.publishingQuota, 50),
    oauth: resolveOAuthOptions(options.oauth), publishing: resolvePublishingOptions(options.publishing),
    jitterMs: options.jitterMs ?? 0, https: options.https ?? false,
    rateLimit: resolveRateLimit(options.rateLimit), faults: resolveFaults(options.faults),
    insightsMinFollowers: nonNegativeInteger('insightsMinFollowers', options.insightsMinFollowers, 100),
  };
}
