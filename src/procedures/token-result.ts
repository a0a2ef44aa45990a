/**
 * What the token procedures share: the token result columns (secret, so the CLI masks them unless
 * --show-secrets), a row from stored tokens, and the Scope / CallbackURL arguments with their
 * fallbacks to the connection properties.
 */
import { DEFAULT_CALLBACK_URL, DEFAULT_SCOPES, type StoredTokens, parseScopes } from '../auth/index.js';
import { CATALOG } from '../connection-string/properties.js';
import type { Row, SqlValue } from '../schema/types.js';
import type { ProcedureParameter, ProcedureResultColumn } from './define-procedure.js';
import type { ProcedureAuth } from './procedure-api.js';

export const TOKEN_COLUMNS: readonly ProcedureResultColumn[] = [
  { name: 'OAuthAccessToken', type: 'String', description: 'The long-lived user access token (about 60 days).', sensitive: true },
  {
    name: 'OAuthRefreshToken',
    type: 'String',
    description: 'What renews it: for Facebook Login the long-lived token itself (pass it to RefreshOAuthAccessToken).',
    sensitive: true,
  },
  { name: 'ExpiresIn', type: 'Integer', description: 'Seconds until the access token expires; -1 when it does not expire.' },
];

/** The row of TOKEN_COLUMNS for `tokens` at `now` (ms). */
export function tokenRow(tokens: StoredTokens, now: number): Row {
  return {
    OAuthAccessToken: tokens.accessToken,
    OAuthRefreshToken: tokens.refreshToken ?? tokens.accessToken,
    ExpiresIn: expiresIn(tokens.expiresAt, now),
  };
}

/** Seconds left until `expiresAt` (ms): -1 for never (null), NULL when unknown. */
export function expiresIn(expiresAt: number | null | undefined, now: number): number | null {
  if (expiresAt === null) return -1;
  if (expiresAt === undefined) return null;
  return Math.max(0, Math.floor((expiresAt - now) / 1000));
}

export const SCOPE_PARAMETER: ProcedureParameter = {
  name: 'Scope',
  type: 'String',
  description: `Permissions to ask for, separated by commas or spaces. Default: the Scope property (by default ${String(CATALOG.Scope.default).split(',').join(', ')}).`,
  required: false,
};

export const CALLBACK_PARAMETER: ProcedureParameter = {
  name: 'CallbackURL',
  type: 'String',
  description: `The redirect URI, as registered in the app's Valid OAuth Redirect URIs. Default: the CallbackURL property, else ${DEFAULT_CALLBACK_URL}.`,
  required: false,
};

export const STATE_PARAMETER: ProcedureParameter = {
  name: 'State',
  type: 'String',
  description: 'A value the dialog hands back unchanged with the code (CSRF protection). Default: a fresh random value.',
  required: false,
};

/** The scopes of a Scope argument, else of the Scope property, else the defaults. */
export function scopesOf(arg: SqlValue, auth: ProcedureAuth): string[] {
  const given = parseScopes(typeof arg === 'string' ? arg : '');
  if (given.length > 0) return given;
  const configured = parseScopes(auth.props.Scope);
  return configured.length > 0 ? configured : [...DEFAULT_SCOPES];
}

/** The CallbackURL argument, else the property, else the default. */
export function callbackOf(arg: SqlValue, auth: ProcedureAuth): string {
  if (typeof arg === 'string' && arg.trim() !== '') return arg.trim();
  return auth.props.CallbackURL || DEFAULT_CALLBACK_URL;
}
