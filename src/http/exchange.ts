import type { Dispatcher } from 'undici';
import { IgsqlError } from '../errors.js';
import type { ModuleLogger } from '../logging/logger.js';
import { maskHeaders, maskSecrets, maskUrl } from '../logging/mask.js';
import { abortError } from './retry.js';
import { transportError } from './transport-error.js';

export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded body (POST). */
  body?: string | undefined;
}

export interface ExchangeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  bytes: number;
  ms: number;
}

export interface ExchangeContext {
  dispatcher: Dispatcher;
  /** Bound on the whole exchange, headers AND body (0 = none). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  route: string;
  log: ModuleLogger;
  now(): number;
}

/** Body text logged at Verbosity 3–4 is cut here; Verbosity 5 logs it whole. */
const BODY_LOG_LIMIT = 64 * 1024;

/**
 * One HTTP request and its full body, bounded by Timeout (a server that stalls the headers or
 * trickles the body fails with `timeout`, it never hangs) and by the caller's signal. Logs a
 * summary at Verbosity 2 and headers and bodies at 3 — always masked.
 */
export async function exchange(ctx: ExchangeContext, req: ExchangeRequest): Promise<ExchangeResponse> {
  const what = `${req.method} ${maskUrl(req.url)}`;
  const started = ctx.now();
  const deadline = new AbortController();
  const timer =
    ctx.timeoutMs > 0
      ? setTimeout(
          () => deadline.abort(new IgsqlError('timeout', `${what} did not complete within Timeout=${ctx.timeoutMs / 1000} s.`, { details: { retryable: true } })),
          ctx.timeoutMs,
        )
      : undefined;
  const signal = ctx.signal ? AbortSignal.any([deadline.signal, ctx.signal]) : deadline.signal;
  if (ctx.log.enabled(3)) {
    ctx.log.log(3, { method: req.method, url: maskUrl(req.url), headers: maskHeaders(req.headers), body: req.body === undefined ? undefined : clip(maskSecrets(req.body), ctx.log) }, `${what} request`);
  }
  try {
    const res = await ctx.dispatcher.request({
      origin: req.url.origin,
      path: `${req.url.pathname}${req.url.search}`,
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      signal,
    });
    const buffer = Buffer.from(await res.body.arrayBuffer());
    const text = buffer.toString('utf8');
    const ms = ctx.now() - started;
    if (ctx.log.enabled(2)) {
      ctx.log.log(2, { method: req.method, url: maskUrl(req.url), status: res.statusCode, ms, bytes: buffer.length, route: ctx.route }, `${what} ${res.statusCode} ${ms}ms ${buffer.length}B`);
    }
    if (ctx.log.enabled(3)) {
      ctx.log.log(3, { status: res.statusCode, headers: maskHeaders(res.headers), body: clip(maskSecrets(text), ctx.log) }, `${what} response`);
    }
    return { status: res.statusCode, headers: res.headers, text, bytes: buffer.length, ms };
  } catch (err) {
    let error: IgsqlError;
    if (ctx.signal?.aborted) error = abortError(ctx.signal);
    else if (deadline.signal.aborted) error = deadline.signal.reason as IgsqlError;
    else error = transportError(err, what, ctx.route);
    if (ctx.log.enabled(2)) ctx.log.log(2, { method: req.method, url: maskUrl(req.url), ms: ctx.now() - started, route: ctx.route, err: error }, `${what} failed: ${error.code}`);
    throw error;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

function clip(text: string, log: ModuleLogger): string {
  if (log.enabled(5) || text.length <= BODY_LOG_LIMIT) return text;
  return `${text.slice(0, BODY_LOG_LIMIT)}… (${text.length - BODY_LOG_LIMIT} more characters; Verbosity=5 logs whole bodies)`;
}
