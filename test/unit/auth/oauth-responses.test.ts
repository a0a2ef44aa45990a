import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { oauthError, parseAccounts, parseDebugToken, parseMe, parseTokenGrant } from '../../../src/auth/oauth-responses.js';
import { GraphApiError, IgsqlError } from '../../../src/errors.js';

const recorded = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/recorded/${name}.json`, import.meta.url), 'utf8'));

test('recorded long_term_token.json: a 60-day bearer token', () => {
  assert.deepEqual(parseTokenGrant(recorded('long_term_token'), 'GET /oauth/access_token'), { accessToken: 'token', tokenType: 'bearer', expiresIn: 5_184_000 });
});

test('token grants: expires_in as a string, absent (never expires), or zero', () => {
  assert.deepEqual(parseTokenGrant({ access_token: 'a', token_type: 'bearer', expires_in: '5183944' }, 'x'), { accessToken: 'a', tokenType: 'bearer', expiresIn: 5_183_944 });
  assert.deepEqual(parseTokenGrant({ access_token: 'a' }, 'x'), { accessToken: 'a', tokenType: 'bearer' });
  assert.deepEqual(parseTokenGrant({ access_token: 'a', expires_in: 0 }, 'x'), { accessToken: 'a', tokenType: 'bearer' });
  assert.throws(() => parseTokenGrant({ token_type: 'bearer' }, 'GET /v25.0/oauth/access_token'), (err: unknown) => IgsqlError.is(err) && err.code === 'auth' && /no access_token/.test(err.message));
  assert.throws(() => parseTokenGrant('x', 'c'), /not a JSON object/);
});

test('recorded token_info.json: a valid USER token with string app_id, expiries in ms, scopes and granular scopes', () => {
  assert.deepEqual(parseDebugToken(recorded('token_info')), {
    appId: 'appId',
    type: 'USER',
    application: 'appName',
    isValid: true,
    expiresAt: 1_577_347_200_000,
    dataAccessExpiresAt: 1_585_040_349_000,
    scopes: ['email', 'read_insights', 'manage_pages', 'pages_show_list', 'public_profile'],
    granularScopes: [{ scope: 'manage_pages' }, { scope: 'pages_show_list' }],
    userId: 'userId',
  });
});

test('debug_token: numeric app_id, expires_at 0 = never, target_ids, invalid tokens with their error', () => {
  const systemUser = parseDebugToken({
    data: { app_id: 138483919580948, type: 'SYSTEM_USER', expires_at: 0, data_access_expires_at: 0, is_valid: true, issued_at: 1347235328, scopes: ['instagram_basic'], granular_scopes: [{ scope: 'instagram_basic', target_ids: ['1784', 1785] }], user_id: 99 },
  });
  assert.equal(systemUser.appId, '138483919580948');
  assert.equal(systemUser.type, 'SYSTEM_USER');
  assert.equal(systemUser.expiresAt, null);
  assert.equal(systemUser.dataAccessExpiresAt, null);
  assert.equal(systemUser.issuedAt, 1_347_235_328_000);
  assert.equal(systemUser.userId, '99');
  assert.deepEqual(systemUser.granularScopes, [{ scope: 'instagram_basic', targetIds: ['1784', '1785'] }]);
  const invalid = parseDebugToken({ data: { app_id: '1', type: 'USER', is_valid: false, scopes: [], error: { code: 190, subcode: 463, message: 'Session has expired' } } });
  assert.equal(invalid.isValid, false);
  assert.deepEqual(invalid.error, { code: 190, subcode: 463, message: 'Session has expired' });
  assert.throws(() => parseDebugToken({}), /not a JSON object/);
});

test('recorded user_accounts_token.json: the Page with its token; no next link → no more pages', () => {
  const { pages, after } = parseAccounts(recorded('user_accounts_token'));
  assert.equal(after, undefined, 'cursors without `next` mean the last page');
  assert.deepEqual(pages, [{ id: '2121008874780932', name: 'MyLife', accessToken: 'access_token', tasks: ['ANALYZE', 'ADVERTISE', 'MESSAGING', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'] }]);
});

test('accounts: linked Instagram account, missing page token, and the next cursor', () => {
  const { pages, after } = parseAccounts({
    data: [{ id: '1', name: 'Shop', access_token: 'EAAp', instagram_business_account: { id: '17841405822304914', username: 'shop' } }, { id: '2' }],
    paging: { cursors: { before: 'b', after: 'QVF' }, next: 'https://graph.facebook.com/v25.0/1020/accounts?after=QVF' },
  });
  assert.equal(after, 'QVF');
  assert.deepEqual(pages[0], { id: '1', name: 'Shop', accessToken: 'EAAp', tasks: [], instagramBusinessAccountId: '17841405822304914', instagramUsername: 'shop' });
  assert.deepEqual(pages[1], { id: '2', tasks: [] });
});

test('/me', () => {
  assert.deepEqual(parseMe({ id: '1020', name: 'Ana' }), { id: '1020', name: 'Ana' });
  assert.throws(() => parseMe({ name: 'x' }), /no id/);
});

test('recorded error_data.json becomes a GraphApiError with code auth and the envelope fields', () => {
  const err = oauthError(400, recorded('error_data'), 'GET /v25.0/me');
  assert.ok(err instanceof GraphApiError);
  assert.equal(err.code, 'auth');
  assert.equal(err.graphCode, 100);
  assert.equal(err.type, 'OAuthException');
  assert.equal(err.fbtraceId, 'AQt_hJ68vFybS4TnupatNtX');
  assert.match(err.message, /^Graph API error 100 \(GET \/v25\.0\/me\): \(#100\) Object does not exist/);
});

test('error answers: subcodes as strings, non-JSON bodies, success', () => {
  const expired = oauthError(400, { error: { message: 'Session has expired', code: '190', error_subcode: '463' } }, 'GET /x');
  assert.ok(expired instanceof GraphApiError);
  assert.equal(expired.graphCode, 190);
  assert.equal(expired.subcode, 463);
  const html = oauthError(502, undefined, 'GET /v25.0/oauth/access_token');
  assert.ok(IgsqlError.is(html) && html.code === 'auth' && /HTTP 502 without a Graph error body/.test(html.message));
  assert.equal(oauthError(200, { access_token: 'a' }, 'x'), undefined);
});

test('parsers throw only IgsqlErrors on arbitrary JSON (property)', () => {
  const parsers = [(j: unknown) => parseTokenGrant(j, 'c'), parseDebugToken, parseAccounts, parseMe, (j: unknown) => oauthError(400, j, 'c')];
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer({ min: 0, max: parsers.length - 1 }), (json, i) => {
      try {
        parsers[i]!(json);
      } catch (err) {
        assert.ok(IgsqlError.is(err), String(err));
      }
    }),
  );
});
