/**
 * From grants to stored tokens: the code exchange followed by the long-lived exchange (a sign-in),
 * and the Facebook "refresh" (the long-lived token exchanged again with fb_exchange_token).
 * Shared by the token provider and the OAuth procedures.
 */
import { createHash } from 'node:crypto';
import type { OAuthApi } from './oauth-client.js';
import type { TokenGrant } from './oauth-responses.js';
import type { StoredTokens, TokenKind } from './stored-tokens.js';

export interface GrantContext {
  /** OAuthClientId. */
  appId?: string;
  now: number;
  /** The scopes asked for (debug_token tells the ones granted). */
  scopes?: readonly string[];
  signal?: AbortSignal;
}

/** A token that lives less than a day is short-lived (Facebook's last about 1–2 hours). */
const SHORT_LIVED_LIMIT_S = 24 * 3600;

/** Stored tokens for a grant. The long-lived token doubles as the refresh token. */
export function tokensFromGrant(grant: TokenGrant, kind: TokenKind, ctx: GrantContext, keep?: Pick<StoredTokens, 'pageTokens' | 'userId' | 'scopes' | 'seeds'>): StoredTokens {
  const refreshable = kind === 'long-lived';
  return {
    ...(keep?.pageTokens ? { pageTokens: keep.pageTokens } : {}),
    ...(keep?.userId ? { userId: keep.userId } : {}),
    ...(keep?.seeds ? { seeds: keep.seeds } : {}),
    ...(ctx.appId ? { appId: ctx.appId } : {}),
    accessToken: grant.accessToken,
    ...(refreshable ? { refreshToken: grant.accessToken } : {}),
    tokenType: grant.tokenType,
    kind,
    expiresAt: grant.expiresIn === undefined ? null : ctx.now + grant.expiresIn * 1000,
    issuedAt: ctx.now,
    ...(keep?.scopes ? { scopes: keep.scopes } : ctx.scopes ? { scopes: [...ctx.scopes] } : {}),
  };
}

/** The kind of a freshly granted user token, by its lifetime. */
export function kindOfGrant(grant: TokenGrant): TokenKind {
  if (grant.expiresIn === undefined) return 'long-lived';
  return grant.expiresIn < SHORT_LIVED_LIMIT_S ? 'short-lived' : 'long-lived';
}

/**
 * A complete sign-in with an authorization code: code → user token → long-lived user token.
 * `redirectUri` must be the one the dialog URL carried.
 */
export async function signInWithCode(oauth: OAuthApi, code: string, redirectUri: string, ctx: GrantContext): Promise<StoredTokens> {
  const first = await oauth.exchangeCode(code, redirectUri, ctx.signal);
  const long = await oauth.exchangeForLongLived(first.accessToken, ctx.signal);
  return tokensFromGrant(long, 'long-lived', ctx);
}

/**
 * Renews a user token: exchanges the refresh token (the long-lived token itself, or the access
 * token when none is stored) for a long-lived one. Page tokens and the user id are kept: Page
 * tokens made from a long-lived user token do not expire.
 */
export async function renewTokens(oauth: OAuthApi, current: StoredTokens, ctx: GrantContext): Promise<StoredTokens> {
  const grant = await oauth.exchangeForLongLived(current.refreshToken ?? current.accessToken, ctx.signal);
  return { ...tokensFromGrant(grant, 'long-lived', ctx, current), refreshedAt: ctx.now };
}

/**
 * A short fingerprint of a seed value (OAuthAccessToken, OAuthVerifier), stored so that a value
 * is used once: the store remembers which ones it has consumed, never the values.
 */
export function fingerprint(kind: 'token' | 'code', value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 24)}`;
}
