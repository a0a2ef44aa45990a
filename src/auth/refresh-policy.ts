/**
 * When igsql renews a stored user token. Facebook has no refresh grant: a long-lived token is
 * exchanged again (fb_exchange_token) while it is still valid; an expired one cannot be.
 */
import type { StoredTokens } from './stored-tokens.js';

export interface RefreshPolicy {
  /** Renew before use when less than this remains (ms). Default 10 minutes. */
  marginMs: number;
  /** Renew early (failures tolerated) when less than this remains (ms). Default 7 days. */
  renewBeforeMs: number;
  /** …but not more often than this (ms). Default 24 hours. */
  minRenewIntervalMs: number;
  /** After a renewal, a 190 within this window is taken as "the call used the old token" (ms). Default 30 s. */
  recentRenewalMs: number;
}

export const DEFAULT_REFRESH_POLICY: RefreshPolicy = Object.freeze({
  marginMs: 10 * 60_000,
  renewBeforeMs: 7 * 24 * 3600_000,
  minRenewIntervalMs: 24 * 3600_000,
  recentRenewalMs: 30_000,
});

export type RefreshNeed =
  /** Use the token as it is. */
  | 'none'
  /** It expires within the margin (or has expired): renew before use; failing that, it is unusable once expired. */
  | 'required'
  /** It will expire in some days, or its lifetime is unknown/short: renew now, keep using it if that fails. */
  | 'advised';

/** What to do with stored tokens at `now` (`canRenew`: the app id and secret are known). */
export function refreshNeed(tokens: StoredTokens, now: number, policy: RefreshPolicy = DEFAULT_REFRESH_POLICY, canRenew = true): RefreshNeed {
  // Without the app's id and secret nothing can be renewed: only an expired token needs action.
  if (!canRenew || tokens.kind === 'page' || tokens.kind === 'system-user') return isExpired(tokens, now) ? 'required' : 'none';
  const failedAgo = tokens.renewalFailedAt === undefined ? Infinity : now - tokens.renewalFailedAt;
  const lastRenewal = tokens.refreshedAt ?? tokens.issuedAt;
  if (typeof tokens.expiresAt === 'number') {
    const left = tokens.expiresAt - now;
    // Expiring: try before each use, but after a failure at most once a minute until it expires.
    if (left <= policy.marginMs) return left <= 0 || failedAgo >= 60_000 ? 'required' : 'none';
    if (failedAgo < policy.minRenewIntervalMs) return 'none';
    if (tokens.kind === 'short-lived') return 'advised';
    if (left <= policy.renewBeforeMs && now - lastRenewal >= policy.minRenewIntervalMs) return 'advised';
    return 'none';
  }
  // Unknown lifetime (a pasted token): one exchange makes it long-lived with a known expiry.
  if (tokens.expiresAt === undefined && tokens.refreshedAt === undefined && failedAgo >= policy.minRenewIntervalMs) return 'advised';
  return 'none';
}

export function isExpired(tokens: StoredTokens, now: number): boolean {
  return typeof tokens.expiresAt === 'number' && tokens.expiresAt <= now;
}
