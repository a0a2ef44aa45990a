/**
 * The desktop flow end to end in headless Chromium against the sandbox's Facebook Login dialog:
 * a query on an InitiateOAuth=GETANDREFRESH connection with no token opens the consent page
 * (igsql's browser opener is the test's Chromium), Allow lands on igsql's callback, and the query
 * returns rows; Deny makes the query fail with a clear error. EXEC GetOAuthAccessToken
 * AuthMode='APP' takes the same path.
 *
 * Skipped only when Chromium is missing outside CI; under CI=true a missing Chromium fails.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { connect, IgsqlError } from '../../../src/index.js';
import { MemoryTokenStore } from '../../../src/auth/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { type TestBrowser, chromiumMissing, launchBrowser } from '../../helpers/browser.js';
import { appProps } from './fixtures/sandbox-user.js';

const skip = process.env['CI'] ? false : (chromiumMissing() ?? false);
let browser: TestBrowser;
let sb: Sandbox;
before(async () => {
  if (skip) return;
  browser = await launchBrowser();
  sb = await startSandbox({ port: 0 });
});
after(async () => {
  await browser?.close();
  await sb?.stop();
});

/** igsql's "open a browser" step, done by the test's Chromium: open the dialog and click a button. */
function userClicking(page: Page, button: '#allow' | '#deny') {
  let done: Promise<void> = Promise.resolve();
  const urls: string[] = [];
  return {
    flow: {
      openBrowser: (url: string) => {
        urls.push(url);
        done = (async () => {
          await page.goto(url);
          assert.equal(await page.textContent('#app-name'), sb.app.name, 'the sandbox consent page');
          await page.click(button);
        })();
        return Promise.resolve(true);
      },
      onUrl: () => undefined,
    },
    urls,
    done: () => done,
  };
}

const props = (name: string) => `${appProps(sb)};InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=memory://${name};CallbackURL=http://127.0.0.1:0/`;

test('Allow in Chromium: the query that needed the token returns rows, and the token is stored', { skip, timeout: 120_000 }, async () => {
  const page = await browser.page();
  const user = userClicking(page, '#allow');
  const conn = await connect(props('browser-allow'), { oauthFlow: user.flow });
  const { rows } = await conn.query('SELECT Id, Username FROM Account');
  await user.done();
  assert.ok(rows.length > 0 && rows.every((r) => typeof r['Username'] === 'string'));
  assert.equal(user.urls.length, 1);
  assert.equal(new URL(user.urls[0]!).searchParams.get('client_id'), sb.app.id);
  await page.waitForSelector('[data-igsql-outcome="ok"]');
  assert.match((await page.textContent('body')) ?? '', /You can close this window/);
  assert.match(page.url(), /^http:\/\/127\.0\.0\.1:\d+\/\?code=/, "the browser landed on igsql's callback");
  assert.equal((await MemoryTokenStore.named('browser-allow').read())?.kind, 'long-lived');
  assert.ok((await conn.query('SELECT COUNT(*) AS N FROM Media')).rows[0]!['N'] as number > 0, 'later queries reuse the token');
  assert.equal(user.urls.length, 1, 'no second sign-in');
  await conn.close();
  await page.close();
});

test('Deny in Chromium: the query fails with a clear error, and the page says access was not granted', { skip, timeout: 120_000 }, async () => {
  const page = await browser.page();
  const user = userClicking(page, '#deny');
  const conn = await connect(props('browser-deny'), { oauthFlow: user.flow });
  await assert.rejects(
    conn.query('SELECT Id FROM Account'),
    (e: unknown) => IgsqlError.is(e) && e.code === 'auth' && e.details['reason'] === 'denied' && /denied access in the consent page/.test(e.message),
  );
  await user.done();
  await page.waitForSelector('[data-igsql-outcome="denied"]');
  assert.match((await page.textContent('h1')) ?? '', /Access was not granted/);
  assert.equal(await MemoryTokenStore.named('browser-deny').read(), undefined, 'nothing stored');
  await conn.close();
  await page.close();
});

test("EXEC GetOAuthAccessToken AuthMode='APP' in Chromium returns a working long-lived token", { skip, timeout: 120_000 }, async () => {
  const page = await browser.page();
  const user = userClicking(page, '#allow');
  const conn = await connect(`${appProps(sb)};CallbackURL=http://127.0.0.1:0/`, { oauthFlow: user.flow });
  const { rows } = await conn.query("EXEC GetOAuthAccessToken AuthMode = 'APP'");
  await user.done();
  const token = String(rows[0]!['OAuthAccessToken']);
  assert.ok(Number(rows[0]!['ExpiresIn']) > 50 * 86_400);
  const check = await connect(`BaseURL=${sb.url};OAuthAccessToken=${token}`);
  assert.ok((await check.query('SELECT Id FROM Account')).rowCount > 0);
  await check.close();
  await conn.close();
  await page.close();
});
