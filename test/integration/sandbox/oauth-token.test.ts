/** /oauth/access_token: code exchange rules, fb_exchange_token, client_credentials, lifetimes on the clock. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, get, recorded } from './helpers.js';
import { authorize, exchangeCode, REDIRECT, tokenEndpoint } from './oauth-helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = createManualClock('2026-05-19T23:27:28Z');
let sb: Sandbox;

before(async () => {
  sb = await startSandbox({ seed: 6, clock, oauth: { apps: [{ name: 'Other App', id: '555000111222', secret: 'abcdef0123456789abcdef0123456789' }] } });
});
after(() => sb.stop());

function assertOAuthError(reply: { status: number; body: any; headers: Headers }, code: number, message: string, subcode?: number): void {
  assert.equal(reply.status, 400, JSON.stringify(reply.body));
  assert.equal(reply.body.error.type, 'OAuthException');
  assert.equal(reply.body.error.code, code);
  assert.equal(reply.body.error.message, message);
  assert.equal(reply.body.error.error_subcode, subcode);
}

test('a code is single-use: the second exchange fails with "This authorization code has been used."', async () => {
  const code = await authorize(sb, { scope: 'instagram_basic' });
  const first = await exchangeCode(sb, code);
  assert.equal(first.status, 200);
  const second = await exchangeCode(sb, code);
  assertOAuthError(second, 100, 'This authorization code has been used.', 36009);
  assert.equal(second.headers.get('www-authenticate'), 'OAuth "Facebook Platform" "invalid_code" "This authorization code has been used."');
});

test('codes expire after 10 minutes on the sandbox clock', async () => {
  const fresh = await authorize(sb);
  clock.advance(10 * 60_000 - 1000);
  assert.equal((await exchangeCode(sb, fresh)).status, 200);
  const stale = await authorize(sb);
  clock.advance(10 * 60_000);
  assertOAuthError(await exchangeCode(sb, stale), 100, 'This authorization code has expired.', 36007);
});

test('redirect_uri must be identical; the code is bound to its client_id; wrong secrets fail', async () => {
  const code = await authorize(sb);
  assertOAuthError(await exchangeCode(sb, code, { redirect_uri: `${REDIRECT}/` }), 100,
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 36008);
  assertOAuthError(await exchangeCode(sb, code, { client_secret: 'f'.repeat(32) }), 1, 'Error validating client secret.');
  assertOAuthError(await exchangeCode(sb, code, { client_id: '555000111222', client_secret: 'abcdef0123456789abcdef0123456789' }), 100, 'Invalid verification code format.');
  assertOAuthError(await exchangeCode(sb, 'AQnotacode'), 100, 'Invalid verification code format.');
  assert.equal((await exchangeCode(sb, code)).status, 200, 'failed attempts do not use the code up');
});

test('missing or unknown parameters: 101, 191, code 1 and the missing code', async () => {
  assertOAuthError(await tokenEndpoint(sb, { client_secret: sb.app.secret, code: 'x' }), 101, 'Missing client_id parameter.');
  assertOAuthError(await tokenEndpoint(sb, { client_id: '999999999', client_secret: sb.app.secret }), 101, 'Error validating application. Invalid application ID.');
  assertOAuthError(await tokenEndpoint(sb, { client_id: sb.app.id, code: 'x', redirect_uri: REDIRECT }), 1, 'Missing client_secret parameter.');
  assertOAuthError(await tokenEndpoint(sb, { client_id: sb.app.id, client_secret: sb.app.secret, code: 'x' }), 191, 'Missing redirect_uri parameter.');
  assertOAuthError(await tokenEndpoint(sb, { client_id: sb.app.id, client_secret: sb.app.secret, redirect_uri: 'cb' }), 191, "redirect_uri isn't an absolute URI. Check RFC 3986.");
  assertOAuthError(await tokenEndpoint(sb, { client_id: sb.app.id, client_secret: sb.app.secret, redirect_uri: REDIRECT }), 100, 'Missing authorization code');
  const grant = await tokenEndpoint(sb, { client_id: sb.app.id, client_secret: sb.app.secret, grant_type: 'password' });
  assert.equal(grant.body.error.code, 100);
  assert.match(grant.body.error.message, /grant_type "password"/);
});

test('the code exchange works with POST too; secrets never reach the request log', async () => {
  const code = await authorize(sb);
  const posted = await tokenEndpoint(sb, { client_id: sb.app.id, redirect_uri: REDIRECT, client_secret: sb.app.secret, code }, 'POST');
  assert.equal(posted.status, 200);
  const logged = JSON.stringify(sb.requests.filter((r) => r.endpoint.includes('/oauth/access_token')));
  assert.ok(logged.length > 0);
  for (const secret of [sb.app.secret, code, posted.body.access_token]) assert.ok(!logged.includes(secret));
});

test('short-lived tokens from the code die after 2 hours; their Page tokens after 1 hour', async () => {
  const token = (await exchangeCode(sb, await authorize(sb, { scope: 'pages_show_list,instagram_basic' }))).body.access_token;
  const pageToken = (await get(sb, '/v25.0/me/accounts?fields=access_token', token)).data[0].access_token;
  assert.equal((await call(sb, '/v25.0/me', { token: pageToken })).status, 200);
  clock.advance(HOUR);
  const pageExpired = await call(sb, '/v25.0/me', { token: pageToken });
  assert.equal(pageExpired.body.error.error_subcode, 463);
  assert.equal((await call(sb, '/v25.0/me', { token })).status, 200);
  clock.advance(HOUR);
  const userExpired = await call(sb, '/v25.0/me', { token });
  assert.equal(userExpired.body.error.code, 190);
  assert.equal(userExpired.body.error.error_subcode, 463);
  assert.match(userExpired.body.error.message, /^Error validating access token: Session has expired on /);
});

test('fb_exchange_token: a 60-day token (expires_in 5183944) whose Page tokens never expire; expired tokens cannot be exchanged', async () => {
  const short = (await exchangeCode(sb, await authorize(sb, { scope: 'pages_show_list,instagram_basic' }))).body.access_token;
  const exchanged = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: sb.app.id, client_secret: sb.app.secret, fb_exchange_token: short });
  assert.equal(exchanged.status, 200);
  const fixture = recorded('base/long_term_token.json');
  assert.deepEqual(Object.keys(exchanged.body), Object.keys(fixture));
  for (const key of Object.keys(fixture)) assert.equal(typeof exchanged.body[key], typeof fixture[key], key);
  assert.equal(exchanged.body.expires_in, 5_183_944);
  const long = exchanged.body.access_token;
  assert.notEqual(long, short);
  const pageToken = (await get(sb, '/v25.0/me/accounts?fields=access_token', long)).data[0].access_token;
  clock.advance(59 * DAY);
  assert.equal((await call(sb, '/v25.0/me', { token: long })).status, 200);
  clock.advance(DAY);
  assert.equal((await call(sb, '/v25.0/me', { token: long })).body.error.error_subcode, 463, '60 days less a minute');
  assert.equal((await call(sb, '/v25.0/me?fields=id', { token: pageToken })).status, 200, 'Page token from a long-lived token never expires');
  assert.equal(sb.core.tokens.lookup(pageToken)!.expiresAt, 0);
  const again = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: sb.app.id, client_secret: sb.app.secret, fb_exchange_token: long });
  assert.equal(again.status, 400);
  assert.equal(again.body.error.code, 190);
  assert.equal(again.body.error.error_subcode, 463);
  const unknown = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: sb.app.id, client_secret: sb.app.secret, fb_exchange_token: 'EAAnope' });
  assert.equal(unknown.body.error.message, 'Invalid OAuth access token - Cannot parse access token');
  const missing = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: sb.app.id, client_secret: sb.app.secret });
  assert.equal(missing.body.error.message, '(#100) The parameter fb_exchange_token is required');
});

test('fb_exchange_token rejects other apps\' tokens and app tokens; a Page token exchanges to a never-expiring one', async () => {
  const user = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id }).token;
  const other = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: '555000111222', client_secret: 'abcdef0123456789abcdef0123456789', fb_exchange_token: user });
  assert.equal(other.body.error.error_subcode, 458);
  const app = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: sb.app.id, client_secret: sb.app.secret, fb_exchange_token: sb.tokens.app });
  assert.deepEqual([app.body.error.code, app.body.error.message], [190, 'Invalid OAuth access token.']);
  const page = await tokenEndpoint(sb, { grant_type: 'fb_exchange_token', client_id: sb.app.id, client_secret: sb.app.secret, fb_exchange_token: sb.tokens.page });
  assert.deepEqual(Object.keys(page.body), ['access_token', 'token_type']);
  assert.equal(sb.core.tokens.lookup(page.body.access_token)!.type, 'PAGE');
});

test('a long code-exchange lifetime (5183976) makes long-lived tokens whose Page tokens never expire', async () => {
  const longApp = await startSandbox({ seed: 6, clock, oauth: { codeExchangeExpiresIn: 5_183_976 } });
  try {
    const answer = (await exchangeCode(longApp, await authorize(longApp, { scope: 'pages_show_list,instagram_basic' }))).body;
    assert.equal(answer.expires_in, 5_183_976);
    const pageToken = (await get(longApp, '/v25.0/me/accounts?fields=access_token', answer.access_token)).data[0].access_token;
    assert.equal(longApp.core.tokens.lookup(pageToken)!.expiresAt, 0);
  } finally {
    await longApp.stop();
  }
});

test('client_credentials gives a stable app token of the app that works as an app token', async () => {
  const first = await tokenEndpoint(sb, { grant_type: 'client_credentials', client_id: sb.app.id, client_secret: sb.app.secret });
  assert.deepEqual(Object.keys(first.body), ['access_token', 'token_type']);
  assert.match(first.body.access_token, new RegExp(`^${sb.app.id}\\|[A-Za-z0-9_-]{27}$`));
  assert.ok(!first.body.access_token.includes(sb.app.secret));
  const second = await tokenEndpoint(sb, { grant_type: 'client_credentials', client_id: sb.app.id, client_secret: sb.app.secret });
  assert.equal(second.body.access_token, first.body.access_token);
  const user = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id }).token;
  const debug = await get(sb, `/v25.0/debug_token?input_token=${user}`, first.body.access_token);
  assert.equal(debug.data.is_valid, true);
  assert.equal((await call(sb, '/v25.0/me', { token: first.body.access_token })).body.error.code, 2500);
});
