/**
 * The connection's token provider (src/auth) with its OAuth calls sent through the connection's
 * dispatcher and the same exchange() as the Graph calls, so they use the same proxies, firewall,
 * TLS pinning and Timeout, and are logged the same way (summaries at Verbosity 2, headers and
 * bodies at 3, always masked: codes, client_secret and tokens never reach the log).
 */
import type { Dispatcher } from 'undici';
import { createTokenProvider, type AuthDeps, type AuthTokenProvider, type OAuthHttp } from '../auth/index.js';
import type { ConnectionSettings } from '../connection-string/index.js';
import { exchange } from '../http/exchange.js';
import { parseJsonLossless } from '../http/json.js';
import type { Logger } from '../logging/logger.js';

export function dispatcherHttp(dispatcher: Dispatcher, logger: Logger, timeoutMs: number): OAuthHttp {
  const log = logger.module('http');
  const network = (dispatcher as Dispatcher & { network?: { describeRoute(u: URL): string } }).network;
  return async (url, init = {}) => {
    const response = await exchange(
      { dispatcher, timeoutMs, signal: init.signal, route: network?.describeRoute(url) ?? 'direct', log, now: Date.now },
      { method: init.method ?? 'GET', url, headers: { accept: 'application/json', 'user-agent': 'igsql' } },
    );
    let json: unknown;
    try {
      json = response.text === '' ? undefined : parseJsonLossless(response.text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
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
