/** Usage headers and throttling over HTTP (graph-api.md §6–7). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, startSandbox, type RateLimitOptions } from '../../../src/sandbox/index.js';
import { call } from './helpers.js';

async function sandbox(rateLimit: RateLimitOptions = {}) {
  const clock = createManualClock('2026-05-19T12:00:00Z');
  const sb = await startSandbox({ seed: 11, clock, rateLimit });
  const account = sb.core.data.world.igAccounts[0]!;
  const page = sb.core.data.world.pages[account.pageIndex!]!;
  const business = sb.core.data.world.businesses[page.businessIndex]!.id;
  const media = sb.core.data.mediaList(account).slice(0, 3).map((m) => m.id);
  return { sb, clock, ig: account.id, page, business, media };
}

function appUsage(headers: Headers): any {
  const text = headers.get('x-app-usage');
  return text === null ? undefined : JSON.parse(text);
}

function buc(headers: Headers): any {
  const text = headers.get('x-business-use-case-usage');
  return text === null ? undefined : JSON.parse(text);
}

test('user token: X-App-Usage on every call; IG calls also X-Business-Use-Case-Usage keyed by business and IG id', async (t) => {
  const { sb, ig, business } = await sandbox({ appCalls: 100, bucCalls: 50 });
  t.after(() => sb.stop());
  const me = await call(sb, '/v25.0/me');
  assert.deepEqual(appUsage(me.headers), { call_count: 1, total_time: 1, total_cputime: 0 });
  assert.equal(buc(me.headers), undefined, '/me touches no IG account');
  const account = await call(sb, `/v25.0/${ig}?fields=username`);
  assert.deepEqual(appUsage(account.headers), { call_count: 2, total_time: 2, total_cputime: 1 });
  const usage = buc(account.headers);
  assert.deepEqual(Object.keys(usage), [business, ig]);
  assert.deepEqual(usage[ig], [{ type: 'instagram', call_count: 2, total_cputime: 1, total_time: 2, estimated_time_to_regain_access: 0 }]);
  assert.deepEqual(usage[business], usage[ig]);
});

test('page and system-user tokens get the business header only (a Page token also its Page entry)', async (t) => {
  const { sb, ig, page } = await sandbox();
  t.after(() => sb.stop());
  const byPage = await call(sb, `/v25.0/${ig}?fields=id`, { token: sb.tokens.page });
  assert.equal(appUsage(byPage.headers), undefined);
  const usage = buc(byPage.headers);
  assert.equal(usage[ig][0].type, 'instagram');
  assert.equal(usage[page.id][0].type, 'pages');
  const bySystemUser = await call(sb, `/v25.0/${ig}?fields=id`, { token: sb.tokens.systemUser });
  assert.equal(appUsage(bySystemUser.headers), undefined);
  assert.deepEqual(Object.keys(buc(bySystemUser.headers)).includes(ig), true);
  const byApp = await call(sb, `/v25.0/${sb.app.id}`, { token: sb.tokens.app });
  assert.ok(appUsage(byApp.headers) !== undefined, 'app token: the app header');
});

test('each ids= entry and each batch operation counts as one call', async (t) => {
  const { sb, ig, media } = await sandbox();
  t.after(() => sb.stop());
  await call(sb, `/v25.0/?ids=${media.join(',')}&fields=id`);
  assert.equal(sb.rateLimits.usage().app.calls, 3);
  assert.equal(sb.rateLimits.usage().igAccounts[ig]!.calls, 3);
  const body = new URLSearchParams({ access_token: sb.tokens.longLivedUser, batch: JSON.stringify([{ method: 'GET', relative_url: 'me' }, { method: 'GET', relative_url: `?ids=${media.slice(0, 2).join(',')}` }]) });
  const response = await fetch(`${sb.url}/v25.0/`, { method: 'POST', body });
  const answers = (await response.json()) as { headers: { name: string }[] }[];
  assert.equal(sb.rateLimits.usage().app.calls, 6, 'the envelope itself counts nothing');
  assert.equal(sb.rateLimits.usage().igAccounts[ig]!.calls, 5);
  assert.ok(answers[1]!.headers.some((h) => h.name === 'X-Business-Use-Case-Usage'), 'operations carry their own usage headers');
  assert.ok(response.headers.get('x-app-usage') !== null, 'the envelope carries the app header');
});

test('over the IG budget: 80002 with the real message, HTTP 400 and estimated_time_to_regain_access > 0; the window rolls', async (t) => {
  const { sb, clock, ig } = await sandbox({ bucCalls: 3 });
  t.after(() => sb.stop());
  for (let i = 0; i < 3; i++) assert.equal((await call(sb, `/v25.0/${ig}?fields=id`)).status, 200);
  const refused = await call(sb, `/v25.0/${ig}/media?fields=id`);
  assert.equal(refused.status, 400);
  assert.deepEqual(Object.keys(refused.body.error), ['message', 'type', 'code', 'is_transient', 'fbtrace_id']);
  assert.equal(refused.body.error.code, 80002);
  assert.equal(refused.body.error.type, 'OAuthException');
  assert.equal(refused.body.error.message, '(#80002) There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.');
  const entry = buc(refused.headers)[ig][0];
  assert.ok(entry.call_count >= 100);
  assert.ok(entry.estimated_time_to_regain_access > 0);
  assert.equal((await call(sb, '/v25.0/me')).status, 200, 'other counters are not blocked');
  clock.advance(30 * 60_000);
  assert.equal((await call(sb, `/v25.0/${ig}?fields=id`)).body.error.code, 80002, 'still inside the window (calls while blocked count too)');
  clock.advance(61 * 60_000);
  const again = await call(sb, `/v25.0/${ig}?fields=id`);
  assert.equal(again.status, 200, 'usage decayed');
  assert.equal(buc(again.headers)[ig][0].estimated_time_to_regain_access, 0);
});

test('codes 4 (app), 17 (user) and 32 (Page), each with its message', async (t) => {
  const app = await sandbox({ appCalls: 1 });
  const user = await sandbox({ userCalls: 1 });
  const page = await sandbox({ pageCalls: 1 });
  t.after(() => Promise.all([app.sb.stop(), user.sb.stop(), page.sb.stop()]));
  await call(app.sb, '/v25.0/me');
  const four = await call(app.sb, '/v25.0/me');
  assert.equal(four.status, 400);
  assert.equal(four.body.error.message, '(#4) Application request limit reached');
  assert.equal(four.body.error.is_transient, true);
  assert.equal(appUsage(four.headers).call_count, 200);
  await call(user.sb, '/v25.0/me');
  assert.equal((await call(user.sb, '/v25.0/me')).body.error.message, '(#17) User request limit reached');
  await call(page.sb, '/v25.0/me', { token: page.sb.tokens.page });
  const thirtyTwo = await call(page.sb, '/v25.0/me', { token: page.sb.tokens.page });
  assert.equal(thirtyTwo.body.error.message, '(#32) Page request limit reached');
  assert.ok(buc(thirtyTwo.headers)[page.page.id][0].estimated_time_to_regain_access > 0);
  assert.equal((await call(page.sb, '/v25.0/me')).status, 200, 'a user token is not limited by the Page budget');
});

test('headerAfterCalls: no usage header until enough calls; bad tokens are not counted', async (t) => {
  const { sb } = await sandbox({ headerAfterCalls: 3 });
  t.after(() => sb.stop());
  await call(sb, '/v25.0/me', { token: 'EAAbogus' });
  assert.equal(sb.rateLimits.usage().app.calls, 0);
  assert.equal(appUsage((await call(sb, '/v25.0/me')).headers), undefined);
  assert.equal(appUsage((await call(sb, '/v25.0/me')).headers), undefined);
  assert.ok(appUsage((await call(sb, '/v25.0/me')).headers) !== undefined);
});

test('defaults never throttle ordinary use; budgets change at run time', async (t) => {
  const { sb } = await sandbox();
  t.after(() => sb.stop());
  for (let i = 0; i < 20; i++) assert.equal((await call(sb, '/v25.0/me')).status, 200);
  assert.equal(appUsage((await call(sb, '/v25.0/me')).headers).call_count, 0);
  sb.rateLimits.configure({ appCalls: 10 });
  assert.equal((await call(sb, '/v25.0/me')).body.error.code, 4);
  sb.rateLimits.reset();
  assert.equal((await call(sb, '/v25.0/me')).status, 200);
});
