/** InitiateOAuth=GETANDREFRESH and REFRESH against a fake OAuth seam and memory stores. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DesktopFlowOptions } from '../../../src/auth/flows.js';
import { MemoryTokenStore } from '../../../src/auth/memory-token-store.js';
import type { AuthProperties } from '../../../src/auth/provider-types.js';
import type { StoredTokens } from '../../../src/auth/stored-tokens.js';
import { createTokenProvider } from '../../../src/auth/token-provider.js';
import { GraphApiError, IgsqlError } from '../../../src/errors.js';
import { LONG, baseProps, fakeOAuth, tokenError } from './fixtures/fake-oauth.js';

const DAY = 86_400_000;

function setup(props: Partial<AuthProperties>, options: { tokens?: StoredTokens; oauth?: ReturnType<typeof fakeOAuth> } = {}) {
  const clock = { now: 1_800_000_000_000 };
  const oauth = options.oauth ?? fakeOAuth();
  const location = `memory://${randomUUID()}`;
  const store = MemoryTokenStore.named(location.slice('memory://'.length));
  const flows: DesktopFlowOptions[] = [];
  const logs: string[] = [];
  const all: AuthProperties = { ...baseProps, InitiateOAuth: 'REFRESH', OAuthSettingsLocation: location, ...props };
  const deps = {
    oauth,
    now: () => clock.now,
    log: (_l: number, m: string) => void logs.push(m),
    runFlow: async (o: DesktopFlowOptions) => {
      flows.push(o);
      return { code: 'good-code', state: 's', redirectUri: o.callbackUrl ?? '' };
    },
  };
  const provider = () => createTokenProvider(all, deps);
  return { clock, oauth, store, flows, logs, provider, seed: (t: StoredTokens) => store.update(() => ({ next: t, result: undefined })) };
}

const longLived = (now: number, overrides: Partial<StoredTokens> = {}): StoredTokens => ({
  appId: '1234', accessToken: 'long-0', refreshToken: 'long-0', tokenType: 'bearer', kind: 'long-lived', issuedAt: now - DAY, expiresAt: now + 50 * DAY, ...overrides,
});

test('GETANDREFRESH with an empty store runs the desktop flow, then exchanges code → short → long and stores it', async () => {
  const s = setup({ InitiateOAuth: 'GETANDREFRESH' });
  const provider = s.provider();
  assert.equal(provider.mode, 'oauth');
  const token = await provider.token();
  assert.deepEqual(token, { value: 'long-2', scheme: 'query', appSecret: 'app-secret-xyz' });
  assert.equal(s.flows.length, 1);
  assert.equal(s.flows[0]!.callbackUrl, 'http://localhost:33333/');
  assert.deepEqual(s.flows[0]!.scopes, ['instagram_basic', 'pages_show_list']);
  assert.deepEqual(s.oauth.calls, ['code good-code http://localhost:33333/', 'exchange short-1']);
  const stored = await s.store.read();
  assert.deepEqual(stored, {
    appId: '1234', accessToken: 'long-2', refreshToken: 'long-2', tokenType: 'bearer', kind: 'long-lived',
    expiresAt: s.clock.now + LONG * 1000, issuedAt: s.clock.now, scopes: ['instagram_basic', 'pages_show_list'],
  });
  // Later calls and later connections use the stored token: no more calls.
  await provider.token();
  await s.provider().token();
  assert.equal(s.oauth.calls.length, 2);
  assert.equal(s.flows.length, 1);
});

test('GETANDREFRESH without the app id and secret is a config error', async () => {
  const s = setup({ InitiateOAuth: 'GETANDREFRESH', OAuthClientSecret: '' });
  await assert.rejects(s.provider().token(), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /OAuthClientId \(App ID\) and OAuthClientSecret/.test(err.message));
});

test('REFRESH with nothing stored never opens a browser and says how to start', async () => {
  const s = setup({});
  await assert.rejects(s.provider().token(), (err: unknown) => {
    assert.ok(IgsqlError.is(err) && err.code === 'auth');
    assert.match(err.message, /InitiateOAuth=REFRESH found no token in memory:\/\/[0-9a-f-]+ and nothing to start from/);
    assert.match(err.message, /OAuthVerifier=<code>/);
    return true;
  });
  assert.equal(s.flows.length, 0);
});

test('REFRESH with OAuthVerifier (the headless first exchange): exchanged once, remembered by fingerprint', async () => {
  const s = setup({ OAuthVerifier: 'good-code#_=_' });
  assert.equal((await s.provider().token()).value, 'long-2');
  assert.deepEqual(s.oauth.calls, ['code good-code http://localhost:33333/', 'exchange short-1']);
  const stored = await s.store.read();
  assert.equal(stored?.seeds?.length, 1);
  assert.ok(!JSON.stringify(stored).includes('good-code'), 'the code itself is not stored');
  // The next connection with the same (now used) code in its connection string uses the stored token.
  assert.equal((await s.provider().token()).value, 'long-2');
  assert.equal(s.oauth.calls.length, 2);
});

test('a rejected OAuthVerifier: clear error when nothing is stored, the stored token otherwise', async () => {
  const empty = setup({ OAuthVerifier: 'used-code', CallbackURL: 'http://localhost:8080/cb' });
  await assert.rejects(empty.provider().token(), (err: unknown) => {
    assert.ok(IgsqlError.is(err) && err.code === 'auth');
    assert.match(err.message, /^OAuthVerifier could not be exchanged for a token \(.*This authorization code has been used\. \[HTTP 400\]\)/);
    assert.match(err.message, /EXEC GetOAuthAuthorizationURL/);
    assert.match(err.message, /\(now http:\/\/localhost:8080\/cb\)/);
    assert.ok(!err.message.includes('used-code'));
    return true;
  });
  const kept = setup({ OAuthVerifier: 'used-code' });
  await kept.seed(longLived(kept.clock.now));
  assert.equal((await kept.provider().token()).value, 'long-0');
  assert.ok(kept.logs.some((l) => /Using the token stored in memory:/.test(l)));
});

test('REFRESH with a pasted OAuthAccessToken of unknown lifetime: exchanged at once for a long-lived one', async () => {
  const s = setup({ OAuthAccessToken: 'EAApasted' });
  assert.equal((await s.provider().token()).value, 'long-1');
  assert.deepEqual(s.oauth.calls, ['exchange EAApasted']);
  const stored = await s.store.read();
  assert.equal(stored?.kind, 'long-lived');
  assert.equal(stored?.expiresAt, s.clock.now + LONG * 1000);
  // The same OAuthAccessToken on the next connection is not re-seeded.
  assert.equal((await s.provider().token()).value, 'long-1');
  assert.equal(s.oauth.calls.length, 1);
});

test('a pasted token that cannot be exchanged (e.g. a Page token) is used as is, and not retried on every call', async () => {
  const s = setup({ OAuthAccessToken: 'EAApage' });
  s.oauth.refuse.set('EAApage', tokenError(undefined, 'Invalid token type'));
  const provider = s.provider();
  assert.equal((await provider.token()).value, 'EAApage');
  assert.equal((await provider.token()).value, 'EAApage');
  assert.equal((await s.provider().token()).value, 'EAApage');
  assert.equal(s.oauth.calls.length, 1);
  assert.equal((await s.store.read())?.renewalFailedAt, s.clock.now);
  assert.ok(s.logs.some((l) => l.startsWith('Could not renew the access token')));
});

test('OAuthExpiresIn and OAuthTokenTimestamp (CData first-connection values) set the expiry: a healthy token is not exchanged', async () => {
  const s = setup({ OAuthAccessToken: 'EAAlong', OAuthRefreshToken: 'EAAlong', OAuthExpiresIn: LONG });
  const stamp = s.clock.now - DAY;
  const p = setup({ OAuthAccessToken: 'EAAlong', OAuthRefreshToken: 'EAAlong', OAuthExpiresIn: LONG, OAuthTokenTimestamp: stamp });
  assert.equal((await p.provider().token()).value, 'EAAlong');
  assert.deepEqual(p.oauth.calls, []);
  assert.equal((await p.store.read())?.expiresAt, stamp + LONG * 1000);
  assert.equal((await s.provider().token()).value, 'EAAlong');
  assert.equal((await s.store.read())?.expiresAt, s.clock.now + LONG * 1000);
});

test('renewal before expiry: within the margin the refresh token is exchanged before use', async () => {
  const s = setup({});
  await s.seed(longLived(s.clock.now));
  const provider = s.provider();
  assert.equal((await provider.token()).value, 'long-0');
  s.clock.now += 50 * DAY - 5 * 60_000; // five minutes left
  assert.equal((await provider.token()).value, 'long-1');
  assert.deepEqual(s.oauth.calls, ['exchange long-0']);
  const stored = await s.store.read();
  assert.equal(stored?.refreshToken, 'long-1');
  assert.equal(stored?.refreshedAt, s.clock.now);
});

test('early renewal in the last week, at most once a day; a failure keeps the current token', async () => {
  const s = setup({});
  await s.seed(longLived(s.clock.now, { expiresAt: s.clock.now + 6 * DAY, issuedAt: s.clock.now - 2 * DAY }));
  s.oauth.refuse.set('long-0', tokenError(undefined, 'temporarily unavailable'));
  const provider = s.provider();
  assert.equal((await provider.token()).value, 'long-0');
  assert.equal((await provider.token()).value, 'long-0');
  assert.deepEqual(s.oauth.calls, ['exchange long-0'], 'one attempt, then quiet');
  s.oauth.refuse.clear();
  s.clock.now += DAY + 1;
  assert.equal((await provider.token()).value, 'long-1');
});

test('an expired token that cannot be renewed: REFRESH says what to do, GETANDREFRESH signs in again', async () => {
  const refresh = setup({});
  await refresh.seed(longLived(refresh.clock.now, { expiresAt: refresh.clock.now - 1 }));
  refresh.oauth.refuse.set('long-0', tokenError(463, 'Session has expired'));
  await assert.rejects(refresh.provider().token(), (err: unknown) => {
    assert.ok(IgsqlError.is(err) && err.code === 'auth');
    assert.match(err.message, /^The access token no longer works: the token has expired/);
    assert.match(err.message, /Sign in again: .*InitiateOAuth=GETANDREFRESH/);
    assert.match(err.message, /The stored tokens are in memory:\/\//);
    return true;
  });
  const interactive = setup({ InitiateOAuth: 'GETANDREFRESH' });
  await interactive.seed(longLived(interactive.clock.now, { expiresAt: interactive.clock.now - 1 }));
  interactive.oauth.refuse.set('long-0', tokenError(463));
  assert.equal((await interactive.provider().token()).value, 'long-2');
  assert.equal(interactive.flows.length, 1);
});

test('without the app secret nothing is renewed; an expired token then says so', async () => {
  const s = setup({ OAuthClientSecret: '' });
  await s.seed(longLived(s.clock.now, { expiresAt: s.clock.now + 60_000 }));
  assert.equal((await s.provider().token()).value, 'long-0', 'still valid: used');
  s.clock.now += 120_000;
  await assert.rejects(s.provider().token(), /no longer works: the token has expired \(Renewing the expired access token needs your Facebook app's OAuthClientId/);
  assert.deepEqual(s.oauth.calls, []);
});

test('190/463 from a call: renewed and retried once; concurrent failures share one renewal', async () => {
  const s = setup({});
  await s.seed(longLived(s.clock.now));
  const provider = s.provider();
  await provider.token();
  const answers = await Promise.all([provider.onAuthError(tokenError(463)), provider.onAuthError(tokenError(463)), provider.onAuthError(tokenError(463))]);
  assert.deepEqual(answers, [true, true, true]);
  assert.deepEqual(s.oauth.calls, ['exchange long-0']);
  assert.equal((await provider.token()).value, 'long-1');
  // Another 190 moments later: the failing call most likely used the old token; no second renewal.
  assert.equal(await provider.onAuthError(tokenError(463)), true);
  assert.equal(s.oauth.calls.length, 1);
  // Errors that are not about the token are left to the caller.
  assert.equal(await provider.onAuthError(new GraphApiError({ message: '(#100) bad field', code: 100 }, 400)), false);
});

test('a token renewed by another process is adopted instead of renewed again', async () => {
  const s = setup({});
  await s.seed(longLived(s.clock.now));
  const provider = s.provider();
  await provider.token();
  await s.seed(longLived(s.clock.now, { accessToken: 'from-elsewhere', refreshToken: 'from-elsewhere' }));
  s.clock.now += 60_000;
  assert.equal(await provider.onAuthError(tokenError(463)), true);
  assert.deepEqual(s.oauth.calls, []);
  assert.equal((await provider.token()).value, 'from-elsewhere');
});

test('dead sessions (password changed, 460) are not renewed: REFRESH explains, GETANDREFRESH signs in', async () => {
  const s = setup({});
  await s.seed(longLived(s.clock.now));
  const provider = s.provider();
  await provider.token();
  await assert.rejects(provider.onAuthError(tokenError(460)), /the session was invalidated \(the user changed their password/);
  assert.deepEqual(s.oauth.calls, []);
  const g = setup({ InitiateOAuth: 'GETANDREFRESH' });
  await g.seed(longLived(g.clock.now));
  const gp = g.provider();
  await gp.token();
  assert.equal(await gp.onAuthError(tokenError(460)), true);
  assert.equal(g.flows.length, 1);
  assert.equal((await gp.token()).value, 'long-2');
});

test('AuthenticateAsPage: the Page token is fetched with the user token, stored, and fetched again after a 190', async () => {
  const s = setup({ AuthenticateAsPage: '111' });
  await s.seed(longLived(s.clock.now));
  const provider = s.provider();
  assert.equal((await provider.token()).value, 'page-token-111');
  const stored = await s.store.read();
  assert.deepEqual(stored?.pageTokens?.['111'], { accessToken: 'page-token-111', fetchedAt: s.clock.now, name: 'Shop', instagramBusinessAccountId: '1784', expiresAt: null });
  assert.equal(stored?.userId, '1020');
  await s.provider().token();
  assert.deepEqual(s.oauth.calls, ['me long-0', 'pages long-0 1020'], 'a new connection uses the stored Page token');
  s.oauth.pageList[0] = { ...s.oauth.pageList[0]!, accessToken: 'page-token-111-b' };
  assert.equal(await provider.onAuthError(tokenError(467)), true);
  assert.equal((await provider.token()).value, 'page-token-111-b');
  assert.equal(s.oauth.calls.filter((c) => c.startsWith('pages')).length, 2);
});

test('tokens of another app in the store are a config error', async () => {
  const s = setup({});
  await s.seed(longLived(s.clock.now, { appId: '999' }));
  await assert.rejects(s.provider().token(), (err: unknown) => IgsqlError.is(err) && err.code === 'config' && /holds tokens of app 999, but OAuthClientId is 1234/.test(err.message));
});

test('no secret reaches a log line', async () => {
  const s = setup({ OAuthAccessToken: 'EAApasted', InitiateOAuth: 'GETANDREFRESH' });
  s.oauth.refuse.set('EAApasted', tokenError(467));
  await s.provider().token();
  s.clock.now += 60 * DAY;
  await s.provider().token();
  assert.ok(s.logs.length > 0);
  for (const line of s.logs) assert.ok(!/EAApasted|long-\d|short-\d|app-secret-xyz|good-code/.test(line), line);
});
