/**
 * Calls in flight while the token is renewed (read-ahead paging, concurrent scans): concurrent
 * 190s for one token share ONE renewal and every failed call is retried with the new token; a 190
 * for an older token is retried with the current one without renewing again; a 190 for the token
 * just obtained is a real auth error (no renewal loop).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { MemoryTokenStore } from '../../../src/auth/memory-token-store.js';
import type { StoredTokens } from '../../../src/auth/stored-tokens.js';
import { createTokenProvider } from '../../../src/auth/token-provider.js';
import { baseProps, fakeOAuth, tokenError } from './fixtures/fake-oauth.js';

const DAY = 86_400_000;

async function setup(tokens: (now: number) => StoredTokens) {
  const clock = { now: 1_800_000_000_000 };
  const oauth = fakeOAuth();
  const name = randomUUID();
  await MemoryTokenStore.named(name).update(() => ({ next: tokens(clock.now), result: undefined }));
  const provider = createTokenProvider({ ...baseProps, InitiateOAuth: 'REFRESH', OAuthSettingsLocation: `memory://${name}` }, { oauth, now: () => clock.now, log: () => undefined });
  return { clock, oauth, provider };
}

/** A long-lived token that expires in an hour, with its own refresh token (as the sandbox fixture stores). */
const expiring = (now: number): StoredTokens => ({
  appId: '1234', accessToken: 'long-0', refreshToken: 'refresh-0', tokenType: 'bearer', kind: 'long-lived', issuedAt: now - DAY, expiresAt: now + 3600_000, refreshedAt: now - 3600_000,
});

test('two calls in flight across the expiry both get 190: one renewal, both retried with the new token', async () => {
  const s = await setup(expiring);
  const used = await Promise.all([s.provider.token(), s.provider.token()]);
  assert.deepEqual(used.map((t) => t.value), ['long-0', 'long-0']);
  s.clock.now += 3600_000 + 60_000; // both requests were answered after the token expired
  const answers = await Promise.all(used.map((t) => s.provider.onAuthError(tokenError(463), t)));
  assert.deepEqual(answers, [true, true], 'both calls are retried');
  assert.deepEqual(s.oauth.calls, ['exchange refresh-0'], 'exactly one renewal');
  assert.equal((await s.provider.token()).value, 'long-1', 'the retry uses the renewed token');
});

test('the 190s arrive one after the other (the second after the renewal finished): still one renewal', async () => {
  const s = await setup(expiring);
  const used = await s.provider.token();
  s.clock.now += 3600_000 + 60_000;
  assert.equal(await s.provider.onAuthError(tokenError(463), used), true);
  s.clock.now += 5 * 60_000; // a slow call with the old token fails minutes later
  assert.equal(await s.provider.onAuthError(tokenError(463), used), true, 'retried with the current token');
  assert.deepEqual(s.oauth.calls, ['exchange refresh-0'], 'an older token is not renewed again');
  assert.equal((await s.provider.token()).value, 'long-1');
});

test('a 190 for the token just obtained is a real auth error: no second renewal, no loop', async () => {
  const s = await setup(expiring);
  const old = await s.provider.token();
  s.clock.now += 3600_000 + 60_000;
  assert.equal(await s.provider.onAuthError(tokenError(463), old), true);
  const renewed = await s.provider.token();
  assert.equal(renewed.value, 'long-1');
  assert.equal(await s.provider.onAuthError(tokenError(), renewed), false, 'the caller throws the 190');
  assert.deepEqual(s.oauth.calls, ['exchange refresh-0']);
});

test('without knowing the token a call used: an expired token is still renewed once for concurrent 190s', async () => {
  const s = await setup(expiring);
  await s.provider.token();
  s.clock.now += 3600_000 + 60_000;
  const answers = await Promise.all([s.provider.onAuthError(tokenError(463)), s.provider.onAuthError(tokenError(463))]);
  assert.deepEqual(answers, [true, true]);
  assert.equal(await s.provider.onAuthError(tokenError(463)), true, 'a late 190 moments after: the old token, retried');
  assert.deepEqual(s.oauth.calls, ['exchange refresh-0']);
  assert.equal((await s.provider.token()).value, 'long-1');
});
