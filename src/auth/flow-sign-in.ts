/**
 * The session's way to new tokens from scratch: the desktop flow (InitiateOAuth=GETANDREFRESH)
 * followed by the code → long-lived exchange, and the grant context built from the properties.
 */
import { noTokenError, missingAppCredentialsError, type ModeFacts } from './auth-errors.js';
import { DEFAULT_CALLBACK_URL } from './callback-url.js';
import type { CallbackResult } from './callback-server.js';
import type { DesktopFlowOptions } from './flows.js';
import { parseScopes } from './oauth.js';
import type { OAuthApi } from './oauth-client.js';
import type { AuthDeps, AuthProperties } from './provider-types.js';
import { type GrantContext, signInWithCode } from './sign-in.js';
import type { StoredTokens } from './stored-tokens.js';

export interface FlowDeps {
  oauth: OAuthApi;
  runFlow: (options: DesktopFlowOptions) => Promise<CallbackResult>;
  flow?: AuthDeps['flow'];
  now: () => number;
}

type GrantProps = Pick<AuthProperties, 'OAuthClientId' | 'Scope'>;

/** The app id, scopes asked for and the time for the tokens a grant makes. */
export function grantContext(props: GrantProps, now: number, signal?: AbortSignal): GrantContext {
  const scopes = parseScopes(props.Scope);
  return { now, ...(props.OAuthClientId ? { appId: props.OAuthClientId } : {}), ...(scopes.length ? { scopes } : {}), ...(signal ? { signal } : {}) };
}

/** Runs the desktop flow and exchanges its code; only InitiateOAuth=GETANDREFRESH with the app's id and secret may. */
export async function signInWithFlow(props: AuthProperties, facts: ModeFacts, d: FlowDeps, signal?: AbortSignal): Promise<StoredTokens> {
  if (props.InitiateOAuth !== 'GETANDREFRESH') throw noTokenError(facts);
  if (!facts.hasAppCredentials) throw missingAppCredentialsError('Signing in (InitiateOAuth=GETANDREFRESH)');
  const scopes = parseScopes(props.Scope);
  const result = await d.runFlow({
    ...d.flow,
    authorizationUrl: (o) => d.oauth.authorizationUrl(o),
    callbackUrl: props.CallbackURL || DEFAULT_CALLBACK_URL,
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(signal ? { signal } : {}),
  });
  return signInWithCode(d.oauth, result.code, result.redirectUri, grantContext(props, d.now(), signal));
}
