/**
 * What each permission is needed for, in words, for GetTokenInfo's diagnosis: given the scopes a
 * token was granted (debug_token), which igsql features will fail and which permission fixes them.
 */
import type { TokenInfo } from './oauth-responses.js';

export interface ScopeNeed {
  readonly scope: string;
  /** The views and procedures that need it (CData names). */
  readonly neededFor: string;
}

export const SCOPE_NEEDS: readonly ScopeNeed[] = Object.freeze([
  { scope: 'instagram_basic', neededFor: 'every Instagram view (InstagramBusinessProfile, Media, Stories, Children)' },
  { scope: 'instagram_manage_insights', neededFor: 'MediaInsights, AccountInsights and AudienceInsights' },
  { scope: 'instagram_manage_comments', neededFor: 'Comments, Replies, Tags and mentions' },
  { scope: 'instagram_content_publish', neededFor: 'ContentPublishingLimit (the publishing quota)' },
  { scope: 'pages_show_list', neededFor: 'finding your Pages and their Instagram accounts (/me/accounts, GetPageAccessToken, AuthenticateAsPage)' },
  { scope: 'pages_read_engagement', neededFor: "reading a Page's linked Instagram account and its Page token" },
  { scope: 'business_management', neededFor: 'Pages owned through a Business portfolio' },
]);

export interface TokenDiagnosis {
  /** Plain-words lines, most important first. Empty when nothing is wrong. */
  readonly problems: readonly string[];
  readonly missingScopes: readonly string[];
}

/** What is wrong with a token for igsql, from its debug_token facts, at `now` (ms). */
export function diagnoseToken(info: TokenInfo, now: number, appId?: string): TokenDiagnosis {
  const problems: string[] = [];
  if (!info.isValid) problems.push(`The token is not valid${info.error ? `: ${info.error.message}` : ''}. Sign in again or set a new OAuthAccessToken.`);
  if (appId && info.appId && info.appId !== appId) problems.push(`The token belongs to app ${info.appId}, not to OAuthClientId ${appId}: renewing it with this app will fail.`);
  if (typeof info.expiresAt === 'number' && info.expiresAt <= now) problems.push('The token has expired.');
  if (typeof info.dataAccessExpiresAt === 'number' && info.dataAccessExpiresAt <= now) {
    problems.push('Data access has expired (the user has not used the app for 90 days): the user must sign in again.');
  }
  if (info.type === 'APP') problems.push('This is an app token: Instagram data needs a user, Page or System User token.');
  const granted = new Set(info.scopes);
  const missing = info.type === 'APP' ? [] : SCOPE_NEEDS.filter((n) => !granted.has(n.scope));
  for (const need of missing) problems.push(`Missing permission ${need.scope}: needed for ${need.neededFor}.`);
  return { problems, missingScopes: missing.map((n) => n.scope) };
}
