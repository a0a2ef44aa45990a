/**
 * The desktop sign-in (InitiateOAuth=GETANDREFRESH, GetOAuthAccessToken AuthMode=APP): start the
 * callback server, show the user the Login dialog URL (open a browser when there is a display,
 * print it otherwise, with the headless alternatives), and wait for the code.
 */
import { randomBytes } from 'node:crypto';
import { type CallbackResult, DEFAULT_CALLBACK_TIMEOUT_MS, startCallbackServer } from './callback-server.js';
import { type BrowserEnvironment, hasDisplay, openBrowser } from './open-browser.js';

export interface SignInUrlInfo {
  /** True when a browser was launched with the URL. */
  opened: boolean;
  /** True when no display was found (the message explains OAuthVerifier). */
  headless: boolean;
  redirectUri: string;
  /** The text to show the user (no secrets: the URL holds the app id and state only). */
  message: string;
}

export interface DesktopFlowOptions {
  /** Builds the Login dialog URL (OAuthApi.authorizationUrl). */
  authorizationUrl: (o: { redirectUri: string; state: string; scopes?: readonly string[] }) => URL;
  /** CallbackURL; default http://localhost:33333/. */
  callbackUrl?: string;
  scopes?: readonly string[];
  /** How long to wait for the consent. Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Shown the URL and the message. Default: the message on stderr (stdout carries results). */
  onUrl?: (url: string, info: SignInUrlInfo) => void | Promise<void>;
  /** false: never launch a browser; a function: the opener (tests). Default openBrowser. */
  openBrowser?: boolean | ((url: string) => Promise<boolean>);
  environment?: BrowserEnvironment;
  /** Default: 32 random bytes, base64url. */
  state?: string;
  /** Certificate for an https CallbackURL (default: self-signed for localhost). */
  tls?: { key: string; cert: string };
}

/** An unguessable OAuth state (CSRF protection). */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

/** Runs the desktop flow up to the authorization code. */
export async function runDesktopFlow(options: DesktopFlowOptions): Promise<CallbackResult> {
  const state = options.state ?? newState();
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS;
  const server = await startCallbackServer({
    state,
    timeoutMs,
    ...(options.callbackUrl !== undefined ? { callbackUrl: options.callbackUrl } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
  });
  try {
    const url = options.authorizationUrl({ redirectUri: server.redirectUri, state, ...(options.scopes ? { scopes: options.scopes } : {}) }).href;
    const headless = !hasDisplay(options.environment);
    const opener = options.openBrowser ?? true;
    const opened = opener === false ? false : typeof opener === 'function' ? await opener(url) : await openBrowser(url, options.environment);
    const message = signInMessage(url, { opened, headless, redirectUri: server.redirectUri, timeoutMs });
    const info: SignInUrlInfo = { opened, headless, redirectUri: server.redirectUri, message };
    await (options.onUrl ?? ((_url: string, i: SignInUrlInfo) => void process.stderr.write(`${i.message}\n`)))(url, info);
    return await server.result;
  } finally {
    await server.close();
  }
}

/** What the user reads: where to sign in, and on a headless machine how to finish elsewhere. */
export function signInMessage(url: string, o: { opened: boolean; headless: boolean; redirectUri: string; timeoutMs: number }): string {
  const minutes = Math.max(1, Math.round(o.timeoutMs / 60_000));
  if (o.opened) {
    return `igsql opened your browser to sign in with Facebook. If it did not appear, open this address:\n  ${url}\nWaiting up to ${minutes} min for the answer at ${o.redirectUri}.`;
  }
  const port = new URL(o.redirectUri).port;
  const lines = [
    o.headless ? 'igsql needs you to sign in with Facebook, and this machine has no display to open a browser.' : 'igsql needs you to sign in with Facebook. Open this address in your browser:',
    ...(o.headless ? ['1. Open this address in a browser on any machine:'] : []),
    `  ${url}`,
  ];
  if (o.headless) {
    lines.push(
      `2. After you allow access, the browser is sent to ${o.redirectUri}?code=… . Then either:`,
      `   - let it reach this machine (e.g. ssh -L ${port}:localhost:${port} <this host>, before you click Allow): igsql finishes by itself (it waits ${minutes} min), or`,
      `   - copy the address the browser landed on (or just its code= value) and connect with`,
      `     InitiateOAuth=REFRESH;OAuthVerifier=<code> (the code works once and expires soon: use it right away),`,
      `     or run EXEC GetOAuthAccessToken AuthMode='WEB', Verifier='<code>', CallbackURL='${o.redirectUri}'.`,
    );
  } else {
    lines.push(`Waiting up to ${minutes} min for the answer at ${o.redirectUri}.`);
  }
  return lines.join('\n');
}
