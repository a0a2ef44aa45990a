/** The request log, call counts per endpoint, secret scrubbing and the latency knob. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { call, get } from './helpers.js';

let sb: Sandbox;
let ig: string;

before(async () => {
  sb = await startSandbox({ seed: 1 });
  ig = sb.core.data.world.igAccounts[0]!.id;
});
after(() => sb.stop());

test('counts per endpoint pattern, with me kept literal and ids folded into patterns', async () => {
  sb.resetCounts();
  const first = await get(sb, `/v25.0/${ig}/media?limit=5`);
  await fetch(first.paging.next);
  await get(sb, '/v25.0/me/accounts');
  await get(sb, `/v25.0/${sb.core.data.world.users[0]!.id}/accounts`);
  await call(sb, '/v25.0/17841400000000000');
  assert.deepEqual(sb.counts(), {
    'GET (unrouted)': 1,
    'GET /me/accounts': 1,
    'GET /{ig-user-id}/media': 2,
    'GET /{user-id}/accounts': 1,
  });
  assert.equal(sb.requests.length, 5);
  sb.resetCounts();
  assert.deepEqual(sb.counts(), {});
  assert.equal(sb.requests.length, 0);
});

test('entries record method, path, version, status and error codes, never tokens or secrets', async () => {
  sb.resetCounts();
  await call(sb, `//v24.0//${ig}?fields=nope&note=${sb.tokens.pages[sb.core.data.world.pages[1]!.id]}`);
  await call(sb, `/me?client_secret=${sb.app.secret}&other=${sb.app.secret}`, { headers: { Authorization: `OAuth ${sb.tokens.systemUser}` }, token: null });
  const [failed, me] = sb.requests;
  assert.equal(failed!.method, 'GET');
  assert.equal(failed!.path, `/v24.0/${ig}`);
  assert.equal(failed!.version, 'v24.0');
  assert.equal(failed!.status, 400);
  assert.equal(failed!.errorCode, 100);
  assert.equal(failed!.endpoint, 'GET /{ig-user-id}');
  assert.equal(failed!.source, 'http');
  assert.equal(me!.status, 200);
  const text = JSON.stringify(sb.requests);
  for (const secret of [sb.tokens.longLivedUser, sb.tokens.systemUser, sb.app.secret, ...Object.values(sb.tokens.pages)]) assert.ok(!text.includes(secret));
  assert.equal(failed!.params['access_token'], undefined);
  assert.equal(me!.params['client_secret'], undefined);
});

test('latencyMs delays every request (changeable at run time)', async () => {
  sb.setLatency(60);
  const started = performance.now();
  await get(sb, '/v25.0/me');
  const elapsed = performance.now() - started;
  sb.setLatency(0);
  assert.ok(elapsed >= 55, `took ${elapsed} ms`);
  assert.throws(() => sb.setLatency(-1), RangeError);
});

test('core.dispatch runs a request without HTTP (the seam batch requests use)', async () => {
  const response = await sb.core.dispatch({ method: 'GET', url: `/v25.0/${ig}?fields=username`, headers: { authorization: `Bearer ${sb.tokens.longLivedUser}` }, source: 'batch' });
  assert.equal(response.status, 200);
  assert.deepEqual(response.json, { username: 'lanterncoffee', id: ig });
  assert.equal(JSON.parse(String(response.body)).username, 'lanterncoffee');
  assert.equal(response.headers['facebook-api-version'], 'v25.0');
  assert.equal(sb.requests.at(-1)!.source, 'batch');
});
