/**
 * The desktop flow in a real browser (headless Chromium): the consent page's Allow button lands
 * on igsql's callback server with code and state; Deny gives the denial error. The first tests
 * use a local stand-in consent page (fixtures/consent-server.ts); consent-sandbox-browser.test.ts
 * runs whole queries through the sandbox's Facebook Login dialog.
 *
 * Skipped only when Chromium is missing outside CI; under CI=true a missing Chromium fails.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runDesktopFlow } from '../../../src/auth/flows.js';
import { authorizationUrl } from '../../../src/auth/oauth.js';
import { createOAuthClient, fetchOAuthHttp } from '../../../src/auth/oauth-client.js';
import { FileTokenStore } from '../../../src/auth/token-store.js';
import { createTokenProvider } from '../../../src/auth/token-provider.js';
import { IgsqlError } from '../../../src/errors.js';
import { type TestBrowser, chromiumMissing, launchBrowser } from '../../helpers/browser.js';
import { type ConsentServer, startConsentServer } from './fixtures/consent-server.js';
import { baseProps } from '../../unit/auth/fixtures/fake-oauth.js';

const skip = process.env['CI'] ? false : (chromiumMissing() ?? false);
let browser: TestBrowser;
let consent: ConsentServer;

before(async () => {
  if (skip) return;
  browser = await launchBrowser({ ignoreHTTPSErrors: true });
  consent = await startConsentServer();
});
after(async () => {
  await browser?.close();
  await consent?.close();
});

const dialogUrl = (o: { redirectUri: string; state: string; scopes?: readonly string[] }) =>
  authorizationUrl({ baseUrl: consent.origin, version: 'v25.0', clientId: '1234', ...o });

/** Opens the consent page and clicks a button, as the user would. */
function clickIn(page: Page, button: '#allow' | '#deny'): { onUrl: (url: string) => void; done: () => Promise<void> } {
  let steps: Promise<void> = Promise.resolve();
  return {
    onUrl: (url) => {
      steps = (async () => {
        await page.goto(url);
        await page.click(button);
      })();
    },
    done: () => steps,
  };
}

test('Allow in the consent page: the callback server receives the code and the browser is told it can close', { skip }, async () => {
  const page = await browser.page();
  const user = clickIn(page, '#allow');
  const result = await runDesktopFlow({ authorizationUrl: dialogUrl, callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: user.onUrl });
  await user.done();
  assert.match(result.code, /^AQD-code-\d+$/, 'the code, without the #_=_ Facebook appends');
  await page.waitForSelector('[data-igsql-outcome="ok"]');
  assert.match((await page.textContent('body')) ?? '', /You can close this window/);
  assert.equal(new URL(page.url()).searchParams.get('code'), result.code);
  await page.close();
});

test('Deny in the consent page: a clear denial error, and the page says access was not granted', { skip }, async () => {
  const page = await browser.page();
  const user = clickIn(page, '#deny');
  await assert.rejects(
    runDesktopFlow({ authorizationUrl: dialogUrl, callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: user.onUrl }),
    (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && err.details['reason'] === 'denied' && /^The user denied access in the consent page/.test(err.message),
  );
  await user.done();
  await page.waitForSelector('[data-igsql-outcome="denied"]');
  assert.match((await page.textContent('h1')) ?? '', /Access was not granted/);
  await page.close();
});

test('an https://localhost CallbackURL works in the browser once its certificate warning is accepted', { skip }, async () => {
  const page = await browser.page();
  const user = clickIn(page, '#allow');
  const result = await runDesktopFlow({ authorizationUrl: dialogUrl, callbackUrl: 'https://localhost:0/', openBrowser: false, onUrl: user.onUrl });
  await user.done();
  assert.match(result.redirectUri, /^https:\/\/localhost:\d+\/$/);
  assert.match(result.code, /^AQD-code-\d+$/);
  await page.close();
});

test('GETANDREFRESH end to end: browser consent, code exchange and long-lived exchange over HTTP, token stored 0600', { skip }, async () => {
  const page = await browser.page();
  const user = clickIn(page, '#allow');
  const dir = await mkdtemp(join(tmpdir(), 'igsql-e2e-'));
  const props = { ...baseProps, InitiateOAuth: 'GETANDREFRESH' as const, BaseURL: consent.origin, CallbackURL: 'http://127.0.0.1:0/', OAuthSettingsLocation: dir };
  const oauth = createOAuthClient({ http: fetchOAuthHttp(), baseUrl: consent.origin, version: 'v25.0', clientId: '1234', clientSecret: 'app-secret-xyz' });
  const provider = createTokenProvider(props, { oauth, flow: { openBrowser: false, onUrl: user.onUrl } });
  const before = consent.requests.length;
  const token = await provider.token();
  await user.done();
  assert.match(token.value, /^EAAlong-\d+$/);
  const paths = consent.requests.slice(before).map((r) => r.split('?')[0]);
  assert.deepEqual(paths, ['/v25.0/dialog/oauth', '/consent/decide', '/v25.0/oauth/access_token', '/v25.0/oauth/access_token']);
  const file = join(dir, 'oauth-1234.json');
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  const stored = await new FileTokenStore(file).read();
  assert.equal(stored?.accessToken, token.value);
  assert.equal(stored?.kind, 'long-lived');
  // A second connection finds the stored token: no browser, no calls.
  const again = createTokenProvider(props, { oauth, flow: { openBrowser: false, onUrl: () => assert.fail('no second sign-in') } });
  assert.equal((await again.token()).value, token.value);
  await page.close();
});
