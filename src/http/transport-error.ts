import { IgsqlError } from '../errors.js';

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const CONNECT_PHASE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Turn whatever undici or a socket threw into a typed IgsqlError: `timeout`, `network`, `tls`
 * (handshake failures), or the `proxy`/`tls`/`timeout` error the dispatcher already built.
 * `details.retryable` says whether another try may help; `details.phase === 'connect'` that the
 * request never left (safe to retry even when not idempotent).
 */
export function transportError(err: unknown, what: string, route: string): IgsqlError {
  if (IgsqlError.is(err)) {
    const connectPhase = err.code === 'proxy' || err.code === 'tls' || /Opening a connection/.test(err.message);
    return connectPhase && err.details['phase'] === undefined ? withDetails(err, { phase: 'connect' }) : err;
  }
  const e = err as Error & { code?: string; cause?: unknown };
  const inner = (e.cause && typeof e.cause === 'object' ? (e.cause as { code?: string }).code : undefined) ?? undefined;
  const code = e.code ?? inner ?? '';
  const via = route === 'direct' ? '' : ` (${route})`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new IgsqlError('timeout', `${what}: connecting${via} timed out.`, { cause: err, details: { retryable: true, phase: 'connect' } });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new IgsqlError('timeout', `${what}: the server stopped answering (${code === 'UND_ERR_HEADERS_TIMEOUT' ? 'no response headers' : 'body stalled'}) within Timeout.`, {
      cause: err,
      details: { retryable: true },
    });
  }
  if (/^ERR_SSL|^ERR_TLS|EPROTO|CERT|UNABLE_TO/.test(code)) {
    return new IgsqlError('tls', `${what}: the TLS handshake failed${via} (${code}: ${e.message}).`, { cause: err, details: { retryable: false, phase: 'connect' } });
  }
  if (code === 'ENOTFOUND') {
    return new IgsqlError('network', `${what}: the host name could not be resolved${via} (ENOTFOUND). Check BaseURL, or set ProxyServer if DNS only works through a proxy.`, {
      cause: err,
      details: { retryable: false, phase: 'connect' },
    });
  }
  if (NETWORK_CODES.has(code)) {
    return new IgsqlError('network', `${what}: ${code === 'UND_ERR_SOCKET' ? 'the connection was closed by the other side' : code}${via}.`, {
      cause: err,
      details: { retryable: true, ...(CONNECT_PHASE.has(code) ? { phase: 'connect' } : {}) },
    });
  }
  return new IgsqlError('network', `${what}: ${e.message ?? String(err)}${via}.`, { cause: err, details: { retryable: true } });
}

function withDetails(err: IgsqlError, extra: Record<string, unknown>): IgsqlError {
  const copy = new IgsqlError(err.code, err.message, { cause: err.cause, details: { ...err.details, ...extra } });
  if (err.stack) copy.stack = err.stack;
  return copy;
}
