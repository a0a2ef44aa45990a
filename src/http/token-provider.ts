import type { GraphApiError } from '../errors.js';

/** An access token and how to send it. */
export interface AccessToken {
  value: string;
  /** `query`: `access_token=` parameter (form field on POST); `bearer`: `Authorization: Bearer`. */
  scheme: 'query' | 'bearer';
  /** The app secret for `appsecret_proof` when it is known to the token's owner (else OAuthClientSecret). */
  appSecret?: string | undefined;
}

/**
 * Where GraphClient gets tokens. The OAuth layer implements it (token store, refresh); tests and
 * `OAuthAccessToken=` use {@link staticTokenProvider}.
 */
export interface TokenProvider {
  token(signal?: AbortSignal): Promise<AccessToken>;
  /**
   * After a call failed with 190/102: resolves true when a new token is ready (GraphClient retries
   * the call once), false for errors that are not about the token; rejects with an `auth` error
   * that says what to do next when no token can be had. `used` is the token the failed call
   * carried, when the caller knows it: a 190 for a replaced token is then retried without
   * renewing, and one for the token just obtained is refused (false) instead of renewed again.
   */
  onAuthError(err: GraphApiError, used?: AccessToken | string): Promise<boolean>;
}

/** A fixed token that cannot be refreshed. */
export function staticTokenProvider(value: string, options: { scheme?: AccessToken['scheme']; appSecret?: string } = {}): TokenProvider {
  const token: AccessToken = { value, scheme: options.scheme ?? 'query', ...(options.appSecret ? { appSecret: options.appSecret } : {}) };
  return {
    token: async () => token,
    onAuthError: async () => false,
  };
}

/** No token at all (OAuth endpoints, the sandbox's public routes). */
export const noTokenProvider: TokenProvider = {
  token: async () => ({ value: '', scheme: 'query' }),
  onAuthError: async () => false,
};
