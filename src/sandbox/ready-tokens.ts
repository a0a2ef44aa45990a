/**
 * The tokens `startSandbox` hands out, all for the demo user "Sam Sandbox" (who manages every Page)
 * and with every permission: a short-lived user token (2 h), a long-lived one (60 d), a Page token
 * per Page (derived from the long-lived token, so never expiring), a system-user token (never
 * expires) and the app token `app_id|app_secret`. Also seeds two recent hashtag searches.
 */
import type { SandboxApp } from './context.js';

export interface SandboxTokens {
  /** USER, expires 2 hours after start. */
  readonly shortLivedUser: string;
  /** USER, 60 days. */
  readonly longLivedUser: string;
  /** PAGE token of the first Page (linked to the first IG account); never expires. */
  readonly page: string;
  /** PAGE tokens by Page id. */
  readonly pages: Readonly<Record<string, string>>;
  /** SYSTEM_USER, never expires. */
  readonly systemUser: string;
  /** The app access token in `app_id|app_secret` form. */
  readonly app: string;
}

export function issueReadyTokens(app: SandboxApp): SandboxTokens {
  const { world } = app.data;
  const user = world.users[0]!;
  const shortLived = app.tokens.issue({ type: 'USER', userId: user.id });
  const longLived = app.tokens.issue({ type: 'USER', userId: user.id, longLived: true });
  const pages: Record<string, string> = {};
  for (const page of world.pages) pages[page.id] = app.tokens.pageTokenFor(page.id, longLived).token;
  const systemUser = app.tokens.issue({ type: 'SYSTEM_USER', userId: world.systemUsers[0]!.id });
  const main = world.igAccounts[0]!;
  for (const [name, daysAgo] of [['coffee', 2], ['latteart', 1]] as const) {
    app.data.overlay.recordSearch(main.id, app.data.hashtags.intern(name).id, world.anchorMs - daysAgo * 86_400_000);
  }
  return {
    shortLivedUser: shortLived.token, longLivedUser: longLived.token, page: pages[world.pages[0]!.id]!, pages,
    systemUser: systemUser.token, app: app.tokens.appTokenLiteral(),
  };
}
