/**
 * Authentication: token store, Facebook Login requests, the desktop flow and the TokenProvider
 * of a connection. Internal to igsql (the connection and the OAuth procedures use it).
 */
export { appSecretProof, timedAppSecretProof } from './app-secret-proof.js';
export { appMismatchError, missingAppCredentialsError, noTokenError, tokenProblem, tokenRejectedError } from './auth-errors.js';
export { type CallbackResult, type CallbackServer, type CallbackServerOptions, DEFAULT_CALLBACK_TIMEOUT_MS, startCallbackServer } from './callback-server.js';
export { DEFAULT_CALLBACK_URL, localCallback, normalizeVerifier } from './callback-url.js';
export { type DesktopFlowOptions, type SignInUrlInfo, newState, runDesktopFlow, signInMessage } from './flows.js';
export { MemoryTokenStore } from './memory-token-store.js';
export {
  DEFAULT_SCOPES,
  PAGE_FIELDS,
  accountsUrl,
  appAccessToken,
  authorizationUrl,
  codeExchangeUrl,
  debugTokenUrl,
  dialogBase,
  graphUrl,
  longLivedExchangeUrl,
  meUrl,
  parseScopes,
} from './oauth.js';
export { type OAuthApi, type OAuthHttp, type OAuthHttpInit, createOAuthClient, fetchOAuthHttp } from './oauth-client.js';
export { type PageAccount, type TokenGrant, type TokenInfo, oauthError, parseAccounts, parseDebugToken, parseMe, parseTokenGrant } from './oauth-responses.js';
export { OAuthSession } from './oauth-session.js';
export { hasDisplay, openBrowser } from './open-browser.js';
export { fetchPageToken, matchPage } from './page-tokens.js';
export type { AccessToken, AuthDeps, AuthLog, AuthProperties, TokenProvider } from './provider-types.js';
export { DEFAULT_REFRESH_POLICY, type RefreshPolicy, refreshNeed } from './refresh-policy.js';
export { SCOPE_NEEDS, type TokenDiagnosis, diagnoseToken } from './scope-needs.js';
export { configDirectory, resolveSettingsLocation } from './settings-location.js';
export { kindOfGrant, renewTokens, signInWithCode, tokensFromGrant } from './sign-in.js';
export { type PageToken, type StoredTokens, parseTokens, serializeTokens, tokensAsProperties } from './stored-tokens.js';
export { type AuthMode, type AuthTokenProvider, authMode, createTokenProvider } from './token-provider.js';
export { FileTokenStore, type TokenStore, openTokenStore } from './token-store.js';
