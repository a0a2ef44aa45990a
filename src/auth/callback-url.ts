/**
 * CallbackURL for the desktop flow, and the authorization code as users paste it.
 */
import { IgsqlError } from '../errors.js';

/** The desktop flow's redirect URI when CallbackURL is empty (CData's port). */
export const DEFAULT_CALLBACK_URL = 'http://localhost:33333/';

export interface LocalCallback {
  /** The redirect URI exactly as it goes into the dialog URL and the code exchange. */
  redirectUri: string;
  protocol: 'http' | 'https';
  /** Addresses to listen on: 127.0.0.1 for localhost (and ::1, best effort). */
  hosts: string[];
  /** 0 = any free port (tests); the redirect URI then gets the chosen one. */
  port: number;
  path: string;
}

const LOOPBACK: Record<string, string[]> = {
  localhost: ['127.0.0.1', '::1'],
  '127.0.0.1': ['127.0.0.1'],
  '[::1]': ['::1'],
};

/** Checks that CallbackURL can be served on this machine and says where to listen. */
export function localCallback(callbackUrl: string | undefined): LocalCallback {
  const text = callbackUrl === undefined || callbackUrl.trim() === '' ? DEFAULT_CALLBACK_URL : callbackUrl.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new IgsqlError('config', `CallbackURL "${text}" is not a URL; the desktop flow needs one like ${DEFAULT_CALLBACK_URL}.`, { details: { property: 'CallbackURL' } });
  }
  const hosts = LOOPBACK[url.hostname.toLowerCase()];
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !hosts) {
    throw new IgsqlError(
      'config',
      `CallbackURL "${url.origin}" is not on this machine, so the desktop flow cannot receive the redirect. ` +
        `Use http://localhost:<port>/ (registered in the app's Valid OAuth Redirect URIs), or, for a web app, ` +
        `EXEC GetOAuthAuthorizationURL and EXEC GetOAuthAccessToken AuthMode='WEB' with the code your server receives.`,
      { details: { property: 'CallbackURL' } },
    );
  }
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  const port = url.port === '' ? (protocol === 'https' ? 443 : 80) : Number(url.port);
  return { redirectUri: text, protocol, hosts, port, path: url.pathname || '/' };
}

/** The redirect URI with the port the server really got (when CallbackURL asked for port 0). */
export function withPort(redirectUri: string, port: number): string {
  const url = new URL(redirectUri);
  url.port = String(port);
  return url.href;
}

/**
 * The authorization code from what a user pastes into OAuthVerifier: the code itself, or the
 * whole address they landed on (`http://localhost:33333/?code=…&state=…#_=_`). Facebook appends
 * `#_=_` (Instagram Login `#_`) to the redirect; it is not part of the code.
 */
export function normalizeVerifier(input: string): string {
  let text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('?') || /(^|&)code=/.test(text)) {
    const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
    const code = new URLSearchParams(query.split('#')[0]).get('code');
    if (code) text = code;
  }
  return text.replace(/#_=_$|#_$/, '').replace(/#$/, '');
}
