/**
 * `GET|POST /{version}/oauth/access_token`: the token endpoint.
 *
 *   client_id + client_secret + redirect_uri + code      → short-lived user token (code exchange)
 *   grant_type=fb_exchange_token + fb_exchange_token     → 60-day user token (Page token: never expires)
 *   grant_type=client_credentials                        → app token `app_id|…`
 *
 * Answers `{access_token, token_type: "bearer", expires_in}` (no expires_in for tokens that never
 * expire). Errors are oauth-errors.ts; an unusable fb_exchange_token fails with its own 190 error
 * (expired → 190/463: an expired token cannot be exchanged).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RequestContext, SandboxApp } from '../context.js';
import type { TokenRecord } from '../tokens/token-registry.js';
import { issueLoginToken } from './login-tokens.js';
import { oauthErrors } from './oauth-errors.js';
import { CODE_LIFETIME_MS, oauthState, type OAuthApp } from './oauth-state.js';
import { parseAbsolute } from './redirect-uris.js';

/** Lifetime of an exchanged token: 60 days less the minute Meta's sample answer shows (5183944 s). */
export const EXCHANGED_LIFETIME_SECONDS = 5_183_944;

interface TokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in?: number;
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function answer(ctx: RequestContext, record: TokenRecord): TokenAnswer {
  const out: TokenAnswer = { access_token: record.token, token_type: 'bearer' };
  if (record.expiresAt !== 0) out.expires_in = record.expiresAt - Math.floor(ctx.clock.now() / 1000);
  return out;
}

function codeExchange(ctx: RequestContext, oauthApp: OAuthApp): TokenAnswer {
  const p = ctx.params;
  const redirectUri = p['redirect_uri'];
  if (redirectUri === undefined || redirectUri === '') throw oauthErrors.missingRedirectUri();
  if (parseAbsolute(redirectUri) === undefined) throw oauthErrors.relativeRedirectUri();
  const code = p['code'];
  if (code === undefined || code === '') throw oauthErrors.missingCode();
  const grant = oauthState(ctx.app).codes.get(code);
  if (grant === undefined || grant.clientId !== oauthApp.id) throw oauthErrors.invalidCode();
  if (grant.usedAtMs !== undefined) throw oauthErrors.usedCode();
  const now = ctx.clock.now();
  if (now - grant.createdMs >= CODE_LIFETIME_MS) throw oauthErrors.expiredCode();
  if (grant.redirectUri !== redirectUri) throw oauthErrors.redirectMismatch();
  grant.usedAtMs = now;
  return answer(ctx, issueLoginToken(ctx.app, { clientId: grant.clientId, userId: grant.userId, scopes: grant.scopes }));
}

function exchange(ctx: RequestContext, oauthApp: OAuthApp): TokenAnswer {
  const given = ctx.params['fb_exchange_token'];
  if (given === undefined || given === '') throw oauthErrors.missingExchangeToken();
  const problem = ctx.app.tokens.problem(given);
  if (problem !== undefined) throw problem;
  const source = ctx.app.tokens.lookup(given)!;
  if (source.appId !== oauthApp.id) throw oauthErrors.foreignToken(oauthApp.id);
  const common = { appId: source.appId, userId: source.userId, scopes: source.scopes, metadata: { exchanged_from: source.type } };
  if (source.type === 'USER') {
    return answer(ctx, ctx.app.tokens.issue({ ...common, type: 'USER', longLived: true, lifetimeSeconds: EXCHANGED_LIFETIME_SECONDS }));
  }
  if (source.type === 'PAGE') {
    return answer(ctx, ctx.app.tokens.issue({ ...common, type: 'PAGE', pageId: source.pageId, lifetimeSeconds: 0 }));
  }
  throw oauthErrors.notExchangeable();
}

function clientCredentials(ctx: RequestContext, oauthApp: OAuthApp): TokenAnswer {
  const literal = `${oauthApp.id}|${createHmac('sha256', oauthApp.secret).update('app-access-token').digest('base64url').slice(0, 27)}`;
  const record = ctx.app.tokens.lookup(literal) ?? ctx.app.tokens.issue({ type: 'APP', appId: oauthApp.id, literal });
  return answer(ctx, record);
}

function accessToken(ctx: RequestContext): TokenAnswer {
  const p = ctx.params;
  const clientId = p['client_id'];
  if (clientId === undefined || clientId === '') throw oauthErrors.missingClientId();
  const oauthApp = oauthState(ctx.app).apps.get(clientId);
  if (oauthApp === undefined) throw oauthErrors.invalidClientId();
  const secret = p['client_secret'];
  if (secret === undefined || secret === '') throw oauthErrors.missingClientSecret();
  if (!sameSecret(secret, oauthApp.secret)) throw oauthErrors.invalidClientSecret();
  const grantType = p['grant_type'];
  switch (grantType) {
    case undefined: case '': case 'authorization_code': return codeExchange(ctx, oauthApp);
    case 'fb_exchange_token': return exchange(ctx, oauthApp);
    case 'client_credentials': return clientCredentials(ctx, oauthApp);
    default: throw oauthErrors.unsupportedGrantType(grantType);
  }
}

export function installAccessToken(app: SandboxApp): void {
  app.router.get('/oauth/access_token', accessToken, { auth: false });
  app.router.post('/oauth/access_token', accessToken, { auth: false });
}
