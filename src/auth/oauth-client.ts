/**
 * The OAuth calls, sent through an injected HTTP function so that the integrator can bind them
 * to the connection's dispatcher (proxies, firewall, TLS pinning, logging with masking).
 * `fetchOAuthHttp` is only a default for tools and tests.
 *
 * Error contexts name the method and path only: these URLs carry client_secret, codes and tokens.
 */
import { IgsqlError } from '../errors.js';
import { appSecretProof } from './app-secret-proof.js';
import { abortError } from './sleep.js';
import {
  type AppCredentials,
  accountsUrl,
  appAccessToken,
  authorizationUrl,
  codeExchangeUrl,
  debugTokenUrl,
  longLivedExchangeUrl,
  meUrl,
} from './oauth.js';
import { type PageAccount, type TokenGrant, type TokenInfo, oauthError, parseAccounts, parseDebugToken, parseMe, parseTokenGrant } from './oauth-responses.js';

export interface OAuthHttpInit {
  method?: 'GET' | 'POST';
  signal?: AbortSignal;
}

/** The network seam: one request, its status and parsed JSON body (undefined if not JSON). */
export type OAuthHttp = (url: URL, init?: OAuthHttpInit) => Promise<{ status: number; json: unknown }>;

/** What the token provider and the OAuth procedures need from Facebook Login. */
export interface OAuthApi {
  /** The Login dialog URL (no I/O). */
  authorizationUrl(o: { redirectUri: string; state: string; scopes?: readonly string[] }): URL;
  /** Authorization code → (usually short-lived) user token. */
  exchangeCode(code: string, redirectUri: string, signal?: AbortSignal): Promise<TokenGrant>;
  /** User token → long-lived user token (also the Facebook "refresh"). */
  exchangeForLongLived(accessToken: string, signal?: AbortSignal): Promise<TokenGrant>;
  /** The user behind a token. */
  me(accessToken: string, signal?: AbortSignal): Promise<{ id: string; name?: string }>;
  /** Every Page of the user (all pages of results), with Page tokens and linked IG accounts. */
  pages(userToken: string, userId: string, signal?: AbortSignal): Promise<PageAccount[]>;
  /** debug_token for `inputToken`, asked with the app token. */
  debugToken(inputToken: string, signal?: AbortSignal): Promise<TokenInfo>;
}

export interface OAuthClientOptions extends AppCredentials {
  http: OAuthHttp;
  /** Add appsecret_proof to user-token calls (/me, /accounts). */
  appSecretProof?: boolean;
  /** Safety bound on /accounts pages. Default 50. */
  maxPages?: number;
}

export function createOAuthClient(options: OAuthClientOptions): OAuthApi {
  const { http } = options;
  const endpoint = { baseUrl: options.baseUrl, version: options.version };
  const proof = (token: string) => (options.appSecretProof && options.clientSecret ? appSecretProof(token, options.clientSecret) : undefined);

  async function call<T>(url: URL, parse: (json: unknown, context: string) => T, signal?: AbortSignal): Promise<T> {
    const context = `GET ${url.pathname}`;
    const { status, json } = await http(url, { method: 'GET', ...(signal ? { signal } : {}) });
    const error = oauthError(status, json, context);
    if (error) throw error;
    return parse(json, context);
  }

  return {
    authorizationUrl: (o) => authorizationUrl({ ...endpoint, clientId: options.clientId, ...o }),
    exchangeCode: (code, redirectUri, signal) => call(codeExchangeUrl({ ...options, redirectUri, code }), parseTokenGrant, signal),
    exchangeForLongLived: (accessToken, signal) => call(longLivedExchangeUrl({ ...options, accessToken }), parseTokenGrant, signal),
    me: (accessToken, signal) => call(meUrl({ ...endpoint, accessToken, appSecretProof: proof(accessToken) }), parseMe, signal),
    async pages(userToken, userId, signal) {
      const all: PageAccount[] = [];
      let after: string | undefined;
      for (let page = 0; page < (options.maxPages ?? 50); page++) {
        const url = accountsUrl({ ...endpoint, userId, accessToken: userToken, after, appSecretProof: proof(userToken) });
        const result = await call(url, parseAccounts, signal);
        all.push(...result.pages);
        if (result.after === undefined || result.after === after) break;
        after = result.after;
      }
      return all;
    },
    debugToken: (inputToken, signal) =>
      call(debugTokenUrl({ ...endpoint, inputToken, accessToken: appAccessToken(options.clientId, options.clientSecret) }), (json, ctx) => parseDebugToken(json, ctx), signal),
  };
}

/** A default seam over the global fetch (no proxy support: the integrator binds the dispatcher). */
export function fetchOAuthHttp(fetchImpl: typeof fetch = globalThis.fetch): OAuthHttp {
  return async (url, init = {}) => {
    const method = init.method ?? 'GET';
    let res: Response;
    try {
      res = await fetchImpl(url, { method, headers: { accept: 'application/json' }, ...(init.signal ? { signal: init.signal } : {}) });
    } catch (err) {
      if (init.signal?.aborted) throw abortError(init.signal);
      const code = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      // The URL's query holds secrets: name the origin and path only.
      throw new IgsqlError('network', `${method} ${url.origin}${url.pathname} failed (${code}).`, { cause: err });
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json };
  };
}
