/**
 * The TokenProvider for a connection, chosen by AuthScheme and InitiateOAuth:
 *
 * | AuthScheme / InitiateOAuth      | Token                                   | Sent as  | On 190                  |
 * |---------------------------------|-----------------------------------------|----------|-------------------------|
 * | SystemUser (any InitiateOAuth)  | OAuthAccessToken (System User token)    | Bearer   | error: make a new one   |
 * | AccessToken, or OAuth + OFF     | OAuthAccessToken as given               | query    | error: what to do next  |
 * | OAuth + GETANDREFRESH           | token store; desktop flow when empty    | query    | renew, else sign in     |
 * | OAuth + REFRESH                 | token store; OAuthAccessToken/Verifier  | query    | renew, else error       |
 *
 * AuthenticateAsPage works in every mode but SystemUser's bearer scheme: calls use that Page's token.
 */
import type { GraphApiError } from '../errors.js';
import { noTokenError, tokenRejectedError } from './auth-errors.js';
import { runDesktopFlow } from './flows.js';
import { type OAuthApi, createOAuthClient, fetchOAuthHttp } from './oauth-client.js';
import { OAuthSession } from './oauth-session.js';
import { fetchPageToken } from './page-tokens.js';
import type { AccessToken, AuthDeps, AuthProperties, TokenProvider } from './provider-types.js';
import { DEFAULT_REFRESH_POLICY } from './refresh-policy.js';
import { openTokenStore } from './token-store.js';

export type AuthMode = 'system-user' | 'static' | 'oauth';

export interface AuthTokenProvider extends TokenProvider {
  readonly mode: AuthMode;
}

/** Which provider a connection gets. */
export function authMode(props: Pick<AuthProperties, 'AuthScheme' | 'InitiateOAuth'>): AuthMode {
  if (props.AuthScheme === 'SystemUser') return 'system-user';
  if (props.AuthScheme === 'AccessToken' || props.InitiateOAuth === 'OFF') return 'static';
  return 'oauth';
}

export function createTokenProvider(props: AuthProperties, deps: AuthDeps = {}): AuthTokenProvider {
  const mode = authMode(props);
  const oauth = deps.oauth ?? defaultOAuth(props, deps);
  if (mode !== 'oauth') return staticProvider(props, mode, oauth, deps.now ?? Date.now);
  return new OAuthSession(props, {
    oauth,
    store: deps.store ?? openTokenStore(props.OAuthSettingsLocation, { appId: props.OAuthClientId, ...(deps.log ? { warn: (m: string) => deps.log!(1, m) } : {}) }),
    runFlow: deps.runFlow ?? runDesktopFlow,
    flow: deps.flow,
    policy: { ...DEFAULT_REFRESH_POLICY, ...deps.policy },
    now: deps.now ?? Date.now,
    log: deps.log ?? (() => undefined),
  });
}

function defaultOAuth(props: AuthProperties, deps: AuthDeps): OAuthApi {
  return createOAuthClient({
    http: deps.http ?? fetchOAuthHttp(),
    baseUrl: props.BaseURL,
    version: props.Version,
    clientId: props.OAuthClientId,
    clientSecret: props.OAuthClientSecret,
    appSecretProof: props.AppSecretProof,
  });
}

/** OAuthAccessToken as given (query or bearer); a Page token on top when AuthenticateAsPage is set. */
function staticProvider(props: AuthProperties, mode: 'static' | 'system-user', oauth: OAuthApi, now: () => number): AuthTokenProvider {
  const facts = { AuthScheme: props.AuthScheme, InitiateOAuth: props.InitiateOAuth, hasAppCredentials: props.OAuthClientId !== '' && props.OAuthClientSecret !== '' };
  const scheme = mode === 'system-user' ? 'bearer' : 'query';
  const appSecret = props.OAuthClientSecret ? { appSecret: props.OAuthClientSecret } : {};
  let page: Promise<string> | undefined;
  let pageTokenFailed = false;
  const pageToken = (signal?: AbortSignal) => {
    page ??= fetchPageToken(oauth, { accessToken: props.OAuthAccessToken, kind: mode === 'system-user' ? 'system-user' : 'unknown' }, props.AuthenticateAsPage, now(), signal).then(
      (p) => p.token.accessToken,
      (err: unknown) => {
        page = undefined;
        throw err;
      },
    );
    return page;
  };
  return {
    mode,
    async token(signal?: AbortSignal): Promise<AccessToken> {
      if (props.OAuthAccessToken === '') throw noTokenError(facts);
      if (props.AuthenticateAsPage === '') return { value: props.OAuthAccessToken, scheme, ...appSecret };
      // Page tokens always go in the query: the bearer scheme is for the System User token itself.
      return { value: await pageToken(signal), scheme: 'query', ...appSecret };
    },
    async onAuthError(err: GraphApiError): Promise<boolean> {
      if (err.graphCode !== 190 && err.graphCode !== 102) return false;
      if (props.AuthenticateAsPage !== '' && !pageTokenFailed) {
        // The Page token may have been reset on its own: fetch it once more with the user token.
        pageTokenFailed = true;
        page = undefined;
        return true;
      }
      throw tokenRejectedError(facts, err);
    },
  };
}
