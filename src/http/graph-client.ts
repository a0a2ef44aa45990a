import { createHmac } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { GraphApiError, IgsqlError } from '../errors.js';
import { type Logger, type ModuleLogger, silentLogger } from '../logging/logger.js';
import { maskUrl } from '../logging/mask.js';
import { type BatchItemResult, type BatchRequest, runBatch } from './batch.js';
import { exchange } from './exchange.js';
import { envelopeOf, graphError, isAuthError, isRateLimit, isRetryable, neverSent, recode } from './graph-error.js';
import { parseJsonLossless } from './json.js';
import { createLimiter, type Limiter, mapConcurrent } from './limiter.js';
import { Pacer, type PacingOptions } from './pacing.js';
import { type GraphPage, type PaginateOptions, paginate } from './paging.js';
import { type BackoffOptions, type Clock, abortError, backoffDelay, systemClock } from './retry.js';
import type { TokenProvider } from './token-provider.js';

export type { BatchItemResult, BatchRequest } from './batch.js';
export type { GraphPage, PaginateOptions } from './paging.js';

/** The connection properties GraphClient reads (CData names). */
export interface GraphClientOptions {
  BaseURL?: string | undefined;
  Version?: string | undefined;
  /** Seconds per request (headers and body); 0 = none. Default 60. */
  Timeout?: number | undefined;
  MaxRetries?: number | undefined;
  AppSecretProof?: boolean | undefined;
  OAuthClientSecret?: string | undefined;
  MaxConcurrentRequests?: number | undefined;
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

export type ParamValue = string | number | boolean | bigint | readonly (string | number)[] | null | undefined;
export type Params = Readonly<Record<string, ParamValue>>;

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** The query deadline (epoch ms): no retry or rate-limit wait goes past it. */
  deadline?: number | undefined;
  /** POST/DELETE only: safe to send twice (e.g. a batch of GETs). GET always is. */
  idempotent?: boolean | undefined;
  /** false: send no token (OAuth endpoints). Default true. */
  auth?: boolean | undefined;
}

export interface GraphResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

export interface GraphStats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  waitMs: number;
  pacingDelays: number;
  pacingMs: number;
  bytes: number;
  authRefreshes: number;
}

type Method = 'GET' | 'POST' | 'DELETE';

/**
 * The Graph API client: every call igsql makes goes through it. Relative paths get BaseURL and
 * /Version; tokens come from the TokenProvider (with appsecret_proof when enabled); responses are
 * parsed losslessly; Graph error envelopes become GraphApiError; idempotent calls are retried with
 * backoff; rate limits are waited out within the deadline; usage headers pace requests.
 */
export class GraphClient {
  readonly baseUrl: URL;
  readonly version: string;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly maxConcurrent: number;
  readonly pacer: Pacer;
  readonly #deps: GraphClientDeps;
  readonly #options: GraphClientOptions;
  readonly #clock: Clock;
  readonly #limiter: Limiter;
  readonly #log: { http: ModuleLogger; graph: ModuleLogger };
  readonly #stats: GraphStats = { requests: 0, retries: 0, rateLimitWaits: 0, waitMs: 0, pacingDelays: 0, pacingMs: 0, bytes: 0, authRefreshes: 0 };

