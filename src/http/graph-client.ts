import type { Dispatcher } from 'undici';
import { authorize } from './authorize.js';
import { type CallOptions, type GraphResponse, type GraphStats, type Method, type Params, stringParams } from './call-options.js';
import { clientSettings, type GraphClientDeps, type GraphClientOptions } from './client-settings.js';
import { accountOf, graphUrl } from './graph-url.js';
import { type ModuleLogger, silentLogger } from '../logging/logger.js';
import { maskUrl } from '../logging/mask.js';
import { type BatchItemResult, type BatchRequest, runBatch } from './batch.js';
import { exchange } from './exchange.js';
import { isAuthError, isRateLimit, isRetryable, neverSent } from './graph-error.js';
import { interpretResponse } from './graph-response.js';
import { Throttle } from './throttle.js';
import { createLimiter, type Limiter, mapConcurrent } from './limiter.js';
import { Pacer } from './pacing.js';
import { ResponseCache } from './response-cache.js';
import { type GraphPage, type PaginateOptions, paginate } from './paging.js';
import { type Clock, abortError, backoffDelay, systemClock } from './retry.js';
import type { TokenProvider } from './token-provider.js';

export type { BatchItemResult, BatchRequest } from './batch.js';
export type { CallOptions, GraphResponse, GraphStats, ParamValue, Params } from './call-options.js';
export type { GraphPage, PaginateOptions } from './paging.js';
export type { GraphClientDeps, GraphClientOptions } from './client-settings.js';

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
  /** Reuses GET answers for ResponseCacheTTL seconds (disabled when 0). */
  readonly cache: ResponseCache;
  readonly #deps: GraphClientDeps;
  readonly #options: GraphClientOptions;
  readonly #clock: Clock;
  readonly #limiter: Limiter;
  readonly #throttle: Throttle;
  readonly #log: { http: ModuleLogger; graph: ModuleLogger };
  readonly #stats: GraphStats = { requests: 0, retries: 0, rateLimitWaits: 0, waitMs: 0, pacingDelays: 0, pacingMs: 0, bytes: 0, authRefreshes: 0 };

  constructor(options: GraphClientOptions, deps: GraphClientDeps) {
    ({ baseUrl: this.baseUrl, version: this.version, maxRetries: this.maxRetries, timeoutMs: this.timeoutMs, maxConcurrent: this.maxConcurrent } = clientSettings(options));
    this.#options = options;
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#limiter = createLimiter(this.maxConcurrent);
    this.pacer = new Pacer(deps.pacing);
    this.cache = new ResponseCache({ ttlSeconds: options.ResponseCacheTTL ?? 0, now: () => this.#clock.now() });
    const logger = deps.logger ?? silentLogger;
    this.#log = { http: logger.module('http'), graph: logger.module('graph') };
    this.#throttle = new Throttle({ pacer: this.pacer, clock: this.#clock, stats: this.#stats, log: this.#log.graph, maxRetries: this.maxRetries, backoff: deps.backoff, maxRateLimitWaitMs: deps.maxRateLimitWaitMs });
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
    return graphUrl(this.baseUrl, this.version, path, params);
  }

  /** One Graph call with retries, rate-limit waits, token refresh and pacing. */
  async request<T = unknown>(method: Method, pathOrUrl: string | URL, params: Params = {}, options: CallOptions = {}): Promise<GraphResponse<T>> {
    return (await this.requestCarrying<T>(method, pathOrUrl, params, options)).response;
  }

  /**
   * `request`, also saying which access token the answered attempt carried (undefined: none, or a
   * cached answer), so that a batch item's 190 can be told apart from one for a replaced token.
   */
  async requestCarrying<T = unknown>(method: Method, pathOrUrl: string | URL, params: Params = {}, options: CallOptions = {}): Promise<{ response: GraphResponse<T>; token: string | undefined }> {
    // GET (and DELETE) carry params in the query; POST in a form body
    const inQuery = method !== 'POST';
    const target = this.url(pathOrUrl instanceof URL ? pathOrUrl.href : pathOrUrl, inQuery ? params : {});
    const form = inQuery ? undefined : new URLSearchParams(stringParams(params));
    const idempotent = method === 'GET' || options.idempotent === true;
    const account = accountOf(target, this.version);
    const what = `${method} ${maskUrl(target)}`;
    if (method === 'GET') {
      const cached = this.cache.get<T>(target);
      if (cached !== undefined) return { response: cached, token: undefined };
    }
    let attempt = 0;
    let authRetried = false;
    for (;;) {
      if (options.signal?.aborted) throw abortError(options.signal);
      await this.#throttle.pace(account, options, what);
      let error: unknown;
      const used: { token?: string } = {};
      try {
        const response = await this.#limiter.run(() => this.#once<T>(method, target, form, options, used));
        return { response, token: used.token || undefined };
      } catch (err) {
        error = err;
      }
      if (options.signal?.aborted) throw abortError(options.signal);
      if (isAuthError(error) && !authRetried && options.auth !== false) {
        authRetried = true;
        if (await this.#deps.tokenProvider.onAuthError(error, used.token || undefined)) {
          this.#stats.authRefreshes++;
          this.#log.graph.log(2, { graphCode: error.graphCode, subcode: error.subcode }, `${what}: token refreshed after error 190, retrying once`);
          continue;
        }
        throw error;
      }
      if (isRateLimit(error)) {
        attempt++;
        await this.#throttle.waitForRateLimit(error, account, attempt, options, what);
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

  /** One HTTP exchange; `used.token` is set to the token it carried (for onAuthError). */
  async #once<T>(method: Method, url: URL, form: URLSearchParams | undefined, options: CallOptions, used: { token?: string }): Promise<GraphResponse<T>> {
    const target = new URL(url.href);
    const body = form ? new URLSearchParams(form) : undefined;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'igsql' };
    if (options.auth !== false) used.token = await authorize(this.#deps.tokenProvider, this.#options, target, body, headers, options.signal);
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
    const response = interpretResponse<T>(res, `${method} ${maskUrl(url)}`, route);
    if (method === 'GET') this.cache.set(url, response, res.bytes);
    return response;
  }
}
