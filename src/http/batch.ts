import { GraphApiError, IgsqlError } from '../errors.js';
import { envelopeOf, graphError, isAuthError, isRateLimit, isRetryable } from './graph-error.js';
import type { CallOptions } from './call-options.js';
import type { GraphClient } from './graph-client.js';
import { parseJsonLossless } from './json.js';

export interface BatchRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to BaseURL/Version, e.g. `17841.../media?fields=id,caption&limit=25`. */
  relativeUrl: string;
  /** Form-encoded body (POST). */
  body?: string | Record<string, string>;
  name?: string;
}

export type BatchItemResult =
  | { ok: true; status: number; body: unknown }
  | { ok: false; status: number | undefined; error: IgsqlError };

/** An item of the answer: `include_headers=false`, as igsql reads nothing from an item's headers (a 190 or a rate limit is in its body; the call's usage headers are the batch's own). */
interface RawItem {
  code: number;
  body?: string | null;
}

/**
 * Batch requests, at most 50 per HTTP call (chunks run MaxConcurrentRequests at a time). Item
 * results keep the request order. Per-item Graph errors are returned as `{ ok: false, error }`
 * values; `null` items (not completed in time) and transient or throttled GET items are sent
 * again (up to MaxRetries rounds), and a 190 item triggers one token refresh (told which token
 * the batch carried, so a 190 for a token renewed meanwhile is retried without renewing again).
 */
export async function runBatch(client: GraphClient, requests: readonly BatchRequest[], options: CallOptions): Promise<BatchItemResult[]> {
  const chunks: number[][] = [];
  for (let i = 0; i < requests.length; i += 50) chunks.push(Array.from({ length: Math.min(50, requests.length - i) }, (_, k) => i + k));
  const results = new Array<BatchItemResult>(requests.length);
  await client.map(chunks, async (indexes) => {
    let pending = indexes;
    let refreshed = false;
    for (let round = 0; pending.length > 0; round++) {
      const idempotent = pending.every((i) => requests[i]!.method === 'GET');
      const batch = pending.map((i) => toWire(requests[i]!));
      const { response, token } = await client.requestCarrying<unknown>('POST', '/', { batch: JSON.stringify(batch), include_headers: 'false' }, { ...options, idempotent });
      if (!Array.isArray(response.body)) throw new IgsqlError('graph', `The batch call answered ${typeof response.body} instead of an array of results.`);
      const retry: number[] = [];
      let authFailure: GraphApiError | undefined;
      pending.forEach((index, k) => {
        const item = (response.body as unknown[])[k] as RawItem | null | undefined;
        const result = toResult(item, requests[index]!);
        results[index] = result;
        const canRetry = requests[index]!.method === 'GET' || item == null;
        if (item == null) retry.push(index);
        else if (!result.ok && canRetry && (isRetryable(result.error) || isRateLimit(result.error))) retry.push(index);
        else if (!result.ok && isAuthError(result.error)) {
          authFailure ??= result.error;
          if (!refreshed) retry.push(index);
        }
      });
      if (retry.length === 0) break;
      if (authFailure && !refreshed) {
        refreshed = true;
        if (!(await client.tokenProvider().onAuthError(authFailure, token))) retry.splice(0, retry.length, ...retry.filter((i) => !(results[i]!.ok === false && isAuthError((results[i] as { error: IgsqlError }).error))));
      }
      if (round >= client.maxRetries) break;
      pending = retry;
      if (pending.length > 0) await client.backoff(round, options);
    }
    for (const index of indexes) {
      if (results[index] === undefined || (results[index]!.ok === false && results[index]!.status === undefined && results[index]!.error.code === 'internal')) {
        results[index] = { ok: false, status: undefined, error: new IgsqlError('timeout', `Batch item ${index} (${requests[index]!.method} ${requests[index]!.relativeUrl.split('?')[0]}) did not complete after ${client.maxRetries + 1} attempts.`) };
      }
    }
  });
  return results;
}

function toWire(r: BatchRequest): Record<string, string> {
  const wire: Record<string, string> = { method: r.method, relative_url: r.relativeUrl.replace(/^\/+/, '') };
  if (r.body !== undefined) wire['body'] = typeof r.body === 'string' ? r.body : new URLSearchParams(r.body).toString();
  if (r.name !== undefined) wire['name'] = r.name;
  return wire;
}

function toResult(item: RawItem | null | undefined, request: BatchRequest): BatchItemResult {
  if (item == null) return { ok: false, status: undefined, error: new IgsqlError('internal', 'batch item did not complete (null)') };
  let body: unknown = null;
  try {
    body = typeof item.body === 'string' && item.body !== '' ? parseJsonLossless(item.body) : null;
  } catch {
    return { ok: false, status: item.code, error: new IgsqlError('graph', `Batch item ${request.method} ${request.relativeUrl.split('?')[0]} answered ${item.code} with a body that is not JSON.`, { details: { retryable: item.code >= 500 } }) };
  }
  const envelope = envelopeOf(body);
  if (envelope) return { ok: false, status: item.code, error: graphError(envelope, item.code, `batch ${request.method} ${request.relativeUrl.split('?')[0]}`) };
  if (item.code >= 400) return { ok: false, status: item.code, error: new IgsqlError('graph', `Batch item ${request.method} ${request.relativeUrl.split('?')[0]} answered HTTP ${item.code}.`, { details: { retryable: item.code >= 500 } }) };
  return { ok: true, status: item.code, body };
}
