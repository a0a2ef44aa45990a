/** Every OAuth procedure through conn.query('EXEC …') against the sandbox's Facebook Login. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, IgsqlError, type Connection } from '../../../src/index.js';
import { MemoryTokenStore } from '../../../src/auth/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { answerDialog, appProps, codeOf, freshCode, httpUser, tokenWithScopes } from './fixtures/sandbox-user.js';
import { MemorySink } from '../../helpers/memory-sink.js';

const CALLBACK = 'http://127.0.0.1:8765/cb';
let sb: Sandbox;
let conn: Connection;
before(async () => {
  sb = await startSandbox({ port: 0 });
  conn = await connect(`${appProps(sb)};OAuthAccessToken=${sb.tokens.longLivedUser}`);
});
after(async () => {
  await conn.close();
  await sb.stop();
});

async function works(token: string): Promise<boolean> {
  const c = await connect(`BaseURL=${sb.url};OAuthAccessToken=${token}`);
  try {
    return (await c.query('SELECT Id FROM Account')).rowCount > 0;
  } finally {
    await c.close();
  }
}

test('GetOAuthAuthorizationURL: the dialog URL with client_id, redirect_uri, state and the scopes', async () => {
  const { columns, rows } = await conn.query("EXEC GetOAuthAuthorizationURL CallbackURL = 'https://example.com/oauth', State = 'xyz', Scope = 'instagram_basic pages_show_list'");
  assert.deepEqual(columns.map((c) => c.name), ['URL', 'State']);
  const url = new URL(String(rows[0]!['URL']));
  assert.equal(`${url.origin}${url.pathname}`, `${sb.url}/v25.0/dialog/oauth`);
  assert.equal(url.searchParams.get('client_id'), sb.app.id);
  assert.equal(url.searchParams.get('redirect_uri'), 'https://example.com/oauth');
  assert.equal(url.searchParams.get('state'), 'xyz');
  assert.equal(url.searchParams.get('scope'), 'instagram_basic,pages_show_list');
  const defaults = new URL(String((await conn.query('CALL GetOAuthAuthorizationURL()')).rows[0]!['URL']));
  assert.equal(defaults.searchParams.get('redirect_uri'), 'http://localhost:33333/');
  assert.match(defaults.searchParams.get('scope')!, /^instagram_basic,instagram_manage_insights,.*pages_show_list/);
  assert.ok(defaults.searchParams.get('state')!.length >= 40, 'a random state');
});

test("GetOAuthAccessToken AuthMode='WEB': code → long-lived token that works; the same code twice is refused with the next step", async () => {
  const code = await freshCode(conn, CALLBACK);
  const { rows } = await conn.query("EXEC GetOAuthAccessToken AuthMode = 'WEB', Verifier = ?, CallbackURL = ?", [code, CALLBACK]);
  const token = String(rows[0]!['OAuthAccessToken']);
  const result = await conn.query('EXEC GetPageAccessToken');
  assert.deepEqual(result.columns.filter((c) => c.sensitive).map((c) => c.name), ['PageAccessToken'], 'token columns are marked for the CLI to mask');
  assert.equal(rows[0]!['OAuthRefreshToken'], token, 'the long-lived token is its own refresh token');
  assert.ok(Number(rows[0]!['ExpiresIn']) > 50 * 86_400, 'long-lived: about 60 days');
  assert.ok(await works(token));
  await assert.rejects(
    conn.query("EXEC GetOAuthAccessToken AuthMode = 'WEB', Verifier = ?, CallbackURL = ?", [code, CALLBACK]),
    (e: unknown) => IgsqlError.is(e) && e.code === 'auth' && /works once.*GetOAuthAuthorizationURL/.test(e.message) && !e.message.includes(code),
  );
});

test('GetOAuthAccessToken accepts the whole redirected URL as Verifier, and says what is missing without one', async () => {
  const location = await answerDialog(String((await conn.query('EXEC GetOAuthAuthorizationURL CallbackURL = ?', [CALLBACK])).rows[0]!['URL']));
  const { rows } = await conn.query('EXEC GetOAuthAccessToken Verifier = ?, CallbackURL = ?', [location, CALLBACK]);
  assert.ok(await works(String(rows[0]!['OAuthAccessToken'])));
  assert.ok(codeOf(location));
  await assert.rejects(conn.query("EXEC GetOAuthAccessToken AuthMode = 'WEB'"), (e: unknown) => IgsqlError.is(e) && /needs Verifier.*AuthMode='APP'/.test(e.message));
  await assert.rejects(conn.query("EXEC GetOAuthAccessToken AuthMode = 'PHONE'"), (e: unknown) => IgsqlError.is(e) && /AuthMode must be one of WEB, APP/.test(e.message));
});

test("GetOAuthAccessToken AuthMode='APP' runs the desktop flow and stores the token for the connection's later queries", async () => {
  const user = httpUser();
  const location = 'memory://procedures-app';
  const app = await connect(`${appProps(sb)};InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=${location};CallbackURL=http://127.0.0.1:0/`, { oauthFlow: user.flow });
  const { rows } = await app.query("EXEC GetOAuthAccessToken AuthMode = 'APP'");
  assert.equal(user.shown(), 1);
  const stored = await MemoryTokenStore.named('procedures-app').read();
  assert.equal(stored?.accessToken, rows[0]!['OAuthAccessToken']);
  assert.equal(stored?.kind, 'long-lived');
  assert.ok((await app.query('SELECT Id FROM Account')).rowCount > 0);
  assert.equal(user.shown(), 1, 'the stored token is used: no second sign-in');
  const props = await app.query("SELECT Name, Value FROM sys_connection_props WHERE Name IN ('OAuthAccessToken', 'OAuthExpiresIn')");
  const value = (name: string) => props.rows.find((r) => r['Name'] === name)?.['Value'];
  assert.equal(value('OAuthAccessToken'), '****', 'sys_connection_props shows the stored token, masked');
  assert.ok(Number(value('OAuthExpiresIn')) > 50 * 86_400);
  await app.close();
});

test('RefreshOAuthAccessToken: a new long-lived token through fb_exchange_token, for the given or the current token', async () => {
  sb.resetCounts();
  const given = await conn.query('EXEC RefreshOAuthAccessToken OAuthRefreshToken = ?', [sb.tokens.longLivedUser]);
  const current = await conn.query('EXEC RefreshOAuthAccessToken');
  for (const { rows } of [given, current]) {
    assert.notEqual(rows[0]!['OAuthAccessToken'], sb.tokens.longLivedUser);
    assert.equal(rows[0]!['ExpiresIn'], 5_183_944);
    assert.ok(await works(String(rows[0]!['OAuthAccessToken'])));
  }
  assert.equal(sb.requests.filter((r) => r.path.endsWith('/oauth/access_token') && r.params['grant_type'] === 'fb_exchange_token').length, 2);
  await assert.rejects(conn.query("EXEC RefreshOAuthAccessToken OAuthRefreshToken = 'EAAnot-a-token'"), (e: unknown) => IgsqlError.is(e) && e.code === 'auth');
});

test('GetPageAccessToken: every Page with its IG account and a never-expiring token, or one Page by id or name', async () => {
  const all = await conn.query('EXEC GetPageAccessToken');
  const pages = sb.core.data.world.pages;
  assert.deepEqual(all.rows.map((r) => r['PageId']).sort(), pages.map((p) => p.id).sort());
  for (const row of all.rows) {
    assert.equal(row['PageAccessToken'], sb.tokens.pages[String(row['PageId'])]);
    assert.equal(row['ExpiresIn'], -1);
  }
  assert.ok(all.rows.some((r) => typeof r['InstagramBusinessAccountId'] === 'string'));
  const first = all.rows[0]!;
  const byName = await conn.query('EXEC GetPageAccessToken PageId = ?', [String(first['PageName']).toUpperCase()]);
  assert.deepEqual(byName.rows, [first]);
  assert.deepEqual((await conn.query('EXEC GetPageAccessToken @PageId = ?', [first['PageId']])).rows, [first]);
  await assert.rejects(conn.query("EXEC GetPageAccessToken PageId = 'Nope'"), (e: unknown) => IgsqlError.is(e) && /matches no Page id or name: the user's Pages are/.test(e.message));
});

test("GetTokenInfo: debug_token's facts, and what fails without instagram_manage_insights", async () => {
  const { rows } = await conn.query('EXEC GetTokenInfo');
  const info = rows[0]!;
  assert.equal(info['Type'], 'USER');
  assert.equal(info['AppId'], sb.app.id);
  assert.equal(info['IsValid'], true);
  assert.ok(info['ExpiresAt'] instanceof Date && info['DataAccessExpiresAt'] instanceof Date);
  assert.equal(info['Diagnosis'], 'OK');
  const limited = tokenWithScopes(sb, ['instagram_basic', 'instagram_manage_comments', 'pages_show_list', 'pages_read_engagement']);
  const other = await connect(`BaseURL=${sb.url};OAuthAccessToken=${limited}`); // no app secret: the token inspects itself
  const diag = (await other.query('EXEC GetTokenInfo')).rows[0]!;
  assert.match(String(diag['MissingScopes']), /instagram_manage_insights/);
  assert.match(String(diag['UnavailableViews']), /MediaInsights.*AccountInsights/);
  assert.ok(!String(diag['UnavailableViews']).split(',').includes('Media'));
  assert.match(String(diag['Diagnosis']), /No instagram_manage_insights: MediaInsights, .*fail\./);
  await other.close();
});

test('GetTokenInfo on an expired token says it does not work and what to do', async () => {
  const dead = tokenWithScopes(sb, ['instagram_basic']);
  sb.core.tokens.expire(dead);
  const c = await connect(`${appProps(sb)};OAuthAccessToken=${dead}`);
  const info = (await c.query('EXEC GetTokenInfo')).rows[0]!;
  assert.equal(info['IsValid'], false);
  assert.match(String(info['Diagnosis']), /does not work: the token has expired\. Set a new OAuthAccessToken, or sign in again \(GetOAuthAccessToken/);
  await c.close();
});

test('the procedures are listed in sys_procedures and sys_procedureparameters', async () => {
  const procs = (await conn.query('SELECT ProcedureName FROM sys_procedures')).rows.map((r) => r['ProcedureName']);
  assert.deepEqual(procs, ['GetOAuthAuthorizationURL', 'GetOAuthAccessToken', 'RefreshOAuthAccessToken', 'GetPageAccessToken', 'GetTokenInfo']);
  const params = await conn.query("SELECT ColumnName, Direction, [Values] FROM sys_procedureparameters WHERE ProcedureName = 'GetOAuthAccessToken'");
  assert.deepEqual(params.rows.find((r) => r['ColumnName'] === 'AuthMode'), { ColumnName: 'AuthMode', Direction: 'Input', Values: 'WEB, APP' });
  assert.ok(params.rows.some((r) => r['ColumnName'] === 'OAuthRefreshToken' && r['Direction'] === 'Output'));
});

test('the log of a verbose connection never holds the verifier or the tokens the procedures return', async () => {
  const sink = new MemorySink();
  const logged = await connect(`${appProps(sb)};OAuthAccessToken=${sb.tokens.longLivedUser};Verbosity=5`, { logSink: sink });
  const code = await freshCode(logged, CALLBACK);
  const web = await logged.query(`EXEC GetOAuthAccessToken AuthMode = 'WEB', Verifier = '${code}', CallbackURL = '${CALLBACK}'`);
  const pages = await logged.query('EXEC GetPageAccessToken');
  await logged.close();
  assert.match(sink.text, /GetOAuthAccessToken/, 'the statement was logged');
  const secrets = [code, String(web.rows[0]!['OAuthAccessToken']), ...pages.rows.map((r) => String(r['PageAccessToken'])), sb.app.secret, sb.tokens.longLivedUser];
  for (const secret of secrets) assert.ok(!sink.text.includes(secret.slice(0, 24)), `a secret reached the log: ${secret.slice(0, 4)}…`);
});

test("RefreshOAuthAccessToken on a REFRESH connection stores the new token; the connection string's seed does not overwrite it", async () => {
  const name = 'procedures-refresh';
  const c = await connect(`${appProps(sb)};InitiateOAuth=REFRESH;OAuthSettingsLocation=memory://${name};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  assert.ok((await c.query('SELECT Id FROM Account')).rowCount > 0);
  const { rows } = await c.query('EXEC RefreshOAuthAccessToken');
  const renewed = String(rows[0]!['OAuthAccessToken']);
  const store = MemoryTokenStore.named(name);
  assert.equal((await store.read())?.accessToken, renewed);
  assert.ok((await c.query('SELECT Id FROM Account')).rowCount > 0);
  const again = await connect(`${appProps(sb)};InitiateOAuth=REFRESH;OAuthSettingsLocation=memory://${name};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  assert.ok((await again.query('SELECT Id FROM Account')).rowCount > 0);
  assert.equal((await store.read())?.accessToken, renewed, 'still the token the procedure stored');
  await again.close();
  await c.close();
});

test('GetOAuthAccessToken before any query: the unused OAuthAccessToken seed does not replace the new token', async () => {
  const name = 'procedures-web-first';
  const c = await connect(`${appProps(sb)};InitiateOAuth=REFRESH;OAuthSettingsLocation=memory://${name};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  const code = await freshCode(c, CALLBACK);
  const token = String((await c.query('EXEC GetOAuthAccessToken Verifier = ?, CallbackURL = ?', [code, CALLBACK])).rows[0]!['OAuthAccessToken']);
  assert.ok((await c.query('SELECT Id FROM Account')).rowCount > 0);
  assert.equal((await MemoryTokenStore.named(name).read())?.accessToken, token);
  await c.close();
});
