/**
 * The token expires while several calls are in flight (the two accounts' Media edges are read
 * concurrently): the sandbox expires it on the 3rd page (190/463 for every call that carries it)
 * and igsql's clock passes the expiry at the same moment. igsql renews it once, retries each
 * failed page with the new token, and every row comes once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../../src/index.js';
import { MemoryTokenStore } from '../../../src/auth/index.js';
import { startSandbox } from '../../../src/sandbox/index.js';
import { NO_FLOW, appProps, tokenWithScopes } from './fixtures/sandbox-user.js';

const SQL = 'SELECT Id, Timestamp FROM Media';
const mediaPage = /^\/v[\d.]+\/\d+\/media$/;

test('190/463 on calls in flight across the expiry: one renewal, each failed page retried, no row lost or repeated', async () => {
  const faults = { script: [{ match: { path: '/{ig-user-id}/media', nth: 3 }, fault: 'token-expired' as const }] };
  const sb = await startSandbox({ port: 0, faults });
  try {
    const before = sb.requests.length;
    const start = Date.now();
    const expiresAt = start + 3600_000;
    // igsql's clock: the expiry has passed as soon as the sandbox has refused the token.
    const now = () => (sb.requests.slice(before).some((r) => r.errorCode === 190) ? expiresAt + 60_000 : start);
    const doomed = tokenWithScopes(sb, sb.core.tokens.lookup(sb.tokens.longLivedUser)!.scopes);
    const store = MemoryTokenStore.named('in-flight-expiry');
    await store.update(() => ({
      next: { appId: sb.app.id, accessToken: doomed, refreshToken: sb.tokens.longLivedUser, tokenType: 'bearer', kind: 'long-lived', expiresAt, issuedAt: start - 86_400_000, refreshedAt: start - 3600_000 },
      result: undefined,
    }));
    const conn = await connect(`${appProps(sb)};Pagesize=5;MaxConcurrentRequests=4;InitiateOAuth=REFRESH;OAuthSettingsLocation=memory://in-flight-expiry`, { oauthFlow: NO_FLOW, now });
    const ids = (await conn.query(SQL)).rows.map((r) => String(r['Id']));
    await conn.close();
    const log = sb.requests.slice(before);
    // The expected rows: read after the fault has fired, with a token nothing happens to.
    const reference = await connect(`BaseURL=${sb.url};Pagesize=5;OAuthAccessToken=${sb.tokens.longLivedUser}`);
    const expected = (await reference.query(SQL)).rows.map((r) => String(r['Id']));
    await reference.close();
    const failed = log.filter((r) => mediaPage.test(r.path) && r.errorCode === 190);
    assert.ok(failed.length >= 1, 'the token was refused');
    assert.equal(log.filter((r) => r.params['grant_type'] === 'fb_exchange_token').length, 1, 'exactly one renewal');
    assert.ok(expected.length > 15, `several pages (${expected.length} media)`);
    assert.deepEqual([...ids].sort(), [...expected].sort(), 'no row lost or repeated');
    assert.equal(new Set(ids).size, ids.length);
    assert.notEqual((await store.read())?.accessToken, doomed, 'the renewed token is stored');
  } finally {
    await sb.stop();
  }
});
