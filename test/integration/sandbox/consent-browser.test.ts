/**
 * The sandbox's Facebook Login dialog in a real browser (headless Chromium, test/helpers/browser.ts):
 * igsql's own desktop flow opens it, the "user" clicks #allow or #deny, and the rest runs over HTTP
 * against the sandbox: code exchange, long-lived exchange, debug_token, appsecret_proof.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { runDesktopFlow } from '../../../src/auth/flows.js';
import { createOAuthClient, fetchOAuthHttp } from '../../../src/auth/oauth-client.js';
import { IgsqlError } from '../../../src/errors.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { chromiumMissing, launchBrowser, type TestBrowser } from '../../helpers/browser.js';

const skip = chromiumMissing();
let browser: TestBrowser;
let sb: Sandbox;

before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  sb = await startSandbox({ seed: 21, oauth: { requireAppSecretProof: true } });
});
after(async () => {
  await browser?.close();
  await sb?.stop();
});

function clickIn(page: Page, button: '#allow' | '#deny'): { onUrl: (url: string) => void; done: () => Promise<void> } {
  let steps: Promise<void> = Promise.resolve();
  return {
    onUrl: (url) => {
      steps = (async () => {
        await page.goto(url);
        assert.equal(await page.textContent('#app-name'), 'igsql Sandbox App');
        await page.click(button);
      })();
    },
    done: () => steps,
  };
}

test('Allow: the code reaches igsql\'s callback server and buys a 60-day token that works with appsecret_proof', { skip }, async () => {
  const page = await browser.page();
  const oauth = createOAuthClient({ http: fetchOAuthHttp(), baseUrl: sb.url, version: 'v25.0', clientId: sb.app.id, clientSecret: sb.app.secret, appSecretProof: true });
  const user = clickIn(page, '#allow');
  const result = await runDesktopFlow({
    authorizationUrl: (o) => oauth.authorizationUrl(o), callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: user.onUrl,
    scopes: ['instagram_basic', 'pages_show_list', 'instagram_manage_insights'],
  });
  await user.done();
  assert.match(result.code, /^AQ[A-Za-z0-9_-]+$/, 'the code, without the #_=_');
  const short = await oauth.exchangeCode(result.code, result.redirectUri);
  const long = await oauth.exchangeForLongLived(short.accessToken);
  const me = await oauth.me(long.accessToken);
  assert.equal(me.name, 'Sam Sandbox');
  const pages = await oauth.pages(long.accessToken, me.id);
  assert.equal(pages.length, 3);
  const info = await oauth.debugToken(long.accessToken);
  assert.equal(info.isValid, true);
  const endpoints = sb.requests.map((r) => r.endpoint);
  assert.ok(endpoints.includes('GET /dialog/oauth') && endpoints.includes('POST /dialog/oauth'), endpoints.join(', '));
  await page.close();
});

test('Deny: igsql reports the denial the sandbox redirected with', { skip }, async () => {
  const page = await browser.page();
  const oauth = createOAuthClient({ http: fetchOAuthHttp(), baseUrl: sb.url, version: 'v25.0', clientId: sb.app.id, clientSecret: sb.app.secret });
  const user = clickIn(page, '#deny');
  await assert.rejects(
    runDesktopFlow({ authorizationUrl: (o) => oauth.authorizationUrl(o), callbackUrl: 'http://127.0.0.1:0/', openBrowser: false, onUrl: user.onUrl }),
    (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && err.details['reason'] === 'denied',
  );
  await user.done();
  await page.close();
});
