/**
 * Every InitiateOAuth mode against the sandbox, through connect() and conn.query(): OFF (a given
 * token, or a System User token as Bearer), GETANDREFRESH (stored token, desktop flow, renewal
 * before expiry), REFRESH (OAuthVerifier on a machine that never opens a browser), AuthenticateAsPage,
 * and errors that name the next step.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, IgsqlError } from '../../../src/index.js';
import { FileTokenStore, parseTokens } from '../../../src/auth/index.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { NO_FLOW, appProps, freshCode, httpUser, tokenWithScopes } from './fixtures/sandbox-user.js';

const DAY = 86_400_000;
let sb: Sandbox;
let dir: string;
/** How each Graph call carried its token. */
const sent: { token: string | undefined; bearer: boolean }[] = [];
before(async () => {
  sb = await startSandbox({ port: 0 });
  sb.core.use(async (ctx, next) => {
    sent.push({ token: ctx.token, bearer: /^\s*Bearer\s/i.test(String(ctx.headers['authorization'] ?? '')) });
    return next();
  });
  dir = await mkdtemp(join(tmpdir(), 'igsql-modes-'));
});
after(() => sb.stop());

async function rows(connectionString: string, options: Parameters<typeof connect>[1] = {}, sql = 'SELECT Id FROM Account'): Promise<number> {
  const conn = await connect(connectionString, options);
  try {
    return (await conn.query(sql)).rowCount;
  } finally {
    await conn.close();
  }
}
const oauthCalls = () => sb.requests.filter((r) => r.path.includes('/oauth/') || r.path.includes('/dialog/')).length;
const exchanges = () => sb.requests.filter((r) => r.params['grant_type'] === 'fb_exchange_token').length;

test('OFF: OAuthAccessToken is sent as given, in the query', async () => {
  sent.length = 0;
  assert.ok((await rows(`BaseURL=${sb.url};AuthScheme=AccessToken;OAuthAccessToken=${sb.tokens.longLivedUser}`)) > 0);
  assert.ok(sent.length > 0 && sent.every((s) => s.token === sb.tokens.longLivedUser && !s.bearer));
});

test('AuthScheme=SystemUser: the System User token goes in an Authorization: Bearer header', async () => {
  sent.length = 0;
  assert.ok((await rows(`BaseURL=${sb.url};AuthScheme=SystemUser;OAuthAccessToken=${sb.tokens.systemUser}`)) > 0);
  assert.ok(sent.length > 0 && sent.every((s) => s.token === sb.tokens.systemUser && s.bearer));
});

test('GETANDREFRESH with a stored token: used as is, no sign-in and no OAuth call', async () => {
  const file = join(dir, 'stored.json');
  await new FileTokenStore(file).update(() => ({ next: { appId: sb.app.id, accessToken: sb.tokens.longLivedUser, tokenType: 'bearer', kind: 'long-lived', expiresAt: Date.now() + 50 * DAY, issuedAt: Date.now() }, result: undefined }));
  sb.resetCounts();
  const before = oauthCalls();
  assert.ok((await rows(`${appProps(sb)};InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=${file}`, { oauthFlow: NO_FLOW })) > 0);
  assert.equal(oauthCalls(), before);
});

test('GETANDREFRESH with an empty store: the desktop flow signs in, the token is stored 0600 and reused', async () => {
  const file = join(dir, 'flow.json');
  const user = httpUser();
  const props = `${appProps(sb)};InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=${file};CallbackURL=http://127.0.0.1:0/`;
  assert.ok((await rows(props, { oauthFlow: user.flow })) > 0);
  assert.equal(user.shown(), 1);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
  const stored = parseTokens(await readFile(file, 'utf8'), file)!;
  assert.equal(stored.kind, 'long-lived');
  assert.ok(typeof stored.expiresAt === 'number' && stored.expiresAt > Date.now() + 50 * DAY);
  assert.ok((await rows(props, { oauthFlow: NO_FLOW })) > 0, 'the next connection uses the stored token');
});

test('GETANDREFRESH renews a token that expires within days, before it expires', async () => {
  const file = join(dir, 'expiring.json');
  const old = sb.tokens.longLivedUser;
  await new FileTokenStore(file).update(() => ({ next: { appId: sb.app.id, accessToken: old, refreshToken: old, tokenType: 'bearer', kind: 'long-lived', expiresAt: Date.now() + 3 * DAY, issuedAt: Date.now() - 57 * DAY }, result: undefined }));
  const before = exchanges();
  assert.ok((await rows(`${appProps(sb)};InitiateOAuth=GETANDREFRESH;OAuthSettingsLocation=${file}`, { oauthFlow: NO_FLOW })) > 0);
  assert.equal(exchanges(), before + 1);
  const stored = await new FileTokenStore(file).read();
  assert.notEqual(stored?.accessToken, old);
  assert.ok(typeof stored?.expiresAt === 'number' && stored.expiresAt > Date.now() + 50 * DAY);
});

