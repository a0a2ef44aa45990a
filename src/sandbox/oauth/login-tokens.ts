/**
 * The user token a Facebook Login ends with (code exchange or implicit `token` dialog): it belongs to
 * the app that asked, carries the granted permissions and lives `oauth.codeExchangeExpiresIn`
 * seconds (2 hours by default). A lifetime of a day or more counts as long-lived, so Page tokens
 * derived from it never expire, as with a 60-day token.
 */
import type { SandboxApp } from '../context.js';
import type { TokenRecord } from '../tokens/token-registry.js';
import { oauthState } from './oauth-state.js';

export const LONG_LIVED_THRESHOLD_SECONDS = 86_400;

export function issueLoginToken(app: SandboxApp, grant: { clientId: string; userId: string; scopes: readonly string[] }): TokenRecord {
  const lifetime = oauthState(app).codeExchangeExpiresIn;
  return app.tokens.issue({
    type: 'USER', appId: grant.clientId, userId: grant.userId, scopes: grant.scopes,
    lifetimeSeconds: lifetime, longLived: lifetime >= LONG_LIVED_THRESHOLD_SECONDS, metadata: { auth_type: 'oauth' },
  });
}
