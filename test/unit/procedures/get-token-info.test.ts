import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TokenInfo } from '../../../src/auth/index.js';
import { GET_TOKEN_INFO } from '../../../src/procedures/get-token-info.js';
import type { ProcedureApi, ProcedureAuth } from '../../../src/procedures/procedure-api.js';
import { expiresIn, tokenRow } from '../../../src/procedures/token-result.js';

const NOW = Date.UTC(2026, 11, 6);
const DAY = 86_400_000;
const ALL = ['instagram_basic', 'instagram_manage_insights', 'instagram_manage_comments', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement', 'business_management'];

/** GetTokenInfo's row for debug_token facts `info`, on a connection of app 111. */
async function diagnose(info: Partial<TokenInfo>, appId = '111'): Promise<Record<string, unknown>> {
  const full: TokenInfo = { appId: '111', type: 'USER', isValid: true, scopes: ALL, granularScopes: [], expiresAt: NOW + 50 * DAY, ...info };
  const auth = {
    props: { OAuthClientId: appId, BusinessAccountId: '' },
    now: () => NOW,
    callToken: async () => 'EAAtoken',
    debugToken: async (token: string) => {
      assert.equal(token, 'EAAtoken', 'the token the calls use is inspected');
      return full;
    },
  } as unknown as ProcedureAuth;
  const rows = await GET_TOKEN_INFO.run({}, { api: { auth } as ProcedureApi, signal: new AbortController().signal });
  return rows[0]!;
}

test('a healthy token: OK, times as dates, NULL for what does not expire', async () => {
  const row = await diagnose({ dataAccessExpiresAt: null, issuedAt: NOW - DAY });
  assert.equal(row['Diagnosis'], 'OK');
  assert.deepEqual(row['ExpiresAt'], new Date(NOW + 50 * DAY));
  assert.equal(row['DataAccessExpiresAt'], null);
  assert.equal(row['MissingScopes'], null);
});

test('each problem gets its sentence and its fix', async () => {
  assert.match(String((await diagnose({ expiresAt: NOW + 2 * DAY }))['Diagnosis']), /expires 2026-12-08.*RefreshOAuthAccessToken/);
  assert.match(String((await diagnose({ isValid: false, error: { code: 190, subcode: 460, message: 'x' } }))['Diagnosis']), /does not work: the session was invalidated/);
  assert.match(String((await diagnose({ dataAccessExpiresAt: NOW - 1 }))['Diagnosis']), /Data access has expired/);
  assert.match(String((await diagnose({ appId: '222' }))['Diagnosis']), /belongs to app 222, not to OAuthClientId 111/);
  assert.equal((await diagnose({ appId: '222' }, ''))['Diagnosis'], 'OK', 'no OAuthClientId: nothing to compare');
  const app = await diagnose({ type: 'APP', scopes: [] });
  assert.match(String(app['Diagnosis']), /^This is an app token/);
  assert.equal(app['UnavailableViews'], null);
});

test('token rows: the refresh token defaults to the access token; -1 = never, NULL = unknown', () => {
  assert.deepEqual(tokenRow({ accessToken: 'a', tokenType: 'bearer', kind: 'long-lived', expiresAt: NOW + 10_500, issuedAt: NOW }, NOW), { OAuthAccessToken: 'a', OAuthRefreshToken: 'a', ExpiresIn: 10 });
  assert.equal(expiresIn(null, NOW), -1);
  assert.equal(expiresIn(undefined, NOW), null);
  assert.equal(expiresIn(NOW - 5000, NOW), 0);
});
