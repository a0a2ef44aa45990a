/**
 * The connection properties GraphClient reads (CData names) and what it is given to work with;
 * the properties are checked once when the client is made: a bad BaseURL, Version, MaxRetries or Timeout is a `config` error naming the property.
 */
import type { Dispatcher } from 'undici';
import { IgsqlError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import type { PacingOptions } from './pacing.js';
import type { BackoffOptions, Clock } from './retry.js';
import type { TokenProvider } from './token-provider.js';

export interface GraphClientOptions {
  BaseURL?: string | undefined;
  Version?: string | undefined;
  /** Seconds per request (headers and body); 0 = none. Default 60. */
  Timeout?: number | undefined;
  MaxRetries?: number | undefined;
  AppSecretProof?: boolean | undefined;
  OAuthClientSecret?: string | undefined;
  MaxConcurrentRequests?: number | undefined;
  /** Seconds a GET answer is reused (response-cache.ts); 0 = no cache (default). */
  ResponseCacheTTL?: number | undefined;
}

export interface GraphClientDeps {
  dispatcher: Dispatcher;
  tokenProvider: TokenProvider;
  logger?: Logger;
  clock?: Clock;
  pacing?: PacingOptions;
  backoff?: BackoffOptions;
  /** Longest rate-limit wait when the call has no deadline (ms). Default 15 minutes. */
  maxRateLimitWaitMs?: number;
}

export interface ClientSettings {
  readonly baseUrl: URL;
  /** `v25.0`, or '' for none. */
  readonly version: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly maxConcurrent: number;
}

export function clientSettings(options: GraphClientOptions): ClientSettings {
  const base = (options.BaseURL ?? 'https://graph.facebook.com').trim();
  let baseUrl: URL;
  try {
    baseUrl = new URL(base.replace(/\/+$/, ''));
  } catch {
    throw new IgsqlError('config', `BaseURL must be an http(s) URL such as https://graph.facebook.com, not "${base}".`, { details: { property: 'BaseURL' } });
  }
  if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') {
    throw new IgsqlError('config', `BaseURL must start with https:// (or http:// for a local sandbox), not "${baseUrl.protocol}".`, { details: { property: 'BaseURL' } });
  }
  const retries = options.MaxRetries ?? 3;
  if (!Number.isInteger(retries) || retries < 0) throw new IgsqlError('config', `MaxRetries must be a whole number, 0 or more, not ${String(retries)}.`, { details: { property: 'MaxRetries' } });
  const timeout = options.Timeout ?? 60;
  if (!Number.isFinite(timeout) || timeout < 0) throw new IgsqlError('config', `Timeout must be 0 or more seconds, not ${String(timeout)}.`, { details: { property: 'Timeout' } });
  return {
    baseUrl,
    version: (options.Version ?? '').trim().replace(/^\/+|\/+$/g, ''),
    maxRetries: retries,
    timeoutMs: Math.round(timeout * 1000),
    maxConcurrent: options.MaxConcurrentRequests && options.MaxConcurrentRequests > 0 ? options.MaxConcurrentRequests : 8,
  };
}
