/**
 * A token that dies in the middle of a paged read: igsql renews it (fb_exchange_token with the
 * stored refresh token) and the read goes on from the page that failed, no row lost or repeated.
 * Once by a sandbox fault (190/463 on the 3rd page), once by the clock passing the expiry with
 * igsql and the sandbox sharing one injectable clock (renewed before the next page is requested).
 * Pages are read ahead, so a page in flight when the token dies fails with 190 too: it is retried
 * with the renewed token, still with one renewal (test/unit/auth/renewal-race.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Connection } from '../../../src/index.js';
import { MemoryTokenStore, type StoredTokens } from '../../../src/auth/index.js';
import { createManualClock, startSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/index.js';
import { NO_FLOW, appProps, tokenWithScopes } from './fixtures/sandbox-user.js';

const SQL = 'SELECT Id, Timestamp FROM Media';

async function withSandbox(options: SandboxOptions, fn: (sb: Sandbox) => Promise<void>): Promise<void> {
  const sb = await startSandbox({ port: 0, ...options });
  try {
    await fn(sb);
  } finally {
    await sb.stop();
  }
}

/** The Media ids read with a token nothing happens to (the expected rows). */
async function reference(sb: Sandbox): Promise<string[]> {
  const conn = await connect(`BaseURL=${sb.url};Pagesize=5;OAuthAccessToken=${sb.tokens.longLivedUser}`);
  try {
    return (await conn.query(SQL)).rows.map((r) => String(r['Id']));
  } finally {
    await conn.close();
  }
}

async function session(sb: Sandbox, name: string, tokens: StoredTokens, now?: () => number): Promise<Connection> {
  const store = MemoryTokenStore.named(name);
  await store.update(() => ({ next: tokens, result: undefined }));
  return connect(`${appProps(sb)};Pagesize=5;InitiateOAuth=REFRESH;OAuthSettingsLocation=memory://${name}`, { oauthFlow: NO_FLOW, ...(now ? { now } : {}) });
}

const exchanges = (sb: Sandbox) => sb.requests.filter((r) => r.params['grant_type'] === 'fb_exchange_token').length;
const mediaPages = (sb: Sandbox) => sb.requests.filter((r) => /^\/v[\d.]+\/\d+\/media$/.test(r.path));

/**
 * Media pages are read ahead and the two accounts concurrently: every page in flight when the
 * token dies fails (at most one per account), and each is asked again and answered.
 */
function assertFailedPagesRetried(sb: Sandbox): void {
  const pages = mediaPages(sb);
  const failed = pages.filter((r) => r.errorCode !== undefined);
  assert.ok(failed.length <= 2, `at most the page in flight per account failed (${failed.length})`);
  for (const f of failed) {
    const again = pages.slice(pages.indexOf(f) + 1).some((r) => r.path === f.path && r.params['after'] === f.params['after'] && r.errorCode === undefined);
    assert.ok(again, 'the failed page was asked again and answered');
  }
}

test('190/463 on the third page: the token is renewed, the page is asked again, every row comes once', async () => {
  const faults = { script: [{ match: { path: '/{ig-user-id}/media', nth: 3 }, fault: 'token-expired' as const }] };
  await withSandbox({ faults }, async (sb) => {
    const doomed = tokenWithScopes(sb, sb.core.tokens.lookup(sb.tokens.longLivedUser)!.scopes);
    const now = Date.now();
    const conn = await session(sb, 'mid-query-fault', {
      appId: sb.app.id, accessToken: doomed, refreshToken: sb.tokens.longLivedUser, tokenType: 'bearer', kind: 'long-lived', expiresAt: now + 50 * 86_400_000, issuedAt: now,
    });
    const ids = (await conn.query(SQL)).rows.map((r) => String(r['Id']));
    await conn.close();
    const failed = mediaPages(sb).filter((r) => r.errorCode === 190);
    assert.ok(failed.length >= 1, 'the fault fired');
    assert.ok(failed.every((r) => r.errorSubcode === 463));
    assertFailedPagesRetried(sb);
    assert.equal(exchanges(sb), 1, 'one renewal for every page that failed');
    const expected = await reference(sb);
    assert.ok(expected.length > 15, `several pages (${expected.length} media)`);
    assert.deepEqual(ids, expected, 'no row lost, repeated or reordered');
    const stored = await MemoryTokenStore.named('mid-query-fault').read();
    assert.notEqual(stored?.accessToken, doomed);
  });
});

test('the shared clock passes the expiry while rows stream: renewed once, a page read ahead across the expiry is asked again, every row once', async () => {
  const clock = createManualClock(Date.now());
  await withSandbox({ clock }, async (sb) => {
    const short = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, lifetimeSeconds: 7200 }).token;
    const start = clock.now();
    const conn = await session(
      sb,
      'mid-query-clock',
      { appId: sb.app.id, accessToken: short, refreshToken: sb.tokens.longLivedUser, tokenType: 'bearer', kind: 'long-lived', expiresAt: start + 7200_000, issuedAt: start },
      clock.now,
    );
    const ids: string[] = [];
    let movedAt = -1;
    for await (const row of conn.stream(SQL)) {
      if (ids.length === 0) {
        clock.advance(7200_000 + 60_000); // the token is now expired for both
        movedAt = sb.requests.length;
      }
      ids.push(String(row['Id']));
    }
    await conn.close();
    // Pages requested after the clock moved wait for the renewal; one read ahead before it fails and is asked again.
    assertFailedPagesRetried(sb);
    assert.equal(exchanges(sb), 1, 'renewed once');
    const later = sb.requests.slice(movedAt);
    assert.ok(later.some((r) => /\/media$/.test(r.path)), 'pages were read after the clock moved');
    assert.ok(later.some((r) => r.params['grant_type'] === 'fb_exchange_token'), 'the renewal came after the clock moved');
    assert.deepEqual(ids, await reference(sb));
    assert.equal(new Set(ids).size, ids.length);
  });
});