  constructor(options: GraphClientOptions, deps: GraphClientDeps) {
    const base = (options.BaseURL ?? 'https://graph.facebook.com').trim();
    try {
      this.baseUrl = new URL(base.replace(/\/+$/, ''));
    } catch {
      throw new IgsqlError('config', `BaseURL must be an http(s) URL such as https://graph.facebook.com, not "${base}".`, { details: { property: 'BaseURL' } });
    }
    if (this.baseUrl.protocol !== 'https:' && this.baseUrl.protocol !== 'http:') {
      throw new IgsqlError('config', `BaseURL must start with https:// (or http:// for a local sandbox), not "${this.baseUrl.protocol}".`, { details: { property: 'BaseURL' } });
    }
    this.version = (options.Version ?? '').trim().replace(/^\/+|\/+$/g, '');
    const retries = options.MaxRetries ?? 3;
    if (!Number.isInteger(retries) || retries < 0) throw new IgsqlError('config', `MaxRetries must be a whole number, 0 or more, not ${String(retries)}.`, { details: { property: 'MaxRetries' } });
    this.maxRetries = retries;
    const timeout = options.Timeout ?? 60;
    if (!Number.isFinite(timeout) || timeout < 0) throw new IgsqlError('config', `Timeout must be 0 or more seconds, not ${String(timeout)}.`, { details: { property: 'Timeout' } });
    this.timeoutMs = Math.round(timeout * 1000);
    this.maxConcurrent = options.MaxConcurrentRequests && options.MaxConcurrentRequests > 0 ? options.MaxConcurrentRequests : 8;
    this.#options = options;
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#limiter = createLimiter(this.maxConcurrent);
    this.pacer = new Pacer(deps.pacing);
    const logger = deps.logger ?? silentLogger;
    this.#log = { http: logger.module('http'), graph: logger.module('graph') };
  }

  /** The TokenProvider (batch items with error 190 ask it to refresh). */
  tokenProvider(): TokenProvider {
    return this.#deps.tokenProvider;
  }

