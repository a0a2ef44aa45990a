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
   * Called when a call fails with code 190 (invalid/expired token). Resolve true after getting a
   * new token (the call is retried once), false when nothing can be done (the error is thrown).
   * `used` is the token value the failed call carried, when known: a 190 for a token already
   * replaced is retried with the current one instead of renewing again.
   */
  onAuthError(err: GraphApiError, used?: string): Promise<boolean>;
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
