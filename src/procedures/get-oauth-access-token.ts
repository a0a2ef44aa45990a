/**
 * GetOAuthAccessToken: a long-lived user token from an authorization code. WEB exchanges the
 * Verifier (the code= value the Login dialog redirected with); APP runs the desktop flow on this
 * machine to get the code. Either way the code's token is exchanged at once for a long-lived one
 * (fb_exchange_token), and kept in the token store when the connection has one.
 */
import { IgsqlError } from '../errors.js';
import { normalizeVerifier, tokensFromGrant } from '../auth/index.js';
import { defineProcedure } from './define-procedure.js';
import type { ProcedureApi } from './procedure-api.js';
import { CALLBACK_PARAMETER, SCOPE_PARAMETER, STATE_PARAMETER, TOKEN_COLUMNS, callbackOf, scopesOf, tokenRow } from './token-result.js';

export const GET_OAUTH_ACCESS_TOKEN = defineProcedure<ProcedureApi>({
  name: 'GetOAuthAccessToken',
  description:
    'A long-lived user access token from Facebook Login. AuthMode=WEB exchanges Verifier, the code a Login dialog URL (GetOAuthAuthorizationURL) redirected with; ' +
    'AuthMode=APP signs in on this machine (a one-shot callback server at CallbackURL, the dialog opened in a browser or printed). ' +
    'The token is then exchanged for a long-lived one and, with InitiateOAuth=GETANDREFRESH or REFRESH, stored in OAuthSettingsLocation for later queries.',
  parameters: [
    { name: 'AuthMode', type: 'String', description: 'WEB: exchange Verifier. APP: run the desktop sign-in on this machine.', required: false, values: ['WEB', 'APP'], default: 'WEB' },
    {
      name: 'Verifier',
      type: 'String',
      description: 'AuthMode=WEB: the code= value of the redirect (the whole redirected URL works too). It works once, within minutes.',
      required: false,
    },
    CALLBACK_PARAMETER,
    SCOPE_PARAMETER,
    STATE_PARAMETER,
  ],
  resultColumns: TOKEN_COLUMNS,
  examples: [
    { description: 'Exchange the code a web sign-in received', sql: "EXEC GetOAuthAccessToken AuthMode = 'WEB', Verifier = 'AQD...', CallbackURL = 'https://example.com/oauth'" },
    { description: 'Sign in with a browser on this machine', sql: "EXEC GetOAuthAccessToken AuthMode = 'APP'" },
  ],
  async run(args, { api, signal }) {
    const { auth } = api;
    const scopes = scopesOf(args['Scope'] ?? null, auth);
    let code: string;
    let redirectUri: string;
    if (args['AuthMode'] === 'APP') {
      const state = typeof args['State'] === 'string' && args['State'] !== '' ? { state: args['State'] } : {};
      const result = await auth.runFlow({ callbackUrl: callbackOf(args['CallbackURL'] ?? null, auth), scopes, signal, ...state });
      code = result.code;
      redirectUri = result.redirectUri;
    } else {
      code = normalizeVerifier(typeof args['Verifier'] === 'string' ? args['Verifier'] : '');
      if (code === '') {
        throw new IgsqlError(
          'usage',
          "GetOAuthAccessToken AuthMode='WEB' needs Verifier: the code= value of the page the Login dialog redirected to (EXEC GetOAuthAuthorizationURL gives the dialog URL). " +
            "To sign in with a browser on this machine use AuthMode='APP'.",
          { details: { parameter: 'Verifier' } },
        );
      }
      redirectUri = callbackOf(args['CallbackURL'] ?? null, auth);
    }
    const now = auth.now();
    const first = await auth.oauth.exchangeCode(code, redirectUri, signal).catch((err: unknown) => {
      throw codeRejected(err, redirectUri);
    });
    const long = await auth.oauth.exchangeForLongLived(first.accessToken, signal);
    const tokens = tokensFromGrant(long, 'long-lived', { now, scopes, ...(auth.props.OAuthClientId ? { appId: auth.props.OAuthClientId } : {}) });
    await auth.keep(tokens);
    return [tokenRow(tokens, now)];
  },
});

/** A refused code: say why it usually happens (used twice, too old, another redirect URI). */
function codeRejected(err: unknown, redirectUri: string): unknown {
  if (!IgsqlError.is(err) || err.code !== 'auth') return err;
  return new IgsqlError(
    'auth',
    `The authorization code could not be exchanged for a token (${err.message}). A code works once and expires within minutes, and CallbackURL must equal the ` +
      `redirect URI the dialog URL was made with (now ${redirectUri}): get a new code (EXEC GetOAuthAuthorizationURL, open the URL, allow) and run GetOAuthAccessToken again.`,
    { cause: err, details: { parameter: 'Verifier', reason: 'verifier-rejected' } },
  );
}