  /** Sleep the backoff delay of `attempt` (counted as a retry), unless it would pass the deadline. */
  async backoff(attempt: number, options: CallOptions = {}): Promise<void> {
    const delay = backoffDelay(attempt, this.#clock.random, this.#deps.backoff);
    if (options.deadline !== undefined && this.#clock.now() + delay >= options.deadline) return;
    this.#stats.retries++;
    await this.#clock.sleep(delay, options.signal);
  }

  get stats(): Readonly<GraphStats> {
    return { ...this.#stats };
  }

  async get<T = unknown>(path: string, params: Params = {}, options: CallOptions = {}): Promise<T> {
    return (await this.request<T>('GET', path, params, options)).body;
  }

  async post<T = unknown>(path: string, params: Params = {}, options: CallOptions = {}): Promise<T> {
    return (await this.request<T>('POST', path, params, options)).body;
  }

  async delete<T = unknown>(path: string, params: Params = {}, options: CallOptions = {}): Promise<T> {
    return (await this.request<T>('DELETE', path, params, options)).body;
  }

  /** Async generator over the pages of an edge (see paging.ts). */
  paginate<T = Record<string, unknown>>(path: string, params: Params = {}, options: PaginateOptions = {}): AsyncGenerator<GraphPage<T>> {
    return paginate<T>(this, path, params, options);
  }

  /** Batch requests, ≤ 50 per HTTP call; per-item errors are returned, not thrown (see batch.ts). */
  batch(requests: readonly BatchRequest[], options: CallOptions = {}): Promise<BatchItemResult[]> {
    return runBatch(this, requests, options);
  }

  /** `GET /?ids=a,b,c`, ≤ 50 ids per call, merged into one object keyed by id. */
  async ids<T = Record<string, unknown>>(idList: readonly string[], params: Params = {}, options: CallOptions = {}): Promise<Record<string, T>> {
    const unique = [...new Set(idList)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += 50) chunks.push(unique.slice(i, i + 50));
    const parts = await this.map(chunks, (chunk) => this.get<Record<string, T>>('/', { ...params, ids: chunk.join(',') }, options));
    return Object.assign({}, ...parts) as Record<string, T>;
  }

  /** Run independent calls with at most MaxConcurrentRequests in flight; results in input order. */
  map<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
    return mapConcurrent(items, this.maxConcurrent, fn);
  }

  /** The absolute URL of a relative Graph path (BaseURL + /Version + path) with `params`. */
  url(path: string, params: Params = {}): URL {
    let url: URL;
    if (/^https?:\/\//i.test(path)) url = new URL(path);
    else {
      const rel = path.startsWith('/') ? path : `/${path}`;
      const prefix = this.version ? `/${this.version}` : '';
      url = new URL(`${this.baseUrl.href.replace(/\/+$/, '')}${prefix}${rel === '/' && prefix ? '/' : rel}`);
    }
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null) continue;
      url.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    return url;
  }

  /** One Graph call with retries, rate-limit waits, token refresh and pacing. */
  async request<T = unknown>(method: Method, pathOrUrl: string | URL, params: Params = {}, options: CallOptions = {}): Promise<GraphResponse<T>> {
    // GET (and DELETE) carry params in the query; POST in a form body
    const inQuery = method !== 'POST';
    const target = this.url(pathOrUrl instanceof URL ? pathOrUrl.href : pathOrUrl, inQuery ? params : {});
    const form = inQuery ? undefined : new URLSearchParams(stringParams(params));
    const idempotent = method === 'GET' || options.idempotent === true;
    const account = accountOf(target, this.version);
    const what = `${method} ${maskUrl(target)}`;
    let attempt = 0;
    let authRetried = false;
    for (;;) {
      if (options.signal?.aborted) throw abortError(options.signal);
      await this.#pace(account, options, what);
      let error: unknown;
      try {
        const response = await this.#limiter.run(() => this.#once<T>(method, target, form, options));
        return response;
      } catch (err) {
        error = err;
      }
      if (options.signal?.aborted) throw abortError(options.signal);
      if (isAuthError(error) && !authRetried && options.auth !== false) {
        authRetried = true;
        if (await this.#deps.tokenProvider.onAuthError(error)) {
          this.#stats.authRefreshes++;
          this.#log.graph.log(2, { graphCode: error.graphCode, subcode: error.subcode }, `${what}: token refreshed after error 190, retrying once`);
          continue;
        }
        throw error;
      }
      if (isRateLimit(error)) {
        attempt++;
        await this.#waitForRateLimit(error, account, attempt, options, what);
        continue;
      }
      if (!isRetryable(error) || (!idempotent && !neverSent(error)) || attempt >= this.maxRetries) throw error;
      const delay = backoffDelay(attempt, this.#clock.random, this.#deps.backoff);
      attempt++;
      if (options.deadline !== undefined && this.#clock.now() + delay >= options.deadline) throw error;
      this.#stats.retries++;
      this.#log.graph.log(2, { attempt, delayMs: delay, err: error }, `${what}: retry ${attempt}/${this.maxRetries} in ${delay} ms`);
      await this.#clock.sleep(delay, options.signal);
    }
  }

  async #once<T>(method: Method, url: URL, form: URLSearchParams | undefined, options: CallOptions): Promise<GraphResponse<T>> {
    const target = new URL(url.href);
    const body = form ? new URLSearchParams(form) : undefined;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'igsql' };
    if (options.auth !== false) await this.#authorize(target, body, headers, options.signal);
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const dispatcher = this.#deps.dispatcher as Dispatcher & { network?: { describeRoute(u: URL): string } };
    const route = dispatcher.network?.describeRoute(target) ?? 'direct';
    this.#stats.requests++;
    const res = await exchange(
      { dispatcher, timeoutMs: this.timeoutMs, signal: options.signal, route, log: this.#log.http, now: this.#clock.now },
      { method, url: target, headers, body: body?.toString() },
    );
    this.#stats.bytes += res.bytes;
    this.pacer.update(res.headers, this.#clock.now());
    const context = `${method} ${maskUrl(url)}`;
    if (res.status === 407 || (res.status === 401 && route.startsWith('forward') && !/^(OAuth|Bearer)/i.test(String(res.headers['www-authenticate'] ?? '')))) {
      throw new IgsqlError('proxy', `The proxy (${route}) rejected the request with ${res.status}: its credentials were refused or are missing. Check ProxyUser and ProxyPassword.`, {
        details: { status: res.status, retryable: false },
      });
    }
    let parsed: unknown;
    try {
      parsed = res.text === '' ? {} : parseJsonLossless(res.text);
    } catch {
      throw new IgsqlError('graph', `${context} answered HTTP ${res.status} with a body that is not JSON (${res.text.slice(0, 80).replace(/\s+/g, ' ')}…).`, {
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

  async #authorize(url: URL, form: URLSearchParams | undefined, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<void> {
    const token = await this.#deps.tokenProvider.token(signal);
    const carrier = form ?? url.searchParams;
    url.searchParams.delete('access_token');
    url.searchParams.delete('appsecret_proof');
    if (token.value === '') return;
    if (token.scheme === 'bearer') headers['authorization'] = `Bearer ${token.value}`;
    else carrier.set('access_token', token.value);
    if (this.#options.AppSecretProof) {
      const secret = token.appSecret ?? this.#options.OAuthClientSecret;
      if (!secret) {
        throw new IgsqlError('config', 'AppSecretProof=true needs the app secret: set OAuthClientSecret.', { details: { property: 'OAuthClientSecret' } });
      }
      carrier.set('appsecret_proof', createHmac('sha256', secret).update(token.value).digest('hex'));
    }
  }

  async #pace(account: string | undefined, options: CallOptions, what: string): Promise<void> {
    const now = this.#clock.now();
    const { ms, hard, usage } = this.pacer.delay(account, now);
    if (ms <= 0) return;
    let wait = ms;
    if (options.deadline !== undefined && now + wait >= options.deadline) {
      if (hard) {
        throw new IgsqlError('rate-limit', `${what}: the Graph API throttled this account for ${Math.ceil(ms / 1000)} more seconds, past the query deadline.`, {
          details: { waitMs: ms },
        });
      }
      wait = Math.max(0, options.deadline - now - 1);
    }
    this.#stats.pacingDelays++;
    this.#stats.pacingMs += wait;
    this.#log.graph.log(2, { usage, delayMs: wait, account, blocked: hard }, `${what}: pacing ${wait} ms (usage ${usage}%)`);
    await this.#clock.sleep(wait, options.signal);
  }

  async #waitForRateLimit(error: GraphApiError, account: string | undefined, attempt: number, options: CallOptions, what: string): Promise<void> {
    const now = this.#clock.now();
    const regain = this.pacer.regainMs(account, now);
    const wait = regain > 0 ? regain : backoffDelay(attempt + 2, this.#clock.random, this.#deps.backoff);
    const asked = regain > 0 ? `the API asked to wait ${formatWait(regain)} (estimated_time_to_regain_access)` : 'the API gave no time to wait';
    if (attempt > this.maxRetries) throw recode(error, 'rate-limit', `${what}: still throttled after ${this.maxRetries} waits; ${asked}`);
    const limit = options.deadline !== undefined ? options.deadline - now : this.#deps.maxRateLimitWaitMs ?? 15 * 60_000;
    if (wait >= limit) {
      const why = options.deadline !== undefined ? `which is past the query deadline (in ${formatWait(Math.max(0, limit))})` : `longer than igsql waits (${formatWait(limit)})`;
      throw recode(error, 'rate-limit', `${what}: ${asked}, ${why}`);
    }
    this.pacer.block(account, now + wait);
    this.#stats.rateLimitWaits++;
    this.#stats.waitMs += wait;
    this.#log.graph.warn({ graphCode: error.graphCode, waitMs: wait, account }, `${what}: rate limited (code ${error.graphCode}); ${asked}; waiting ${formatWait(wait)} then going on`);
    await this.#clock.sleep(wait, options.signal);
  }
}

function stringParams(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null) continue;
    out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

/** The account a call is about (for BUC pacing): the first numeric path segment after the version. */
function accountOf(url: URL, version: string): string | undefined {
  const segments = url.pathname.split('/').filter((s) => s !== '' && s !== version && !/^v\d+\.\d+$/.test(s));
  const first = segments[0];
  return first !== undefined && /^\d+$/.test(first) ? first : undefined;
}

function formatWait(ms: number): string {
  if (ms >= 60_000) return `${Math.round(ms / 6000) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
}
