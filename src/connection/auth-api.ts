/**
 * The `auth` member of the api a connection hands to EXEC (src/procedures/procedure-api.ts): the
 * connection's token provider and token store, and an OAuth client sending through the
 * connection's dispatcher (same proxies, firewall, TLS pinning and logging as Graph calls).
 */
import type { Dispatcher } from 'undici';
import {
  type AuthDeps,
  type StoredTokens,
  type TokenProvider,
  authMode,
  createOAuthClient,
  debugTokenUrl,
  noTokenError,
  oauthError,
  openTokenStore,
  parseDebugToken,
  runDesktopFlow,
} from '../auth/index.js';
import { addSeed } from '../auth/seed-tokens.js';
import { fingerprint } from '../auth/sign-in.js';
import { normalizeVerifier } from '../auth/callback-url.js';
import type { ConnectionSettings } from '../connection-string/index.js';
import type { Logger } from '../logging/logger.js';
import type { ProcedureAuth } from '../procedures/procedure-api.js';
import { dispatcherHttp } from './auth.js';

/** What a token provider may offer beyond token(): a token store (OAuthSession). */
type WithStore = Partial<{ stored(): Promise<StoredTokens | undefined>; forget(): void }>;

export function createProcedureAuth(
  settings: ConnectionSettings,
  provider: TokenProvider,
  deps: { dispatcher: Dispatcher; logger: Logger; flow?: AuthDeps['flow']; now?: () => number },
): ProcedureAuth {
  const props = settings.values;
  const http = dispatcherHttp(deps.dispatcher, deps.logger, props.Timeout * 1000);
  const endpoint = { baseUrl: props.BaseURL, version: props.Version };
  const oauth = createOAuthClient({ http, ...endpoint, clientId: props.OAuthClientId, clientSecret: props.OAuthClientSecret, appSecretProof: props.AppSecretProof });
  const session = provider as WithStore;
  const hasApp = props.OAuthClientId !== '' && props.OAuthClientSecret !== '';
  const facts = { AuthScheme: props.AuthScheme, InitiateOAuth: props.InitiateOAuth, hasAppCredentials: hasApp };
  return {
    props,
    oauth,
    now: deps.now ?? Date.now,
    async userToken(signal) {
      if (typeof session.stored === 'function') {
        const call = await provider.token(signal); // obtains, seeds or renews as the mode allows
        return (await session.stored())?.accessToken ?? call.value;
      }
      if (props.OAuthAccessToken !== '') return props.OAuthAccessToken;
      if (props.AuthenticateAsPage === '') return (await provider.token(signal)).value;
      throw noTokenError(facts);
    },
    async callToken(signal) {
      return (await provider.token(signal)).value;
    },
    async debugToken(inputToken, signal) {
      if (hasApp) return oauth.debugToken(inputToken, signal);
      // Without the app's secret, a token may inspect itself.
      const url = debugTokenUrl({ ...endpoint, inputToken, accessToken: inputToken });
      const { status, json } = await http(url, { method: 'GET', ...(signal ? { signal } : {}) });
      const error = oauthError(status, json, `GET ${url.pathname}`);
      if (error) throw error;
      return parseDebugToken(json);
    },
    runFlow(o) {
      return runDesktopFlow({ ...deps.flow, ...o, authorizationUrl: (a) => oauth.authorizationUrl(a) });
    },
    async keep(tokens) {
      if (authMode(props) !== 'oauth') return undefined;
      const store = openTokenStore(props.OAuthSettingsLocation, { appId: props.OAuthClientId });
      // The connection string's seeds count as used: they must not replace the tokens kept here.
      const used = [
        ...(props.OAuthAccessToken !== '' ? [fingerprint('token', props.OAuthAccessToken)] : []),
        ...(normalizeVerifier(props.OAuthVerifier) !== '' ? [fingerprint('code', normalizeVerifier(props.OAuthVerifier))] : []),
      ];
      await store.update((current) => {
        const seeds = used.reduce<string[] | undefined>((all, id) => addSeed(all, id), current?.seeds ? [...current.seeds] : undefined);
        return { next: { ...tokens, ...(seeds ? { seeds } : {}) }, result: undefined };
      });
      session.forget?.();
      return store.location;
    },
  };
}
