/**
 * `auth` errors that say what to do next: which property to set or which procedure to run.
 * They name properties and locations, never token values.
 */
import { type GraphApiError, IgsqlError } from '../errors.js';

export interface ModeFacts {
  AuthScheme: string;
  InitiateOAuth: string;
  /** The token store's path or memory://name. */
  location?: string;
  hasAppCredentials: boolean;
}

const SIGN_IN_WAYS =
  'set OAuthAccessToken=<a user token>; or InitiateOAuth=GETANDREFRESH with OAuthClientId and OAuthClientSecret to sign in with a browser; ' +
  "or, on a machine without a browser, EXEC GetOAuthAuthorizationURL, open the URL elsewhere, and connect with InitiateOAuth=REFRESH;OAuthVerifier=<code> " +
  "(or EXEC GetOAuthAccessToken AuthMode='WEB', Verifier='<code>')";

/** No token at all, and the mode cannot get one. */
export function noTokenError(m: ModeFacts): IgsqlError {
  if (m.AuthScheme === 'SystemUser') {
    return new IgsqlError(
      'auth',
      'AuthScheme=SystemUser needs the System User token in OAuthAccessToken (Business Settings → Users → System users → Generate new token, with the instagram_* and pages_* permissions).',
      { details: { property: 'OAuthAccessToken', reason: 'no-token' } },
    );
  }
  const where = m.InitiateOAuth === 'OFF' ? 'InitiateOAuth=OFF and OAuthAccessToken is empty' : `InitiateOAuth=${m.InitiateOAuth} found no token in ${m.location ?? 'the token store'} and nothing to start from`;
  return new IgsqlError('auth', `No access token: ${where}. To fix it, ${SIGN_IN_WAYS}.`, { details: { property: 'OAuthAccessToken', reason: 'no-token' } });
}

/** GETANDREFRESH or REFRESH cannot sign in or renew without the app's id and secret. */
export function missingAppCredentialsError(what: string): IgsqlError {
  return new IgsqlError('config', `${what} needs your Facebook app's OAuthClientId (App ID) and OAuthClientSecret (App Secret); set both, or set OAuthAccessToken with InitiateOAuth=OFF.`, {
    details: { properties: ['OAuthClientId', 'OAuthClientSecret'] },
  });
}

/** The stored tokens belong to another app. */
export function appMismatchError(location: string, storedAppId: string, appId: string): IgsqlError {
  return new IgsqlError(
    'config',
    `The token store ${location} holds tokens of app ${storedAppId}, but OAuthClientId is ${appId}. Use another OAuthSettingsLocation for this app, or delete that file to sign in again.`,
    { details: { property: 'OAuthSettingsLocation' } },
  );
}

/** What a 190 subcode means, in words (graph-api.md §6). */
export function tokenProblem(err: GraphApiError | undefined): string {
  switch (err?.subcode) {
    case 463:
      return 'the token has expired';
    case 460:
      return 'the session was invalidated (the user changed their password, or Facebook reset the session)';
    case 458:
      return 'the user removed the app';
    case 459:
    case 464:
      return 'the user must log in on facebook.com to confirm the account';
    case 467:
      return 'the token is invalid';
    case 492:
      return "the user has no role on the Page any more";
    case 493:
      return 'data access expired: the user has not used the app for 90 days';
    default:
      return err ? `the Graph API refused the token (${err.graphCode}${err.subcode === undefined ? '' : `/${err.subcode}`})` : 'the token has expired';
  }
}

/** The token stopped working and igsql cannot renew it in this mode. */
export function tokenRejectedError(m: ModeFacts, cause: GraphApiError | undefined, reason?: string): IgsqlError {
  const problem = tokenProblem(cause);
  let next: string;
  if (m.AuthScheme === 'SystemUser') next = 'Generate a new System User token in Business Settings and set it in OAuthAccessToken.';
  else if (m.InitiateOAuth === 'OFF') {
    next = `Set a new OAuthAccessToken, or let igsql keep it alive: InitiateOAuth=REFRESH with OAuthClientId and OAuthClientSecret renews long-lived tokens before they expire (or ${SIGN_IN_WAYS}).`;
  } else {
    next = `Sign in again: ${SIGN_IN_WAYS}.${m.location ? ` The stored tokens are in ${m.location}.` : ''}`;
  }
  const why = reason ? ` (${reason})` : '';
  return new IgsqlError('auth', `The access token no longer works: ${problem}${why}. ${next}`, {
    ...(cause ? { cause } : {}),
    details: { reason: 'token-rejected', ...(cause ? { graphCode: cause.graphCode, subcode: cause.subcode } : {}) },
  });
}

/** Subcodes after which renewing cannot help: only a new consent can. */
export const DEAD_TOKEN_SUBCODES: ReadonlySet<number> = new Set([458, 459, 460, 464, 467, 492, 493]);

/** Errors no fallback may hide: cancellation and configuration mistakes. */
export function mustPropagate(err: unknown): boolean {
  return IgsqlError.is(err) && (err.code === 'cancelled' || err.code === 'config');
}

/** An error's message for a log line or a `why` (never a value: auth messages hold none). */
export function reason(err: unknown): string {
  return IgsqlError.is(err) ? err.message : 'unexpected error';
}
