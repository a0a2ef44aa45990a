import { IgsqlError } from '../errors.js';
import { maskSecrets } from '../logging/mask.js';
import type { GraphResponse } from './call-options.js';
import type { ExchangeResponse } from './exchange.js';
import { envelopeOf, graphError } from './graph-error.js';
import { parseJsonLossless } from './json.js';

/**
 * Turn an HTTP answer into a parsed body or a typed error: 407 (or a forward proxy's 401) is a
 * `proxy` error; a Graph error envelope a GraphApiError; a non-JSON or envelope-less error status
 * a `graph` error (retryable for 5xx and 429). JSON is parsed losslessly.
 */
export function interpretResponse<T>(res: ExchangeResponse, context: string, route: string): GraphResponse<T> {
  if (res.status === 407 || (res.status === 401 && route.startsWith('forward') && !/^(OAuth|Bearer)/i.test(String(res.headers['www-authenticate'] ?? '')))) {
    throw new IgsqlError('proxy', `The proxy (${route}) rejected the request with ${res.status}: its credentials were refused or are missing. Check ProxyUser and ProxyPassword.`, {
      details: { status: res.status, retryable: false },
    });
  }
  let parsed: unknown;
  try {
    parsed = res.text === '' ? {} : parseJsonLossless(res.text);
  } catch {
    throw new IgsqlError('graph', `${context} answered HTTP ${res.status} with a body that is not JSON (${maskSecrets(res.text.slice(0, 80)).replace(/\s+/g, ' ')}…).`, {
      details: { status: res.status, retryable: res.status >= 500 || res.status === 429 },
    });
  }
  const envelope = envelopeOf(parsed);
  if (envelope) throw graphError(envelope, res.status, context);
  if (res.status >= 400) {
    throw new IgsqlError('graph', `${context} answered HTTP ${res.status} without a Graph error body.`, { details: { status: res.status, retryable: res.status >= 500 || res.status === 429 } });
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}
