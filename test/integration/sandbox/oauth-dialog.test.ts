/** The Facebook Login dialog: the consent page's form, Allow/Deny redirects, error pages, options. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { get } from './helpers.js';
import { authorize, dialogUrl, exchangeCode, parseForm, REDIRECT, submit } from './oauth-helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
let sb: Sandbox;

before(async () => {
  sb = await startSandbox({ seed: 5, clock });
});
after(() => sb.stop());

test('the consent page names the app and the scopes and holds a form with #allow and #deny', async () => {
  const response = await fetch(dialogUrl(sb, { state: 'st&"<>', scope: 'instagram_basic,pages_show_list nonsense_scope' }));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  const html = await response.text();
  assert.match(html, /<h1 id="app-name">igsql Sandbox App<\/h1>/);
  const scopes = [...html.matchAll(/data-scope="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(scopes, ['public_profile', 'instagram_basic', 'pages_show_list']);
  assert.match(html, /id="unknown-scopes"[^>]*>[^<]*nonsense_scope/);
  const form = parseForm(html);
  assert.equal(form.method, 'POST');
  assert.equal(form.action, '/v25.0/dialog/oauth');
  assert.deepEqual(Object.fromEntries(form.fields), {
    client_id: sb.app.id, redirect_uri: REDIRECT, response_type: 'code', scope: 'instagram_basic,pages_show_list nonsense_scope',
    state: 'st&"<>', user_id: sb.core.data.world.users[0]!.id,
  });
  assert.deepEqual(form.buttons.get('allow'), { name: '__CONFIRM__', value: '1' });
  assert.deepEqual(form.buttons.get('deny'), { name: '__CANCEL__', value: '1' });
  assert.ok(!html.includes('st&"<>'), 'state is HTML-escaped');
});

test('Allow redirects with a code and the state (#_=_ appended); the code buys a token with the granted scopes', async () => {
  const page = await (await fetch(dialogUrl(sb, { state: 'abc 123', scope: 'instagram_basic,pages_show_list,bogus' }))).text();
  const location = await submit(sb, parseForm(page), 'allow');
  assert.ok(location.startsWith(`${REDIRECT}?code=AQ`), location);
  assert.ok(location.endsWith('&state=abc+123#_=_'), location);
  const code = new URL(location).searchParams.get('code')!;
  const exchanged = await exchangeCode(sb, code);
  assert.equal(exchanged.status, 200);
  assert.deepEqual(Object.keys(exchanged.body), ['access_token', 'token_type', 'expires_in']);
  assert.equal(exchanged.body.token_type, 'bearer');
  assert.equal(exchanged.body.expires_in, 7200);
  const permissions = await get(sb, '/v25.0/me/permissions', exchanged.body.access_token);
  assert.deepEqual(permissions.data, [
    { permission: 'public_profile', status: 'granted' }, { permission: 'instagram_basic', status: 'granted' }, { permission: 'pages_show_list', status: 'granted' },
  ]);
  assert.equal((await get(sb, '/v25.0/me', exchanged.body.access_token)).name, 'Sam Sandbox');
});

test('Deny redirects with access_denied, error_code 200, Permissions error, user_denied and the state', async () => {
  const page = await (await fetch(dialogUrl(sb, { state: 'xyz' }))).text();
  const location = await submit(sb, parseForm(page), 'deny');
  assert.equal(location, `${REDIRECT}?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=xyz#_=_`);
});

test('the user select chooses who consents; an existing query string on redirect_uri is kept', async () => {
  const alex = sb.core.data.world.users[1]!;
  const redirect = 'http://127.0.0.1:9000/cb?app=igsql';
  const page = await (await fetch(dialogUrl(sb, { redirect_uri: redirect, scope: 'pages_show_list,instagram_basic' }))).text();
  const location = await submit(sb, parseForm(page), 'allow', { user_id: alex.id });
  assert.ok(location.startsWith(`${redirect}&code=`), location);
  const token = (await exchangeCode(sb, new URL(location).searchParams.get('code')!, { redirect_uri: redirect })).body.access_token;
  assert.equal((await get(sb, '/v25.0/me', token)).name, 'Alex Analyst');
  assert.equal((await get(sb, '/v25.0/me/accounts', token)).data.length, 1);
});

test('a POST without a button shows the page again; the unversioned dialog works', async () => {
  const response = await fetch(`${sb.url}/dialog/oauth`, { method: 'POST', body: new URLSearchParams({ client_id: sb.app.id, redirect_uri: REDIRECT }) });
  assert.equal(response.status, 200);
  assert.equal(parseForm(await response.text()).action, '/v25.0/dialog/oauth');
  const code = await authorize(sb);
  assert.match(code, /^AQ[A-Za-z0-9_-]{100,}$/);
});

test('response_type=token answers in the fragment; granted_scopes lists what was granted', async () => {
  const page = await (await fetch(dialogUrl(sb, { response_type: 'token granted_scopes', scope: 'instagram_basic', state: 's1' }))).text();
  const location = new URL(await submit(sb, parseForm(page), 'allow'));
  assert.equal(location.search, '');
  const fragment = new URLSearchParams(location.hash.slice(1));
  assert.deepEqual([...fragment.keys()], ['access_token', 'data_access_expiration_time', 'expires_in', 'granted_scopes', 'denied_scopes', 'state']);
  assert.equal(fragment.get('expires_in'), '7200');
  assert.equal(fragment.get('granted_scopes'), 'public_profile,instagram_basic');
  assert.equal(fragment.get('state'), 's1');
  assert.equal((await get(sb, '/v25.0/me?fields=id', fragment.get('access_token')!)).id, sb.core.data.world.users[0]!.id);
});

async function errorPage(url: string): Promise<{ status: number; title: string; message: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  const html = await response.text();
  return { status: response.status, title: /id="error-title">([^<]*)</.exec(html)?.[1] ?? '', message: /id="error-message">([^<]*)</.exec(html)?.[1] ?? '' };
}

test('bad client_id, missing or blocked redirect_uri and a bad response_type give HTML error pages, no redirect', async () => {
  assert.deepEqual(await errorPage(`${sb.url}/v25.0/dialog/oauth?redirect_uri=${REDIRECT}`), { status: 400, title: 'Error', message: 'The parameter app_id is required' });
  assert.deepEqual(await errorPage(dialogUrl(sb, { client_id: '123456' })), { status: 400, title: 'Invalid App ID', message: 'The provided app ID &quot;123456&quot; does not look like a valid app ID.' });
  assert.deepEqual(await errorPage(`${sb.url}/v25.0/dialog/oauth?client_id=${sb.app.id}`), { status: 400, title: 'Error', message: 'The parameter redirect_uri is required' });
  const blocked = await errorPage(dialogUrl(sb, { redirect_uri: 'https://evil.example/cb' }));
  assert.equal(blocked.title, 'URL Blocked');
  assert.match(blocked.message, /^This redirect failed because the redirect URI is not whitelisted/);
  assert.equal((await errorPage(dialogUrl(sb, { redirect_uri: '/relative' }))).message, "redirect_uri isn&#39;t an absolute URI. Check RFC 3986.");
  assert.match((await errorPage(dialogUrl(sb, { response_type: 'id_token' }))).message, /^Invalid response_type/);
  const forged = await fetch(`${sb.url}/v25.0/dialog/oauth`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ client_id: sb.app.id, redirect_uri: 'https://evil.example/cb', __CONFIRM__: '1' }),
  });
  assert.equal(forged.status, 400, 'a posted form is validated again');
});

test('configured redirect URIs match exactly; autoApprove redirects without the page', async () => {
  const strict = await startSandbox({ seed: 5, clock, oauth: { redirectUris: ['https://app.example/cb'], autoApprove: true } });
  try {
    const ok = await fetch(`${strict.url}/v25.0/dialog/oauth?client_id=${strict.app.id}&redirect_uri=${encodeURIComponent('https://app.example/cb')}&state=q`, { redirect: 'manual' });
    assert.equal(ok.status, 302);
    assert.match(ok.headers.get('location')!, /^https:\/\/app\.example\/cb\?code=AQ[^&]+&state=q#_=_$/);
    for (const bad of ['https://app.example/cb/', REDIRECT, 'https://app.example/cb?x=1']) {
      const blocked = await fetch(`${strict.url}/v25.0/dialog/oauth?client_id=${strict.app.id}&redirect_uri=${encodeURIComponent(bad)}`, { redirect: 'manual' });
      assert.equal(blocked.status, 400, bad);
    }
    (strict.core.state.get('oauth') as { autoApprove: boolean }).autoApprove = false;
    const page = await fetch(`${strict.url}/v25.0/dialog/oauth?client_id=${strict.app.id}&redirect_uri=${encodeURIComponent('https://app.example/cb')}`);
    assert.equal(page.status, 200, 'autoApprove can be switched off at run time');
  } finally {
    await strict.stop();
  }
});
