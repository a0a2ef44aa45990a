/** Mode selection and the static providers (InitiateOAuth=OFF, AuthScheme=AccessToken/SystemUser). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authMode, createTokenProvider } from '../../../src/auth/token-provider.js';
import { GraphApiError, IgsqlError } from '../../../src/errors.js';
import { baseProps, fakeOAuth, tokenError } from './fixtures/fake-oauth.js';

const TOKEN = 'EAAgivenUserToken';

test('the mode follows AuthScheme, then InitiateOAuth', () => {
  assert.equal(authMode({ AuthScheme: 'SystemUser', InitiateOAuth: 'GETANDREFRESH' }), 'system-user');
  assert.equal(authMode({ AuthScheme: 'AccessToken', InitiateOAuth: 'GETANDREFRESH' }), 'static');
  assert.equal(authMode({ AuthScheme: 'OAuth', InitiateOAuth: 'OFF' }), 'static');
  assert.equal(authMode({ AuthScheme: 'OAuth', InitiateOAuth: 'REFRESH' }), 'oauth');
  assert.equal(authMode({ AuthScheme: 'OAuth', InitiateOAuth: 'GETANDREFRESH' }), 'oauth');
});

test('OFF: OAuthAccessToken as given, in the query, with the app secret for appsecret_proof', async () => {
  const provider = createTokenProvider({ ...baseProps, OAuthAccessToken: TOKEN }, { oauth: fakeOAuth() });
  assert.equal(provider.mode, 'static');
  assert.deepEqual(await provider.token(), { value: TOKEN, scheme: 'query', appSecret: 'app-secret-xyz' });
  const noSecret = createTokenProvider({ ...baseProps, OAuthAccessToken: TOKEN, OAuthClientSecret: '' }, { oauth: fakeOAuth() });
  assert.deepEqual(await noSecret.token(), { value: TOKEN, scheme: 'query' });
});

test('OFF: a refused token is an auth error that says what to do next; other errors are not its business', async () => {
  const provider = createTokenProvider({ ...baseProps, OAuthAccessToken: TOKEN }, { oauth: fakeOAuth() });
  await assert.rejects(provider.onAuthError(tokenError(463)), (err: unknown) => {
    assert.ok(IgsqlError.is(err) && err.code === 'auth');
    assert.match(err.message, /^The access token no longer works: the token has expired\./);
    assert.match(err.message, /Set a new OAuthAccessToken, or let igsql keep it alive: InitiateOAuth=REFRESH with OAuthClientId and OAuthClientSecret/);
    assert.ok(!err.message.includes(TOKEN));
    assert.ok(err.cause instanceof GraphApiError);
    return true;
  });
  assert.equal(await provider.onAuthError(new GraphApiError({ message: 'x', code: 100 }, 400)), false);
});

test('OFF without a token: the error lists every way to get one', async () => {
  const provider = createTokenProvider({ ...baseProps }, { oauth: fakeOAuth() });
  await assert.rejects(provider.token(), (err: unknown) => {
    assert.ok(IgsqlError.is(err) && err.code === 'auth');
    assert.match(err.message, /InitiateOAuth=OFF and OAuthAccessToken is empty/);
    assert.match(err.message, /set OAuthAccessToken=<a user token>/);
    assert.match(err.message, /InitiateOAuth=GETANDREFRESH with OAuthClientId and OAuthClientSecret/);
    assert.match(err.message, /EXEC GetOAuthAuthorizationURL.*InitiateOAuth=REFRESH;OAuthVerifier=<code>/);
    return true;
  });
});

test('SystemUser: bearer scheme; without a token, where to make one', async () => {
  const provider = createTokenProvider({ ...baseProps, AuthScheme: 'SystemUser', InitiateOAuth: 'GETANDREFRESH', OAuthAccessToken: TOKEN }, { oauth: fakeOAuth() });
  assert.equal(provider.mode, 'system-user');
  assert.equal((await provider.token()).scheme, 'bearer');
  await assert.rejects(provider.onAuthError(tokenError(467)), /Generate a new System User token/);
  const empty = createTokenProvider({ ...baseProps, AuthScheme: 'SystemUser' }, { oauth: fakeOAuth() });
  await assert.rejects(empty.token(), /AuthScheme=SystemUser needs the System User token in OAuthAccessToken/);
});

test('AccessToken scheme never starts a flow, whatever InitiateOAuth says', async () => {
  const oauth = fakeOAuth();
  const provider = createTokenProvider({ ...baseProps, AuthScheme: 'AccessToken', InitiateOAuth: 'GETANDREFRESH' }, { oauth, runFlow: () => assert.fail('no flow') });
  await assert.rejects(provider.token(), /No access token/);
  assert.deepEqual(oauth.calls, []);
});

test('AuthenticateAsPage (static): the Page token by name, fetched once, fetched again after a 190', async () => {
  const oauth = fakeOAuth();
  const provider = createTokenProvider({ ...baseProps, OAuthAccessToken: TOKEN, AuthenticateAsPage: 'shop' }, { oauth });
  assert.deepEqual(await provider.token(), { value: 'page-token-111', scheme: 'query', appSecret: 'app-secret-xyz' });
  await provider.token();
  assert.deepEqual(oauth.calls, [`me ${TOKEN}`, `pages ${TOKEN} 1020`]);
  assert.equal(await provider.onAuthError(tokenError()), true);
  await provider.token();
  assert.equal(oauth.calls.filter((c) => c.startsWith('pages')).length, 2);
  // A second 190 right after: the user token itself is the problem.
  await assert.rejects(provider.onAuthError(tokenError()), /no longer works/);
});

test('AuthenticateAsPage: an unknown Page lists the Pages; a Page without a token says why', async () => {
  const unknown = createTokenProvider({ ...baseProps, OAuthAccessToken: TOKEN, AuthenticateAsPage: 'Nope' }, { oauth: fakeOAuth() });
  await assert.rejects(unknown.token(), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /AuthenticateAsPage "Nope" matches no Page id or name: the user's Pages are "Shop" \(111\), "Blog" \(222\)/.test(err.message));
  const noToken = createTokenProvider({ ...baseProps, OAuthAccessToken: TOKEN, AuthenticateAsPage: '222' }, { oauth: fakeOAuth() });
  await assert.rejects(noToken.token(), (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && /Page "Blog" \(222\) gave no Page token: your role on it \(tasks ANALYZE\)/.test(err.message));
});
