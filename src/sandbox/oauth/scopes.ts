/**
 * Permissions as the dialog and debug_token see them: parsing `scope=a,b c`, what is granted
 * (`public_profile` plus the requested permissions the sandbox knows), the consent page's wording,
 * and which permissions debug_token lists as `granular_scopes` (the ones granted per asset).
 */
import { ALL_SCOPES } from '../tokens/token-registry.js';

export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  public_profile: 'Your name and profile picture',
  email: 'Your email address',
  pages_show_list: 'Show a list of the Pages you manage',
  pages_read_engagement: 'Read content posted on your Pages',
  pages_manage_metadata: 'Manage accounts, settings and webhooks for your Pages',
  business_management: 'Manage your business',
  instagram_basic: 'Access profile and posts from the Instagram accounts connected to your Pages',
  instagram_content_publish: 'Create and publish content on the Instagram accounts connected to your Pages',
  instagram_manage_comments: 'Manage comments on the Instagram accounts connected to your Pages',
  instagram_manage_insights: 'Read insights of the Instagram accounts connected to your Pages',
  instagram_manage_messages: 'Manage messages of the Instagram accounts connected to your Pages',
  instagram_manage_contents: 'Delete and manage content on the Instagram accounts connected to your Pages',
  read_insights: 'Read insights of your Pages',
};

/** `a,b c` → [a, b, c] (comma- or space-separated, duplicates removed, order kept). */
export function parseScopes(text: string | undefined): string[] {
  if (text === undefined) return [];
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** What a consent grants: `public_profile`, then every requested permission the sandbox knows. */
export function grantedScopes(requested: readonly string[]): { granted: string[]; unknown: string[] } {
  const known = new Set(ALL_SCOPES);
  const granted = ['public_profile', ...requested.filter((s) => known.has(s) && s !== 'public_profile')];
  return { granted, unknown: requested.filter((s) => !known.has(s)) };
}

/** Permissions granted per asset (Pages, IG accounts, businesses): the ones debug_token lists in granular_scopes. */
export function isGranular(scope: string): boolean {
  return scope.startsWith('pages_') || scope.startsWith('instagram_') || scope === 'business_management';
}