test('REFRESH on a headless machine: OAuthVerifier from another machine is exchanged once, never a browser', async () => {
  const file = join(dir, 'headless.json');
  const callback = 'http://localhost:33333/';
  const helper = await connect(`${appProps(sb)};OAuthAccessToken=${sb.tokens.longLivedUser}`);
  const code = await freshCode(helper, callback);
  await helper.close();
  const props = `${appProps(sb)};InitiateOAuth=REFRESH;OAuthVerifier=${code};CallbackURL=${callback};OAuthSettingsLocation=${file}`;
  assert.ok((await rows(props, { oauthFlow: NO_FLOW })) > 0);
  assert.equal((await new FileTokenStore(file).read())?.kind, 'long-lived');
  assert.ok((await rows(props, { oauthFlow: NO_FLOW })) > 0, 'the used verifier left in the string does not break the next connection');
});

test('REFRESH with nothing to start from: an error naming the procedure and properties that fix it, no browser', async () => {
  await assert.rejects(
    rows(`${appProps(sb)};InitiateOAuth=REFRESH;OAuthSettingsLocation=${join(dir, 'empty.json')}`, { oauthFlow: NO_FLOW }),
    (e: unknown) => IgsqlError.is(e) && e.code === 'auth' && /GetOAuthAuthorizationURL/.test(e.message) && /OAuthVerifier/.test(e.message) && /OAuthAccessToken/.test(e.message),
  );
});

test('an expired token with no way to refresh says which property fixes it; a dead System User token says where to make one', async () => {
  const dead = tokenWithScopes(sb, ['instagram_basic', 'pages_show_list', 'pages_read_engagement']);
  sb.core.tokens.expire(dead);
  await assert.rejects(rows(`BaseURL=${sb.url};OAuthAccessToken=${dead}`), (e: unknown) =>
    IgsqlError.is(e) && e.code === 'auth' && /token has expired/.test(e.message) && /Set a new OAuthAccessToken/.test(e.message) && /InitiateOAuth=REFRESH/.test(e.message) && !e.message.includes(dead));
  const system = sb.core.tokens.issue({ type: 'SYSTEM_USER', userId: sb.core.data.world.systemUsers[0]!.id }).token;
  sb.core.tokens.invalidate(system, 'invalid');
  await assert.rejects(rows(`BaseURL=${sb.url};AuthScheme=SystemUser;OAuthAccessToken=${system}`), (e: unknown) => IgsqlError.is(e) && /Generate a new System User token in Business Settings/.test(e.message));
});

test('AuthenticateAsPage (by name): the calls carry that Page token; REFRESH keeps it in the store', async () => {
  const page = sb.core.data.world.pages[0]!;
  sent.length = 0;
  assert.ok((await rows(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};AuthenticateAsPage=${page.name}`, {}, 'SELECT Id, Username FROM Account')) > 0);
  assert.ok(sent.some((s) => s.token === sb.tokens.pages[page.id]), 'the Page token was used');
  const file = join(dir, 'page.json');
  await rows(`${appProps(sb)};InitiateOAuth=REFRESH;OAuthAccessToken=${sb.tokens.longLivedUser};AuthenticateAsPage=${page.id};OAuthSettingsLocation=${file}`, { oauthFlow: NO_FLOW });
  const kept = (await new FileTokenStore(file).read())?.pageTokens?.[page.id];
  assert.equal(sb.core.tokens.lookup(kept?.accessToken ?? '')?.pageId, page.id, "that Page's token is stored");
  await assert.rejects(rows(`BaseURL=${sb.url};OAuthAccessToken=${sb.tokens.longLivedUser};AuthenticateAsPage=No Such Page`), (e: unknown) => IgsqlError.is(e) && /AuthenticateAsPage "No Such Page" matches no Page/.test(e.message));
});

test('a settings file others can read is tightened to 0600 when igsql reads it', async () => {
  const file = join(dir, 'loose.json');
  await new FileTokenStore(file).update(() => ({ next: { appId: sb.app.id, accessToken: sb.tokens.longLivedUser, tokenType: 'bearer', kind: 'long-lived', expiresAt: Date.now() + 50 * DAY, issuedAt: Date.now() }, result: undefined }));
  await chmod(file, 0o644);
  assert.ok((await rows(`${appProps(sb)};InitiateOAuth=REFRESH;OAuthSettingsLocation=${file}`, { oauthFlow: NO_FLOW })) > 0);
  assert.equal((await stat(file)).mode & 0o777, 0o600);
});
