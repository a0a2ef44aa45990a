/** Error envelopes, HTTP statuses, token problems, versions and standard headers. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, get } from './helpers.js';

const clock = createManualClock('2026-05-19T23:27:28Z');
let sb: Sandbox;
let ig: string;

before(async () => {
  sb = await startSandbox({ seed: 3, clock, defaultVersion: 'v24.0' });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());

function assertEnvelope(body: any, code: number, type = 'OAuthException'): void {
  assert.equal(body.error.code, code);
  assert.equal(body.error.type, type);
  assert.equal(typeof body.error.message, 'string');
  assert.match(body.error.fbtrace_id, /^[A-Za-z0-9_-]{10,}$/);
}

test('every answer carries facebook-api-version, x-fb-trace-id and the JSON content type', async () => {
  const versioned = await call(sb, '/v22.0/me');
  assert.equal(versioned.headers.get('facebook-api-version'), 'v22.0');
  assert.equal(versioned.headers.get('content-type'), 'application/json; charset=UTF-8');
  assert.match(versioned.headers.get('x-fb-trace-id')!, /^[A-Za-z0-9_-]+$/);
  assert.equal((await call(sb, '/me')).headers.get('facebook-api-version'), 'v24.0', 'unversioned → default version');
  assert.equal((await call(sb, '/v12.0/me')).headers.get('facebook-api-version'), 'v21.0', 'expired version → oldest');
  const failed = await call(sb, `/v25.0/${ig}?fields=nope`);
  assert.equal(failed.headers.get('x-fb-trace-id'), failed.body.error.fbtrace_id);
  const unknown = await call(sb, '/v99.0/me');
  assert.equal(unknown.status, 400);
  assertEnvelope(unknown.body, 2500);
});

test('unknown objects: 100/33 GraphMethodException for ids, 803 for aliases', async () => {
  const missing = await call(sb, '/v25.0/17841400000000000');
  assert.equal(missing.status, 400);
  assertEnvelope(missing.body, 100, 'GraphMethodException');
  assert.equal(missing.body.error.error_subcode, 33);
  assert.equal(missing.body.error.message, "Unsupported get request. Object with ID '17841400000000000' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
  const post = await call(sb, `/v25.0/${ig}`, { method: 'POST' });
  assert.match(post.body.error.message, /^Unsupported post request\. Object with ID/);
  const alias = await call(sb, '/v25.0/no_such_thing');
  assertEnvelope(alias.body, 803);
  assert.equal(alias.body.error.message, '(#803) Some of the aliases you requested do not exist: no_such_thing');
  const publicAccount = sb.core.data.world.discoveryTarget.id;
  assert.equal((await call(sb, `/v25.0/${publicAccount}`)).body.error.error_subcode, 33, 'other accounts only through business discovery');
});

test('unknown fields and edges name the node type; bad fields syntax is 2500', async () => {
  const media = sb.core.data.mediaList(sb.core.data.world.igAccounts[0]!).slice(0, 1)[0]!;
  const field = await call(sb, `/v25.0/${media.id}?fields=id,status_code`);
  assert.equal(field.body.error.message, '(#100) Tried accessing nonexisting field (status_code) on node type (ShadowIGMedia)');
  const nested = await call(sb, `/v25.0/${ig}?fields=media{id,bogus}`);
  assert.equal(nested.body.error.message, '(#100) Tried accessing nonexisting field (bogus) on node type (ShadowIGMedia)');
  const edge = await call(sb, `/v25.0/${ig}/friends`);
  assert.equal(edge.body.error.message, '(#100) Tried accessing nonexisting field (friends) on node type (ShadowIGUser)');
  const pageAccounts = await call(sb, '/v25.0/me/accounts', { token: sb.tokens.page });
  assert.equal(pageAccounts.body.error.message, '(#100) Tried accessing nonexisting field (accounts) on node type (Page)');
  const syntax = await call(sb, `/v25.0/${ig}?fields=media{id`);
  assertEnvelope(syntax.body, 2500);
  assert.match(syntax.body.error.message, /^Syntax error "Expected "}" instead of end of string\." at character 8: media\{id$/);
});

test('token errors: missing (104), unparsable and expired (190 with WWW-Authenticate)', async () => {
  const missing = await call(sb, '/v25.0/me', { token: null });
  assert.equal(missing.status, 400);
  assertEnvelope(missing.body, 104);
  const bad = await call(sb, '/v25.0/me', { token: 'EAAnotatoken' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.message, 'Invalid OAuth access token - Cannot parse access token');
  assert.equal(bad.headers.get('www-authenticate'), 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"');
  assert.equal(bad.body.error.error_subcode, undefined);
  // the short-lived token dies after 2 hours; the long-lived and page tokens live on
  assert.equal((await call(sb, '/v25.0/me', { token: sb.tokens.shortLivedUser })).status, 200);
  clock.advance(2 * 3600_000 + 1000);
  try {
    const expired = await call(sb, '/v25.0/me', { token: sb.tokens.shortLivedUser });
    assert.equal(expired.status, 400);
    assert.equal(expired.body.error.code, 190);
    assert.equal(expired.body.error.error_subcode, 463);
    assert.match(expired.body.error.message, /^Error validating access token: Session has expired on Tuesday, 19-May-26 18:27:28 PDT\. The current time is Tuesday, 19-May-26 18:27:29 PDT\.$/);
    assert.match(expired.headers.get('www-authenticate')!, /^OAuth "Facebook Platform" "invalid_token" "Error validating access token/);
    assert.equal((await call(sb, '/v25.0/me', { token: sb.tokens.longLivedUser })).status, 200);
    assert.equal((await call(sb, '/v25.0/me', { token: sb.tokens.page })).status, 200);
  } finally {
    clock.advance(-(2 * 3600_000 + 1000));
  }
});

test('a token expired or invalidated mid-paging fails the next page with 190', async () => {
  const record = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, longLived: true });
  const first = await get(sb, `/v25.0/${ig}/media?limit=5`, record.token);
  sb.core.tokens.invalidate(record.token, 'password-changed');
  const next = await fetch(first.paging.next);
  const body = (await next.json()) as { error: { code: number; error_subcode: number } };
  assert.equal(next.status, 400);
  assert.equal(body.error.code, 190);
  assert.equal(body.error.error_subcode, 460);
});

test('app tokens cannot ask for /me (2500); missing permissions give (#10)', async () => {
  const app = await call(sb, '/v25.0/me', { token: sb.tokens.app });
  assertEnvelope(app.body, 2500);
  assert.equal(app.body.error.message, 'An active access token must be used to query information about the current user.');
  const noIg = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, scopes: ['public_profile', 'pages_show_list'] });
  const denied = await call(sb, `/v25.0/${ig}`, { token: noIg.token });
  assertEnvelope(denied.body, 10);
  assert.equal(denied.body.error.message, '(#10) Application does not have permission for this action');
  const noPages = sb.core.tokens.issue({ type: 'USER', userId: sb.core.data.world.users[0]!.id, scopes: ['public_profile'] });
  assert.deepEqual(await get(sb, '/v25.0/me/accounts', noPages.token), { data: [] });
});

test('suppress_response_codes=true answers 200 with the error body', async () => {
  const reply = await call(sb, `/v25.0/${ig}?fields=nope&suppress_response_codes=true`);
  assert.equal(reply.status, 200);
  assert.equal(reply.body.error.code, 100);
});

test('required parameters and bad values', async () => {
  assert.equal((await call(sb, `/v25.0/ig_hashtag_search?q=coffee`)).body.error.message, '(#100) The parameter user_id is required');
  assert.equal((await call(sb, `/v25.0/ig_hashtag_search?user_id=${ig}`)).body.error.message, '(#100) The parameter q is required');
  const tag = sb.core.data.hashtags.byName('coffee')!.id;
  assert.equal((await call(sb, `/v25.0/${tag}/top_media`)).body.error.message, '(#100) The parameter user_id is required');
  assert.equal((await call(sb, `/v25.0/${ig}/media?limit=abc`)).body.error.code, 100);
  assert.equal((await call(sb, `/v25.0/${ig}/media?since=whenever`)).body.error.code, 100);
  const bd = await call(sb, `/v25.0/${ig}?fields=business_discovery.username(nobody_here){id}`);
  assert.deepEqual([bd.body.error.code, bd.body.error.error_subcode, bd.body.error.error_user_title], [110, 2207013, 'Cannot find User']);
});
