/** /debug_token: shapes per token type against the recorded answer, invalid tokens, who may inspect. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { assertSameShape, call, get, recorded, shapeOf } from './helpers.js';

const DAY = 86_400_000;
const clock = createManualClock('2026-05-19T23:27:28Z');
const START_S = Date.parse('2026-05-19T23:27:28Z') / 1000;
let sb: Sandbox;

before(async () => {
  sb = await startSandbox({ seed: 8, clock, oauth: { apps: [{ name: 'Other App', id: '555000111222' }] } });
});
after(() => sb.stop());

const debug = (input: string, viewer?: string) => call(sb, `/v25.0/debug_token?input_token=${encodeURIComponent(input)}`, { token: viewer ?? sb.tokens.app });

test('a user token: the recorded key set and value types (plus issued_at), expiry from the clock', async () => {
  const body = (await debug(sb.tokens.longLivedUser)).body;
  const fixture = recorded('base/token_info.json');
  const withoutExtras = { data: Object.fromEntries(Object.entries(body.data).filter(([k]) => k !== 'issued_at')) };
  const granular = body.data.granular_scopes.map((g: { scope: string }) => ({ scope: g.scope }));
  withoutExtras.data['granular_scopes'] = granular;
  assertSameShape(shapeOf(fixture), shapeOf(withoutExtras));
  assert.deepEqual(Object.keys(body.data), ['app_id', 'type', 'application', 'data_access_expires_at', 'expires_at', 'is_valid', 'issued_at', 'scopes', 'granular_scopes', 'user_id']);
  const world = sb.core.data.world;
  assert.equal(body.data.app_id, world.app.id);
  assert.equal(body.data.application, 'igsql Sandbox App');
  assert.equal(body.data.type, 'USER');
  assert.equal(body.data.issued_at, START_S);
  assert.equal(body.data.expires_at, START_S + 60 * 86_400);
  assert.equal(body.data.data_access_expires_at, START_S + 90 * 86_400);
  assert.equal(body.data.user_id, world.users[0]!.id);
  assert.ok(body.data.scopes.includes('instagram_basic'));
  assert.ok(!body.data.granular_scopes.some((g: { scope: string }) => g.scope === 'email' || g.scope === 'public_profile' || g.scope === 'read_insights'));
  const basic = body.data.granular_scopes.find((g: { scope: string }) => g.scope === 'instagram_basic');
  assert.deepEqual(basic.target_ids, [world.igAccounts[0]!.id, world.igAccounts[1]!.id]);
  const pages = body.data.granular_scopes.find((g: { scope: string }) => g.scope === 'pages_show_list');
  assert.deepEqual(pages.target_ids, world.pages.map((p) => p.id));
});

test('Page, system-user (never and 60 days) and app tokens', async () => {
  const world = sb.core.data.world;
  const page = (await debug(sb.tokens.page)).body.data;
  assert.deepEqual([page.type, page.expires_at, page.profile_id, page.user_id], ['PAGE', 0, world.pages[0]!.id, world.users[0]!.id]);
  const system = (await debug(sb.tokens.systemUser)).body.data;
  assert.deepEqual([system.type, system.expires_at, system.data_access_expires_at, system.is_valid, system.user_id], ['SYSTEM_USER', 0, 0, true, world.systemUsers[0]!.id]);
  const sixty = sb.core.tokens.issue({ type: 'SYSTEM_USER', userId: world.systemUsers[0]!.id, lifetimeSeconds: 60 * 86_400 });
  const sixtyData = (await debug(sixty.token)).body.data;
  assert.deepEqual([sixtyData.type, sixtyData.expires_at], ['SYSTEM_USER', START_S + 60 * 86_400]);
  assert.deepEqual((await debug(sb.tokens.app)).body, { data: { app_id: world.app.id, type: 'APP', application: 'igsql Sandbox App', is_valid: true, scopes: [] } });
});

test('tokens that stopped working: is_valid false with error {code, message, subcode}; unknown ones only the error', async () => {
  const short = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id });
  const invalidated = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id });
  sb.core.tokens.invalidate(invalidated.token, 'password-changed');
  clock.advance(3 * 3600_000);
  try {
    const expired = (await debug(short.token)).body.data;
    assert.equal(expired.is_valid, false);
    assert.equal(expired.error.code, 190);
    assert.equal(expired.error.subcode, 463);
    assert.equal(expired.error.message, 'Error validating access token: Session has expired on Tuesday, 19-May-26 18:27:28 PDT. The current time is Tuesday, 19-May-26 19:27:28 PDT.');
    assert.deepEqual(Object.keys(expired).slice(0, 6), ['app_id', 'type', 'application', 'data_access_expires_at', 'error', 'expires_at']);
    assert.equal((await debug(invalidated.token)).body.data.error.subcode, 460);
    assert.deepEqual((await debug('EAAgarbage')).body, { data: { error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }, is_valid: false, scopes: [] } });
  } finally {
    clock.advance(-3 * 3600_000);
  }
});

test('who may inspect: app tokens of the same app, app admins, the token\'s own user', async () => {
  const world = sb.core.data.world;
  assert.equal((await debug(sb.tokens.page, sb.tokens.longLivedUser)).status, 200, 'Sam administers the app');
  assert.equal((await debug(sb.tokens.page, sb.tokens.systemUser)).status, 200, 'so does the system user');
  const alex = sb.core.tokens.issue({ type: 'USER', userId: world.users[1]!.id });
  const alexOther = sb.core.tokens.issue({ type: 'USER', userId: world.users[1]!.id });
  assert.equal((await debug(alexOther.token, alex.token)).status, 200, 'a user may inspect their own tokens');
  const denied = await debug(sb.tokens.longLivedUser, alex.token);
  assert.deepEqual([denied.status, denied.body.error.code, denied.body.error.message],
    [400, 100, '(#100) You must provide an app access token, or a user access token that is an owner or developer of the app']);
  assert.equal((await debug(sb.tokens.longLivedUser, sb.tokens.page)).body.error.code, 100, 'Page tokens cannot inspect');
  const otherApp = await debug(sb.tokens.longLivedUser, '555000111222|' + (sb.core.state.get('oauth') as { apps: Map<string, { secret: string }> }).apps.get('555000111222')!.secret);
  assert.equal(otherApp.body.error.message, '(#100) The App_id in the input_token did not match the Viewing App');
  const missing = await call(sb, '/v25.0/debug_token', { token: sb.tokens.app });
  assert.equal(missing.body.error.message, '(#100) The parameter input_token is required');
  assert.equal((await call(sb, `/v25.0/debug_token?input_token=${sb.tokens.page}`, { token: null })).body.error.code, 104);
});

test('debug_token follows the clock: a long-lived token is valid on day 59 and expired on day 61', async () => {
  const long = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, longLived: true });
  clock.advance(59 * DAY);
  assert.equal((await get(sb, `/v25.0/debug_token?input_token=${long.token}`, sb.tokens.app)).data.is_valid, true);
  clock.advance(2 * DAY);
  assert.equal((await get(sb, `/v25.0/debug_token?input_token=${long.token}`, sb.tokens.app)).data.is_valid, false);
  clock.advance(-61 * DAY);
});
