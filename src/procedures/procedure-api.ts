/**
 * What the OAuth procedures may use: the `auth` member of the api a connection hands to EXEC.
 * The connection implements it (src/connection/auth-api.ts) over its token provider, its token
 * store and an OAuth client that sends through the connection's dispatcher.
 */
import type { AuthProperties, CallbackResult, OAuthApi, StoredTokens, TokenInfo } from '../auth/index.js';

export interface ProcedureAuth {
  /** The connection's properties that auth reads (OAuthClientId, CallbackURL, Scope, …). */
  readonly props: Readonly<AuthProperties> & { readonly BusinessAccountId: string };
  /** Facebook Login calls (code exchange, fb_exchange_token, /me, /accounts), app credentials included. */
  readonly oauth: OAuthApi;
  now(): number;
  /**
   * The user (or System User) token behind this connection: obtained, seeded or renewed as its
   * InitiateOAuth mode allows. Never a Page token, even with AuthenticateAsPage.
   */
  userToken(signal?: AbortSignal): Promise<string>;
  /** The token the connection's Graph calls are sent with (the Page token under AuthenticateAsPage). */
  callToken(signal?: AbortSignal): Promise<string>;
  /** debug_token facts, asked with the app token when the app is known, else with the token itself. */
  debugToken(inputToken: string, signal?: AbortSignal): Promise<TokenInfo>;
  /** The desktop flow (callback server on CallbackURL's port, consent URL shown or opened) up to the code. */
  runFlow(o: { callbackUrl: string; scopes?: readonly string[]; state?: string; signal?: AbortSignal }): Promise<CallbackResult>;
  /**
   * Puts new user tokens in the connection's token store (InitiateOAuth GETANDREFRESH or REFRESH),
   * so later queries use them; returns the store's location, or undefined when the connection
   * keeps no store (InitiateOAuth=OFF, AuthScheme AccessToken or SystemUser).
   */
  keep(tokens: StoredTokens): Promise<string | undefined>;
}

export interface ProcedureApi {
  readonly auth: ProcedureAuth;
}

