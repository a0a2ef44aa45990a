import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { appSecretProof, timedAppSecretProof } from '../../../src/auth/app-secret-proof.js';
import {
  DEFAULT_SCOPES,
  accountsUrl,
  appAccessToken,
  authorizationUrl,
  codeExchangeUrl,
  debugTokenUrl,
  dialogBase,
  longLivedExchangeUrl,
  meUrl,
  parseScopes,
} from '../../../src/auth/oauth.js';
import { IgsqlError } from '../../../src/errors.js';

const fb = { baseUrl: 'https://graph.facebook.com', version: 'v25.0' };
const sandbox = { baseUrl: 'http://127.0.0.1:4567', version: 'v25.0' };

test('the default scopes are the seven igsql needs', () => {
  assert.deepEqual(DEFAULT_SCOPES, [
    'instagram_basic',
    'instagram_manage_insights',
    'instagram_manage_comments',
    'instagram_content_publish',
    'pages_show_list',
    'pages_read_engagement',
    'business_management',
  ]);
});

test('scopes split on commas and spaces, trimmed and de-duplicated', () => {
  assert.deepEqual(parseScopes(' instagram_basic, pages_show_list  instagram_basic,,'), ['instagram_basic', 'pages_show_list']);
  assert.deepEqual(parseScopes(['a', ' b ', 'a']), ['a', 'b']);
  assert.deepEqual(parseScopes(undefined), []);
});

test('the dialog host: www.facebook.com for Facebook, BaseURL itself for anything else', () => {
  assert.equal(dialogBase('https://graph.facebook.com'), 'https://www.facebook.com');
  assert.equal(dialogBase('https://graph.facebook.com/'), 'https://www.facebook.com');
  assert.equal(dialogBase('https://graph.beta.facebook.com'), 'https://www.beta.facebook.com');
  assert.equal(dialogBase('http://127.0.0.1:4567'), 'http://127.0.0.1:4567');
  assert.equal(dialogBase('https://proxy.corp/graph/'), 'https://proxy.corp/graph');
  // Look-alike hosts are not Facebook.
  assert.equal(dialogBase('https://graph.facebook.com.evil.example'), 'https://graph.facebook.com.evil.example');
  assert.throws(() => dialogBase('ftp://x'), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /BaseURL/.test(err.message));
});

test('the authorization URL carries client_id, redirect_uri, state, response_type=code and the scopes', () => {
  const url = authorizationUrl({ ...fb, clientId: '1234', redirectUri: 'http://localhost:33333/', state: 's t&x' });
  assert.equal(url.origin + url.pathname, 'https://www.facebook.com/v25.0/dialog/oauth');
  assert.equal(url.searchParams.get('client_id'), '1234');
  assert.equal(url.searchParams.get('redirect_uri'), 'http://localhost:33333/');
  assert.equal(url.searchParams.get('state'), 's t&x');
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('scope'), DEFAULT_SCOPES.join(','));
  const onSandbox = authorizationUrl({ ...sandbox, clientId: '1', redirectUri: 'http://127.0.0.1:9/cb', state: 'x', scopes: ['instagram_basic'], authType: 'rerequest' });
  assert.equal(onSandbox.href, 'http://127.0.0.1:4567/v25.0/dialog/oauth?client_id=1&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&state=x&response_type=code&scope=instagram_basic&auth_type=rerequest');
});

test('the state round-trips through the URL whatever it holds (property)', () => {
  fc.assert(
    fc.property(fc.string(), (state) => {
      assert.equal(authorizationUrl({ ...fb, clientId: '1', redirectUri: 'http://localhost:1/', state }).searchParams.get('state'), state);
    }),
  );
});

test('the code exchange and long-lived exchange requests', () => {
  const code = codeExchangeUrl({ ...fb, clientId: '1234', clientSecret: 'sec', redirectUri: 'http://localhost:33333/', code: 'AQD' });
  assert.equal(code.href, 'https://graph.facebook.com/v25.0/oauth/access_token?client_id=1234&redirect_uri=http%3A%2F%2Flocalhost%3A33333%2F&client_secret=sec&code=AQD');
  const long = longLivedExchangeUrl({ ...sandbox, clientId: '1234', clientSecret: 'sec', accessToken: 'EAAshort' });
  assert.equal(long.href, 'http://127.0.0.1:4567/v25.0/oauth/access_token?grant_type=fb_exchange_token&client_id=1234&client_secret=sec&fb_exchange_token=EAAshort');
});

test('missing credentials are config errors naming the properties, never the values', () => {
  assert.throws(
    () => codeExchangeUrl({ ...fb, clientId: '', clientSecret: '', redirectUri: 'http://localhost:33333/', code: 'AQD' }),
    (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /OAuthClientId, OAuthClientSecret/.test(err.message) && !err.message.includes('AQD'),
  );
  assert.throws(() => longLivedExchangeUrl({ ...fb, clientId: '1', clientSecret: 's', accessToken: '' }), /OAuthAccessToken/);
});

test('debug_token, /me and /{user-id}/accounts requests', () => {
  assert.equal(appAccessToken('1234', 'sec'), '1234|sec');
  const debug = debugTokenUrl({ ...fb, inputToken: 'EAAx', accessToken: '1234|sec' });
  assert.equal(debug.pathname, '/v25.0/debug_token');
  assert.equal(debug.searchParams.get('input_token'), 'EAAx');
  assert.equal(debug.searchParams.get('access_token'), '1234|sec');
  assert.equal(meUrl({ ...fb, accessToken: 'EAAx' }).search, '?fields=id%2Cname&access_token=EAAx');
  const accounts = accountsUrl({ ...fb, userId: '1020', accessToken: 'EAAx', after: 'QVF', appSecretProof: 'abc' });
  assert.equal(accounts.pathname, '/v25.0/1020/accounts');
  assert.equal(accounts.searchParams.get('fields'), 'id,name,access_token,tasks,instagram_business_account{id,username}');
  assert.equal(accounts.searchParams.get('after'), 'QVF');
  assert.equal(accounts.searchParams.get('limit'), '100');
  assert.equal(accounts.searchParams.get('appsecret_proof'), 'abc');
});

test('appsecret_proof: HMAC-SHA256 hex of the token keyed with the secret (checked against openssl)', () => {
  // echo -n "EAAtoken" | openssl dgst -sha256 -hmac "app-secret"
  assert.equal(appSecretProof('EAAtoken', 'app-secret'), '9f9f0867bc3df2d00cecd6aa6fb78e65b64c050401bd6ec5b84d98503d443d34');
  // echo -n "EAAtoken|1700000000" | openssl dgst -sha256 -hmac "app-secret"
  assert.deepEqual(timedAppSecretProof('EAAtoken', 'app-secret', 1_700_000_000_999), {
    appsecret_proof: '6c6492caf6eabfe1fb8bd475ebdaf113c87b0af258d84fd4c78994110be752c8',
    appsecret_time: '1700000000',
  });
});
