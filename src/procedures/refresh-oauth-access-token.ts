/**
 * RefreshOAuthAccessToken: Facebook Login has no refresh grant; a long-lived user token is
 * renewed by exchanging it again (grant_type=fb_exchange_token), which gives a token valid for
 * another 60 days. The new token is kept in the token store when the connection has one.
 */
import { tokensFromGrant } from '../auth/index.js';
import { defineProcedure } from './define-procedure.js';
import type { ProcedureApi } from './procedure-api.js';
import { TOKEN_COLUMNS, tokenRow } from './token-result.js';

export const REFRESH_OAUTH_ACCESS_TOKEN = defineProcedure<ProcedureApi>({
  name: 'RefreshOAuthAccessToken',
  description:
    'A new long-lived user token (about 60 days) for a long-lived one that still works, through grant_type=fb_exchange_token. ' +
    'Needs OAuthClientId and OAuthClientSecret. With InitiateOAuth=GETANDREFRESH or REFRESH the new token is also stored in OAuthSettingsLocation.',
  parameters: [
    {
      name: 'OAuthRefreshToken',
      type: 'String',
      description: "The token to renew: OAuthRefreshToken from GetOAuthAccessToken (the long-lived token itself). Default: the connection's current user token.",
      required: false,
    },
  ],
  resultColumns: TOKEN_COLUMNS,
  examples: [
    { description: "Renew the connection's token", sql: 'EXEC RefreshOAuthAccessToken' },
    { description: 'Renew a given token', sql: "EXEC RefreshOAuthAccessToken OAuthRefreshToken = 'EAA...'" },
  ],
  async run(args, { api, signal }) {
    const { auth } = api;
    const given = args['OAuthRefreshToken'];
    const token = typeof given === 'string' && given.trim() !== '' ? given.trim() : await auth.userToken(signal);
    const now = auth.now();
    const grant = await auth.oauth.exchangeForLongLived(token, signal);
    const tokens = { ...tokensFromGrant(grant, 'long-lived', { now, ...(auth.props.OAuthClientId ? { appId: auth.props.OAuthClientId } : {}) }), refreshedAt: now };
    await auth.keep(tokens);
    return [tokenRow(tokens, now)];
  },
});
