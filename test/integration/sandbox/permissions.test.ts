/** Revoking permissions: one permission (declined in /me/permissions) or the whole app (190/458). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, get } from './helpers.js';
import { authorize, exchangeCode } from './oauth-helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
let sb: Sandbox;

before(async () => {
  sb = await startSandbox({ seed: 17, clock });
});
after(() => sb.stop());

async function alexToken(scope: string): Promise<string> {
  const code = await authorize(sb, { scope }, { user_id: sb.core.data.world.users[1]!.id });
  return (await exchangeCode(sb, code)).body.access_token;
}

test('DELETE /me/permissions/{permission}: gone from the scopes, listed as declined, reads need it again', async () => {
  const token = await alexToken('instagram_basic,pages_show_list');
  const ig = sb.core.data.world.igAccounts[0]!.id;
  assert.equal((await call(sb, `/v25.0/${ig}?fields=username`, { token })).status, 200);
  assert.deepEqual((await call(sb, '/v25.0/me/permissions/instagram_basic', { method: 'DELETE', token })).body, { success: true });
  assert.deepEqual((await get(sb, '/v25.0/me/permissions', token)).data, [
    { permission: 'public_profile', status: 'granted' }, { permission: 'pages_show_list', status: 'granted' }, { permission: 'instagram_basic', status: 'declined' },
  ]);
  assert.equal((await call(sb, `/v25.0/${ig}?fields=username`, { token })).body.error.code, 10);
  const debug = await get(sb, `/v25.0/debug_token?input_token=${token}`, sb.tokens.app);
  assert.deepEqual(debug.data.scopes, ['public_profile', 'pages_show_list']);
});

test('DELETE /me/permissions removes the app: the user\'s tokens and their Page tokens fail with 190/458', async () => {
  const token = await alexToken('pages_show_list,instagram_basic');
  const pageToken = (await get(sb, '/v25.0/me/accounts?fields=access_token', token)).data[0].access_token;
  assert.deepEqual((await call(sb, '/v25.0/me/permissions', { method: 'DELETE', token })).body, { success: true });
  for (const t of [token, pageToken]) {
    const reply = await call(sb, '/v25.0/me', { token: t });
    assert.deepEqual([reply.status, reply.body.error.code, reply.body.error.error_subcode, reply.body.error.message],
      [400, 190, 458, `Error validating access token: The user has not authorized application ${sb.app.id}.`]);
  }
  assert.equal((await call(sb, '/v25.0/me')).status, 200, 'other users\' tokens keep working');
  assert.equal((await get(sb, `/v25.0/debug_token?input_token=${token}`, sb.tokens.app)).data.error.subcode, 458);
  assert.equal((await call(sb, '/v25.0/me/permissions', { method: 'DELETE', token: sb.tokens.page })).body.error.error_subcode, 33, 'not with a Page token');
});
