/**
 * First tokens from the connection string: OAuthAccessToken (with OAuthRefreshToken,
 * OAuthExpiresIn, OAuthTokenTimestamp when known, as CData's "first connection" sets them) or
 * OAuthVerifier (a code obtained on another machine, exchanged here).
 */
import { GraphApiError, IgsqlError } from '../errors.js';
import { missingAppCredentialsError, mustPropagate, reason } from './auth-errors.js';
import { DEFAULT_CALLBACK_URL, normalizeVerifier } from './callback-url.js';
import type { OAuthApi } from './oauth-client.js';
import type { AuthLog, AuthProperties } from './provider-types.js';
import { fingerprint, signInWithCode } from './sign-in.js';
import type { StoredTokens } from './stored-tokens.js';

export interface Seed {
  kind: 'code' | 'token';
  value: string;
  /** Its fingerprint (sign-in.ts), remembered in `seeds` once used. */
  id: string;
}

/** How many seed fingerprints a store remembers. */
const SEED_MEMORY = 20;

export function addSeed(seeds: readonly string[] | undefined, id: string): string[] {
  return [...(seeds ?? []).filter((s) => s !== id), id].slice(-SEED_MEMORY);
}

/** The OAuthVerifier or OAuthAccessToken of the connection string that the store has not used yet. */
export function newSeed(props: Pick<AuthProperties, 'OAuthVerifier' | 'OAuthAccessToken'>, current: StoredTokens | undefined): Seed | undefined {
  const seen = new Set(current?.seeds ?? []);
  const code = normalizeVerifier(props.OAuthVerifier ?? '');
  if (code !== '' && !seen.has(fingerprint('code', code))) return { kind: 'code', value: code, id: fingerprint('code', code) };
  const token = props.OAuthAccessToken;
  if (token && !seen.has(fingerprint('token', token)) && current?.accessToken !== token) return { kind: 'token', value: token, id: fingerprint('token', token) };
  return undefined;
}

/**
 * The tokens a seed makes; a used or stale OAuthVerifier left in the connection string does not
 * lock out a good stored token (logged, remembered as used, the stored token kept).
 */
export async function seedOrKeep(
  props: AuthProperties,
  seed: Seed,
  current: StoredTokens | undefined,
  deps: { oauth: OAuthApi; now: () => number; log: AuthLog; location: string },
  signal?: AbortSignal,
): Promise<StoredTokens> {
  try {
    return await seedTokens(props, seed, current, deps, signal);
  } catch (err) {
    if (!current || seed.kind !== 'code' || mustPropagate(err)) throw err;
    deps.log(1, `${reason(err)} Using the token stored in ${deps.location}.`);
    return { ...current, seeds: addSeed(current.seeds, seed.id) };
  }
}

export async function seedTokens(
  props: AuthProperties,
  seed: Seed,
  current: StoredTokens | undefined,
  deps: { oauth: OAuthApi; now: () => number },
  signal?: AbortSignal,
): Promise<StoredTokens> {
  const seeds = addSeed(current?.seeds, seed.id);
  const appId = props.OAuthClientId ? { appId: props.OAuthClientId } : {};
  if (seed.kind === 'code') {
    if (!props.OAuthClientId || !props.OAuthClientSecret) throw missingAppCredentialsError('Exchanging OAuthVerifier for a token');
    const redirectUri = props.CallbackURL || DEFAULT_CALLBACK_URL;
    try {
      const tokens = await signInWithCode(deps.oauth, seed.value, redirectUri, { now: deps.now(), ...appId, ...(signal ? { signal } : {}) });
      return { ...tokens, seeds };
    } catch (err) {
      if (!(err instanceof GraphApiError)) throw err;
      throw new IgsqlError(
        'auth',
        `OAuthVerifier could not be exchanged for a token (${err.message}). A code works once and expires within minutes: ` +
          `get a new one (EXEC GetOAuthAuthorizationURL, open the URL, allow, copy the code= value), and keep CallbackURL ` +
          `equal to the redirect URI the URL was made with (now ${redirectUri}).`,
        { cause: err, details: { property: 'OAuthVerifier', reason: 'verifier-rejected' } },
      );
    }
  }
  const now = deps.now();
  const issuedAt = props.OAuthTokenTimestamp ?? now;
  const expiresIn = props.OAuthExpiresIn;
  // 0 or -1 (CData's "does not expire", debug_token's expires_at 0): never expires.
  const never = expiresIn !== undefined && expiresIn <= 0;
  return {
    ...appId,
    accessToken: seed.value,
    ...(props.OAuthRefreshToken ? { refreshToken: props.OAuthRefreshToken } : {}),
    tokenType: 'bearer',
    kind: expiresIn === undefined ? 'unknown' : !never && expiresIn < 24 * 3600 ? 'short-lived' : 'long-lived',
    ...(expiresIn === undefined ? {} : { expiresAt: never ? null : issuedAt + expiresIn * 1000 }),
    issuedAt,
    seeds,
  };
}
