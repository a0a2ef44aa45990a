/**
 * The connection's token provider (src/auth) with its OAuth calls sent through the connection's
 * dispatcher, so they use the same proxies, firewall and TLS pinning as the Graph calls.
 */
import { request, type Dispatcher } from 'undici';
import { createTokenProvider, type AuthDeps, type AuthTokenProvider, type OAuthHttp } from '../auth/index.js';
import type { ConnectionSettings } from '../connection-string/index.js';
import { IgsqlError } from '../errors.js';
import { parseJsonLossless } from '../http/json.js';
import type { Logger } from '../logging/logger.js';

export function dispatcherHttp(dispatcher: Dispatcher, logger: Logger, timeoutMs: number): OAuthHttp {
  const log = logger.module('auth');
  return async (url, init = {}) => {
    const method = init.method ?? 'GET';
    const started = Date.now();
    try {
      const response = await request(url, {
        method,
        dispatcher,
        headers: { accept: 'application/json' },
        ...(init.signal ? { signal: init.signal } : {}),
        ...(timeoutMs > 0 ? { headersTimeout: timeoutMs, bodyTimeout: timeoutMs } : {}),
      });
      const text = await response.body.text();
      log.log(2, { method, url: url.href, status: response.statusCode, ms: Date.now() - started }, 'oauth request');
      let json: unknown;
      try {
        json = text === '' ? undefined : parseJsonLossless(text);
      } catch {
        json = undefined;
      }
      return { status: response.statusCode, json };
    } catch (error) {
      if (error instanceof IgsqlError) throw error;
      // The URL's query holds secrets: name the origin and path only.
      throw new IgsqlError('network', `${method} ${url.origin}${url.pathname} failed: ${(error as Error).message}`, { cause: error });
    }
  };
}

export function tokenProviderFor(
  settings: ConnectionSettings,
  deps: { dispatcher: Dispatcher; logger: Logger; flow?: AuthDeps['flow']; now?: () => number },
): AuthTokenProvider {
  const log = deps.logger.module('auth');
  return createTokenProvider(settings.values, {
    http: dispatcherHttp(deps.dispatcher, deps.logger, settings.values.Timeout * 1000),
    log: (level, message) => log.log(level, {}, message),
    ...(deps.flow ? { flow: deps.flow } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
}
