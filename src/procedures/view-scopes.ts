/**
 * The permissions each view needs, as data, for GetTokenInfo's diagnosis ("no
 * instagram_manage_insights → MediaInsights and AccountInsights fail"). Every Instagram view also
 * needs pages_show_list and pages_read_engagement to find the accounts, unless BusinessAccountId
 * is set; FINDING_SCOPES says so once instead of on every line.
 */
import type { TokenInfo } from '../auth/index.js';

export interface ViewScopes {
  readonly views: readonly string[];
  readonly scopes: readonly string[];
}

const INSIGHTS = ['instagram_basic', 'instagram_manage_insights'];
const COMMENTS = ['instagram_basic', 'instagram_manage_comments'];

export const VIEW_SCOPES: readonly ViewScopes[] = [
  { views: ['Page'], scopes: ['pages_show_list'] },
  {
    views: ['Account', 'Media', 'MediaChildren', 'Stories', 'BusinessDiscovery', 'BusinessDiscoveryMedia', 'HashtagSearch', 'HashtagMedia'],
    scopes: ['instagram_basic'],
  },
  { views: ['Comments', 'Replies', 'Tags'], scopes: COMMENTS },
  {
    views: [
      'MediaInsights', 'MediaInsightsPost', 'MediaInsightsPostAlbum', 'MediaInsightsReels', 'MediaInsightsStory', 'AccountInsights',
      'AccountInsightsDaily', 'AccountInsightsTotals', 'AccountInsightsByMediaProductType', 'AccountInsightsDailyByMediaProductType',
      'AccountInsightsByFollowType', 'AccountInsightsDailyByFollowType', 'AccountInsightsByContactButtonType', 'AudienceInsights', 'OnlineFollowers',
    ],
    scopes: INSIGHTS,
  },
  { views: ['ContentPublishingLimit'], scopes: ['instagram_basic', 'instagram_content_publish'] },
];

/** Needed to find the Instagram accounts behind the Pages when BusinessAccountId is not set. */
export const FINDING_SCOPES: readonly string[] = ['pages_show_list', 'pages_read_engagement'];

export interface ScopeDiagnosis {
  /** Plain-words lines, one per group of views that will fail. */
  readonly lines: readonly string[];
  readonly unavailableViews: readonly string[];
  readonly missingScopes: readonly string[];
}

/** Which views fail for lack of which permission, given the token's granted scopes. */
export function diagnoseScopes(info: Pick<TokenInfo, 'scopes' | 'type'>, businessAccountId: string): ScopeDiagnosis {
  if (info.type === 'APP') return { lines: [], unavailableViews: [], missingScopes: [] };
  const granted = new Set(info.scopes);
  const lines: string[] = [];
  const views: string[] = [];
  const missing = new Set<string>();
  for (const group of VIEW_SCOPES) {
    const lacking = group.scopes.filter((s) => !granted.has(s));
    if (lacking.length === 0) continue;
    lacking.forEach((s) => missing.add(s));
    views.push(...group.views);
    lines.push(`No ${lacking.join(' or ')}: ${group.views.join(', ')} fail.`);
  }
  const finding = FINDING_SCOPES.filter((s) => !granted.has(s));
  if (finding.length > 0 && info.type !== 'PAGE') {
    finding.forEach((s) => missing.add(s));
    lines.push(
      businessAccountId === ''
        ? `No ${finding.join(' or ')}: igsql cannot find your Instagram accounts through your Pages; set BusinessAccountId, or sign in again granting ${finding.join(' and ')}.`
        : `No ${finding.join(' or ')}: GetPageAccessToken and AuthenticateAsPage fail (BusinessAccountId is set, so the views can still find the account).`,
    );
  }
  if (lines.length > 0) lines.push('Sign in again granting the missing permissions (GetOAuthAuthorizationURL with Scope, or InitiateOAuth=GETANDREFRESH).');
  return { lines, unavailableViews: views, missingScopes: [...missing] };
}
