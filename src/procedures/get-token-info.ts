/**
 * GetTokenInfo: the debug_token facts of the token the connection's calls use, and in plain words
 * what is wrong with it for igsql: invalid, expired, data access expired, another app's, and which
 * views fail for lack of which permission (view-scopes.ts).
 */
import { tokenProblem, type TokenInfo } from '../auth/index.js';
import { GraphApiError } from '../errors.js';
import { defineProcedure } from './define-procedure.js';
import type { ProcedureApi } from './procedure-api.js';
import { diagnoseScopes } from './view-scopes.js';

const at = (ms: number | null | undefined): Date | null => (typeof ms === 'number' ? new Date(ms) : null);

export const GET_TOKEN_INFO = defineProcedure<ProcedureApi>({
  name: 'GetTokenInfo',
  description:
    "What Facebook says about the connection's access token (debug_token): its type, app, validity, expiry, data-access expiry and permissions, " +
    'and a diagnosis in plain words of what will fail and how to fix it. Asked with the app token when OAuthClientId and OAuthClientSecret are set, else with the token itself.',
  parameters: [],
  resultColumns: [
    { name: 'Type', type: 'String', description: 'USER, PAGE, SYSTEM_USER or APP.' },
    { name: 'AppId', type: 'String', description: 'The app the token was issued to.' },
    { name: 'Application', type: 'String', description: "The app's name." },
    { name: 'IsValid', type: 'Boolean', description: 'Whether the token works now.' },
    { name: 'ExpiresAt', type: 'Datetime', description: 'When it expires; NULL when it does not.' },
    { name: 'DataAccessExpiresAt', type: 'Datetime', description: 'When data access expires (90 days after the user last used the app); NULL when it does not.' },
    { name: 'IssuedAt', type: 'Datetime', description: 'When it was issued, when known.' },
    { name: 'UserId', type: 'String', description: 'The user (or System User) behind it.' },
    { name: 'ProfileId', type: 'String', description: 'The Page of a Page token.' },
    { name: 'Scopes', type: 'String', description: 'The granted permissions, comma-separated.' },
    { name: 'MissingScopes', type: 'String', description: 'Permissions igsql would use that are not granted, comma-separated; NULL when none.' },
    { name: 'UnavailableViews', type: 'String', description: 'Views that fail for lack of a permission, comma-separated; NULL when none.' },
    { name: 'Diagnosis', type: 'String', description: "What is wrong and what to do, one sentence per problem; 'OK' when nothing is." },
  ],
  examples: [
    { description: "The token's facts and what it cannot do", sql: 'EXEC GetTokenInfo' },
    { description: 'Only the diagnosis', sql: 'CALL GetTokenInfo()' },
  ],
  async run(_args, { api, signal }) {
    const { auth } = api;
    const info = await auth.debugToken(await auth.callToken(signal), signal);
    const scopes = diagnoseScopes(info, auth.props.BusinessAccountId);
    const problems = [...validity(info, auth.now(), auth.props.OAuthClientId), ...scopes.lines];
    return [
      {
        Type: info.type,
        AppId: info.appId || null,
        Application: info.application ?? null,
        IsValid: info.isValid,
        ExpiresAt: at(info.expiresAt),
        DataAccessExpiresAt: at(info.dataAccessExpiresAt),
        IssuedAt: at(info.issuedAt),
        UserId: info.userId ?? null,
        ProfileId: info.profileId ?? null,
        Scopes: info.scopes.join(','),
        MissingScopes: scopes.missingScopes.length > 0 ? scopes.missingScopes.join(',') : null,
        UnavailableViews: scopes.unavailableViews.length > 0 ? scopes.unavailableViews.join(',') : null,
        Diagnosis: problems.length > 0 ? problems.join(' ') : 'OK',
      },
    ];
  },
});

function validity(info: TokenInfo, now: number, appId: string): string[] {
  const lines: string[] = [];
  if (!info.isValid) {
    const cause = info.error ? tokenProblem(new GraphApiError({ message: info.error.message, code: info.error.code ?? 190, ...(info.error.subcode ? { error_subcode: info.error.subcode } : {}) }, 400)) : 'it is not valid';
    lines.push(`The token does not work: ${cause}. Set a new OAuthAccessToken, or sign in again (GetOAuthAccessToken, or InitiateOAuth=GETANDREFRESH).`);
  } else if (typeof info.expiresAt === 'number' && info.expiresAt - now < 7 * 86_400_000) {
    lines.push(`The token expires ${new Date(info.expiresAt).toISOString()}: renew it (RefreshOAuthAccessToken, or InitiateOAuth=REFRESH with OAuthClientId and OAuthClientSecret).`);
  }
  if (typeof info.dataAccessExpiresAt === 'number' && info.dataAccessExpiresAt <= now) lines.push('Data access has expired (90 days without using the app): the user must sign in again.');
  if (appId !== '' && info.appId !== '' && info.appId !== appId) lines.push(`The token belongs to app ${info.appId}, not to OAuthClientId ${appId}: renewing it with this app fails.`);
  if (info.type === 'APP') lines.push('This is an app token: Instagram data needs a user, Page or System User token.');
  return lines;
}
