/**
 * GetOAuthAuthorizationURL: the Facebook Login dialog URL a user opens to grant access (web apps,
 * and headless machines that finish the sign-in elsewhere with OAuthVerifier).
 */
import { newState } from '../auth/index.js';
import { defineProcedure } from './define-procedure.js';
import type { ProcedureApi } from './procedure-api.js';
import { CALLBACK_PARAMETER, SCOPE_PARAMETER, STATE_PARAMETER, callbackOf, scopesOf } from './token-result.js';

export const GET_OAUTH_AUTHORIZATION_URL = defineProcedure<ProcedureApi>({
  name: 'GetOAuthAuthorizationURL',
  description:
    "The Facebook Login dialog URL, with the app's client_id, the redirect URI, the state and the permissions igsql needs. " +
    'Open it in a browser, allow access, and pass the code= value of the page it lands on to GetOAuthAccessToken (or OAuthVerifier). No request is sent.',
  parameters: [
    CALLBACK_PARAMETER,
    SCOPE_PARAMETER,
    STATE_PARAMETER,
    {
      name: 'AuthMode',
      type: 'String',
      description: 'WEB (a web application or another machine receives the code) or APP (the desktop flow on this machine). The URL is the same.',
      required: false,
      values: ['WEB', 'APP'],
      default: 'WEB',
    },
  ],
  resultColumns: [
    { name: 'URL', type: 'String', description: 'The Login dialog URL to open in a browser (it holds the app id and the state, no secret).' },
    { name: 'State', type: 'String', description: 'The state the URL carries: check that the redirect brings it back unchanged.' },
  ],
  examples: [
    { description: 'The URL for the default redirect URI and permissions', sql: 'EXEC GetOAuthAuthorizationURL' },
    {
      description: 'A web app with its own redirect URI and state',
      sql: "EXEC GetOAuthAuthorizationURL CallbackURL = 'https://example.com/oauth', State = 'xyz', Scope = 'instagram_basic,pages_show_list'",
    },
  ],
  async run(args, { api }) {
    const { auth } = api;
    const state = typeof args['State'] === 'string' && args['State'] !== '' ? args['State'] : newState();
    const url = auth.oauth.authorizationUrl({ redirectUri: callbackOf(args['CallbackURL'] ?? null, auth), state, scopes: scopesOf(args['Scope'] ?? null, auth) });
    return [{ URL: url.href, State: state }];
  },
});
