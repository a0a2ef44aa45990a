/**
 * AppSecretProof=true against a sandbox app that requires appsecret_proof ("Require App Secret"):
 * views, procedures and token renewal work with it; without it, or with the wrong secret, the
 * error names the property that fixes it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, IgsqlError } from '../../../src/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { NO_FLOW, appProps } from './fixtures/sandbox-user.js';

let sb: Sandbox;
before(async () => {
  sb = await startSandbox({ port: 0, oauth: { requireAppSecretProof: true } });
});
after(() => sb.stop());

async function run(connectionString: string, sql: string): Promise<number> {
  const conn = await connect(connectionString, { oauthFlow: NO_FLOW });
  try {
    return (await conn.query(sql)).rowCount;
  } finally {
    await conn.close();
  }
}

test('AppSecretProof=true: every Graph call carries a valid proof, for views and procedures', async () => {
  sb.resetCounts();
  const props = `${appProps(sb)};AppSecretProof=true;OAuthAccessToken=${sb.tokens.longLivedUser}`;
  assert.ok((await run(props, 'SELECT Id, Username FROM Account')) > 0);
  assert.ok((await run(props, 'SELECT Id FROM Media LIMIT 3')) > 0);
  assert.ok((await run(props, 'EXEC GetPageAccessToken')) > 0);
  assert.ok((await run(props, 'EXEC GetTokenInfo')) === 1);
  assert.ok(sb.requests.length > 3);
  assert.deepEqual(sb.requests.filter((r) => r.status !== 200).map((r) => `${r.path} ${r.errorCode}`), []);
});

test('AppSecretProof=true with InitiateOAuth=REFRESH and AuthenticateAsPage: renewal and Page tokens work too', async () => {
  const page = sb.core.data.world.pages[0]!;
  const props = `${appProps(sb)};AppSecretProof=true;InitiateOAuth=REFRESH;OAuthSettingsLocation=memory://proof;OAuthAccessToken=${sb.tokens.longLivedUser};AuthenticateAsPage=${page.id}`;
  assert.ok((await run(props, 'SELECT Id FROM Account')) > 0);
  assert.ok(sb.requests.some((r) => r.params['grant_type'] === 'fb_exchange_token' && r.status === 200), 'the pasted token was made long-lived');
});

test('without AppSecretProof the error says to set it; with the wrong secret it says which secret', async () => {
  const token = `BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser}`;
  for (const sql of ['SELECT Id FROM Account', 'EXEC GetPageAccessToken']) {
    await assert.rejects(run(token, sql), (e: unknown) => IgsqlError.is(e) && /require an appsecret_proof.*set AppSecretProof=true and OAuthClientSecret/.test(e.message));
  }
  await assert.rejects(
    run(`${token};AppSecretProof=true;OAuthClientSecret=notTheRightSecret`, 'SELECT Id FROM Account'),
    (e: unknown) => IgsqlError.is(e) && /Invalid appsecret_proof.*set OAuthClientSecret to the App Secret/.test(e.message) && !e.message.includes('notTheRightSecret'),
  );
});
