/**
 * Redirect URIs: which ones an app accepts and how the dialog appends its answer.
 *
 * An app with `redirectUris` accepts exactly those strings (Facebook's Strict Mode). Without a list
 * it accepts any absolute http(s) URL on localhost, 127.0.0.1 or [::1], any port and path, so local
 * test servers and CLI callbacks work without configuration.
 */
import type { OAuthApp } from './oauth-state.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function parseAbsolute(uri: string): URL | undefined {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function isLocalhostUrl(uri: string): boolean {
  const url = parseAbsolute(uri);
  return url !== undefined && LOCAL_HOSTS.has(url.hostname);
}

export function redirectAllowed(app: OAuthApp, uri: string): boolean {
  if (parseAbsolute(uri) === undefined) return false;
  return app.redirectUris === undefined ? isLocalhostUrl(uri) : app.redirectUris.includes(uri);
}

/**
 * `redirect_uri` with the answer appended: as query parameters followed by `#_=_` (what Facebook
 * appends to code and error redirects), or as the fragment (implicit `token` responses). Keys with
 * an undefined value are left out.
 */
export function redirectWith(redirectUri: string, params: readonly [string, string | undefined][], where: 'query' | 'fragment'): string {
  const url = new URL(redirectUri);
  url.hash = '';
  const answer = new URLSearchParams();
  for (const [key, value] of params) if (value !== undefined) answer.append(key, value);
  if (where === 'fragment') return `${url.toString()}#${answer.toString()}`;
  const query = url.search === '' ? `?${answer.toString()}` : `${url.search}&${answer.toString()}`;
  return `${url.origin}${url.pathname}${query}#_=_`;
}
