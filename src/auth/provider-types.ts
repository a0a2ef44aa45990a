/**
 * The seams between auth and the rest of igsql. `TokenProvider` and `AccessToken` have the same
 * shape as the ones src/http's GraphClient calls, so an auth provider plugs in as is.
 */
import type { GraphApiError } from '../errors.js';
import type { DesktopFlowOptions } from './flows.js';
import type { CallbackResult } from './callback-server.js';
import type { OAuthApi, OAuthHttp } from './oauth-client.js';
import type { RefreshPolicy } from './refresh-policy.js';
import type { TokenStore } from './token-store.js';

/** An access token and how GraphClient sends it. */
export interface AccessToken {
  value: string;
  /** `query`: access_token parameter; `bearer`: Authorization: Bearer (system users). */
  scheme: 'query' | 'bearer';
  /** The app secret for appsecret_proof, when known. */
  appSecret?: string | undefined;
}

export interface TokenProvider {
  token(signal?: AbortSignal): Promise<AccessToken>;
  /**
   * After a call failed with 190/102: resolves true when a new token is ready (GraphClient retries
   * the call once), false for errors that are not about the token; rejects with an `auth` error
   * that says what to do next when no token can be had. `used` is the token the failed call
   * carried, when the caller knows it: a 190 for a replaced token is then retried without
   * renewing, and one for the token just obtained is refused (false) instead of renewed again.
   */
  onAuthError(err: GraphApiError, used?: AccessToken | string): Promise<boolean>;
}

/** The connection properties auth reads (names and types of ConnectionProperties). */
export interface AuthProperties {
  AuthScheme: 'OAuth' | 'SystemUser' | 'AccessToken';
  InitiateOAuth: 'OFF' | 'GETANDREFRESH' | 'REFRESH';
  OAuthClientId: string;
  OAuthClientSecret: string;
  OAuthAccessToken: string;
  OAuthRefreshToken: string;
  OAuthSettingsLocation: string;
  CallbackURL: string;
  OAuthVerifier: string;
  OAuthExpiresIn: number | undefined;
  OAuthTokenTimestamp: number | undefined;
  Scope: string;
  AuthenticateAsPage: string;
  BaseURL: string;
  Version: string;
  AppSecretProof: boolean;
}

/** Level 1 = errors and warnings … 5 = everything (CData Verbosity). Messages hold no secrets. */
export type AuthLog = (level: 1 | 2 | 3 | 4 | 5, message: string) => void;

export interface AuthDeps {
  /** The OAuth calls; default createOAuthClient over `http`. */
  oauth?: OAuthApi;
  /** The network seam for the default OAuth client; default fetchOAuthHttp() (no proxies). */
  http?: OAuthHttp;
  /** Default openTokenStore(OAuthSettingsLocation, { appId: OAuthClientId }). */
  store?: TokenStore;
  /** The desktop flow; default runDesktopFlow. */
  runFlow?: (options: DesktopFlowOptions) => Promise<CallbackResult>;
  /** Options for the desktop flow (onUrl for the CLI, timeoutMs, openBrowser). */
  flow?: Partial<Pick<DesktopFlowOptions, 'onUrl' | 'timeoutMs' | 'openBrowser' | 'environment' | 'tls'>>;
  policy?: Partial<RefreshPolicy>;
  now?: () => number;
  log?: AuthLog;
}
