import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runDesktopFlow, signInMessage } from '../../../src/auth/flows.js';
import { authorizationUrl } from '../../../src/auth/oauth.js';
import { hasDisplay, openBrowser, openerCommand } from '../../../src/auth/open-browser.js';
import { IgsqlError } from '../../../src/errors.js';

const buildUrl = (o: { redirectUri: string; state: string; scopes?: readonly string[] }) =>
  authorizationUrl({ baseUrl: 'https://graph.facebook.com', version: 'v25.0', clientId: '1234', ...o });

/** Plays the browser: follows the dialog URL's redirect_uri with a code and the state it carries. */
async function consent(url: string, outcome: 'allow' | 'deny' = 'allow'): Promise<boolean> {
  const dialog = new URL(url);
  const back = new URL(dialog.searchParams.get('redirect_uri')!);
  back.searchParams.set('state', dialog.searchParams.get('state')!);
  if (outcome === 'allow') back.searchParams.set('code', 'AQDfromBrowser');
  else back.searchParams.set('error', 'access_denied');
  await fetch(back);
  return true;
}

test('the desktop flow opens the dialog URL and returns the code', async () => {
  const seen: { url: string; opened: boolean; headless: boolean }[] = [];
  const result = await runDesktopFlow({
    authorizationUrl: buildUrl,
    callbackUrl: 'http://127.0.0.1:0/',
    scopes: ['instagram_basic'],
    openBrowser: (url) => consent(url),
    onUrl: (url, info) => void seen.push({ url, opened: info.opened, headless: info.headless }),
  });
  assert.equal(result.code, 'AQDfromBrowser');
  const dialog = new URL(seen[0]!.url);
  assert.equal(dialog.searchParams.get('redirect_uri'), result.redirectUri);
  assert.equal(dialog.searchParams.get('scope'), 'instagram_basic');
  assert.equal(dialog.searchParams.get('state')!.length, 43, '32 random bytes, base64url');
  assert.equal(seen[0]!.opened, true);
});

test('onUrl alone can drive the flow (the CLI prints, a test clicks)', async () => {
  const result = await runDesktopFlow({ authorizationUrl: buildUrl, callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: (url) => void consent(url) });
  assert.equal(result.code, 'AQDfromBrowser');
});

test('a denial in the browser fails the flow with the denial error', async () => {
  await assert.rejects(
    runDesktopFlow({ authorizationUrl: buildUrl, callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: (url) => void consent(url, 'deny') }),
    (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && /denied access/.test(err.message),
  );
});

test('the flow times out cleanly when nobody answers', async () => {
  await assert.rejects(
    runDesktopFlow({ authorizationUrl: buildUrl, callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: () => undefined, timeoutMs: 30 }),
    (err: unknown) => IgsqlError.is(err) && err.details['reason'] === 'timeout',
  );
});

test('headless machines are told about OAuthVerifier with InitiateOAuth=REFRESH, port forwarding and GetOAuthAccessToken', () => {
  const text = signInMessage('https://www.facebook.com/v25.0/dialog/oauth?x', { opened: false, headless: true, redirectUri: 'http://localhost:33333/', timeoutMs: 300_000 });
  assert.match(text, /no display/);
  assert.match(text, /https:\/\/www\.facebook\.com\/v25\.0\/dialog\/oauth\?x/);
  assert.match(text, /InitiateOAuth=REFRESH;OAuthVerifier=<code>/);
  assert.match(text, /ssh -L 33333:localhost:33333/);
  assert.match(text, /EXEC GetOAuthAccessToken AuthMode='WEB', Verifier='<code>', CallbackURL='http:\/\/localhost:33333\/'/);
  assert.match(text, /waits 5 min/);
  const opened = signInMessage('https://u', { opened: true, headless: false, redirectUri: 'http://localhost:33333/', timeoutMs: 120_000 });
  assert.match(opened, /opened your browser/);
  assert.doesNotMatch(opened, /OAuthVerifier/);
});

test('a browser is opened only where one can appear', async () => {
  assert.equal(hasDisplay({ platform: 'linux', env: {} }), false);
  assert.equal(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } }), true);
  assert.equal(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } }), true);
  assert.equal(hasDisplay({ platform: 'darwin', env: {} }), true);
  assert.equal(hasDisplay({ platform: 'win32', env: {} }), true);
  assert.equal(await openBrowser('https://x', { platform: 'linux', env: {} }), false);
  assert.deepEqual(openerCommand('https://x/?a=1&b=2', 'linux'), { command: 'xdg-open', args: ['https://x/?a=1&b=2'] });
  assert.deepEqual(openerCommand('https://x', 'darwin'), { command: 'open', args: ['https://x'] });
  assert.deepEqual(openerCommand('https://x/?a=1&b=2', 'win32'), { command: 'cmd', args: ['/c', 'start', '""', 'https://x/?a=1^&b=2'] });
});

test('a denial that arrives while the opener is still running is still reported as the flow error', async () => {
  await assert.rejects(
    runDesktopFlow({ authorizationUrl: buildUrl, callbackUrl: 'http://127.0.0.1:0/', openBrowser: async (url) => {
      await consent(url, 'deny');
      await new Promise((r) => setTimeout(r, 20));
      return true;
    }, onUrl: () => undefined }),
    (err: unknown) => IgsqlError.is(err) && /denied access/.test(err.message),
  );
});
