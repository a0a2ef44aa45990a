/** Puts the access token (and appsecret_proof) on a Graph request. */
import { createHmac } from 'node:crypto';
import { IgsqlError } from '../errors.js';
import type { TokenProvider } from './token-provider.js';

export interface AuthorizeOptions {
  AppSecretProof?: boolean | undefined;
  OAuthClientSecret?: string | undefined;
}

/**
 * Sets the token on `url` (GET) or `form` (POST), or as a Bearer header, replacing any token the
 * URL carried (a `paging.next` repeats the old one); returns the token value used ('' for none).
 */
export async function authorize(
  tokens: TokenProvider,
  options: AuthorizeOptions,
  url: URL,
  form: URLSearchParams | undefined,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<string> {
  const token = await tokens.token(signal);
  const carrier = form ?? url.searchParams;
  url.searchParams.delete('access_token');
  url.searchParams.delete('appsecret_proof');
  if (token.value === '') return '';
  if (token.scheme === 'bearer') headers['authorization'] = `Bearer ${token.value}`;
  else carrier.set('access_token', token.value);
  if (options.AppSecretProof) {
    const secret = token.appSecret ?? options.OAuthClientSecret;
    if (!secret) {
      throw new IgsqlError('config', 'AppSecretProof=true needs the app secret: set OAuthClientSecret.', { details: { property: 'OAuthClientSecret' } });
    }
    carrier.set('appsecret_proof', createHmac('sha256', secret).update(token.value).digest('hex'));
  }
  return token.value;
}
