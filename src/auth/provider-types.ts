/**
 * The seams between auth and the rest of igsql. `TokenProvider` and `AccessToken` are the ones
 * src/http's GraphClient calls, so an auth provider plugs in as is.
 */
import type { DesktopFlowOptions } from './flows.js';
import type { CallbackResult } from './callback-server.js';
import type { OAuthApi, OAuthHttp } from './oauth-client.js';
import type { RefreshPolicy } from './refresh-policy.js';
import type { TokenStore } from './token-store.js';

/** The token seam is GraphClient's own (one definition, in src/http/token-provider.ts). */
export type { AccessToken, TokenProvider } from '../http/token-provider.js';

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
